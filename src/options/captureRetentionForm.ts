import { checkBlockEntry, MAX_BLOCKLIST_ENTRIES } from '../core/capture';
import { MAX_RETENTION_COUNT, MAX_RETENTION_DAYS, type RetentionPolicy } from '../core/retention';
import { formatNumber, t } from '../shared/i18n';

/** What the options page's capture and retention forms (the auto-capture block list, the retention policy) accept, with the reader's sentence for what they refuse. */

/** What the reader typed into the block list field, as a domain to add or a sentence saying why not. */
export function blockEntryFor(input: string, blocklist: readonly string[]): { ok: true; domain: string } | { ok: false; message: string } {
  const check = checkBlockEntry(input);
  if (!check.ok) {
    const shown = input.trim().slice(0, 100);
    return {
      ok: false,
      message:
        check.reason === 'empty'
          ? t('blockEntryEmpty')
          : check.reason === 'too-broad'
            ? t('blockEntryTooBroad', [shown])
            : t('blockEntryInvalid', [shown]),
    };
  }
  if (blocklist.includes(check.domain)) return { ok: false, message: t('blockEntryDuplicate', [check.domain]) };
  if (blocklist.length >= MAX_BLOCKLIST_ENTRIES) return { ok: false, message: t('blockListFull', [formatNumber(MAX_BLOCKLIST_ENTRIES)]) };
  return { ok: true, domain: check.domain };
}

/** The policy the form describes, or why the number cannot be one. */
export function policyFromForm(
  mode: RetentionPolicy['mode'],
  amount: string,
): { ok: true; policy: RetentionPolicy } | { ok: false; message: string } {
  if (mode === 'unlimited') return { ok: true, policy: { mode } };
  const max = mode === 'days' ? MAX_RETENTION_DAYS : MAX_RETENTION_COUNT;
  // Digits, optionally grouped by thousands as the reader's locale writes them (1,234 / 1.234 / 1 234).
  const text = amount.trim();
  const grouped = /^\d{1,9}$/.test(text) || /^\d{1,3}(?:[,.\s'’_]\d{3}){1,2}$/.test(text);
  const n = grouped ? Number(text.replace(/\D/g, '')) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) return { ok: false, message: t('retentionInvalidNumber', [formatNumber(max)]) };
  return { ok: true, policy: mode === 'days' ? { mode, days: n } : { mode, count: n } };
}
