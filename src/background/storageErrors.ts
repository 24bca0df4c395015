import { t } from '../shared/i18n';

/**
 * Turns IndexedDB failures into sentences a reader can act on. A full quota is the one a
 * reader can fix: say so, and say that nothing was written (the transaction was aborted).
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor() {
    super(t('errQuota'));
  }
}

export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('name' in e)) return false;
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** The error to report for a failed write transaction (`txError` is the transaction's own error, if any). */
export function storageError(e: unknown, txError?: unknown): Error {
  if (isQuotaError(e) || isQuotaError(txError) || e instanceof StorageFullError) return new StorageFullError();
  if (e instanceof Error) return e;
  return new Error(t('errWriteFailed', [String(e)]));
}
