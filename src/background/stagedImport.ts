import type { ArticleRecord } from '../core/types';
import type { ImportSummary } from '../shared/messages';
import type { Archive } from './archive';
import type { StagedImport } from './dbSchema';
import { storageError } from './storageErrors';
import { summariseOutcomes, upsertRecords, type UpsertOutcome } from './upsert';

/**
 * Imports too big for one message. The options page streams a file through the parser
 * and sends its records in batches; each batch is kept in the `staging` store (not the
 * archive) and the commit moves them all into the archive in one transaction, so the
 * archive gets the whole file or nothing. Staging lives in IndexedDB, so a worker stopped
 * between batches picks up where it was; an import nobody touched for an hour is dropped.
 */

export const STALE_IMPORT_MS = 60 * 60 * 1000;

export async function startImport(archive: Archive, source: string, now = Date.now()): Promise<string> {
  await discardStaleImports(archive, now);
  const importId = crypto.randomUUID();
  const header: StagedImport = { importId, source, startedAt: now, updatedAt: now, staged: 0, batches: 0 };
  await archive.db.put('imports', header).catch((e: unknown) => Promise.reject(storageError(e)));
  return importId;
}

export async function stageBatch(archive: Archive, importId: string, records: ArticleRecord[], now = Date.now()): Promise<number> {
  const tx = archive.db.transaction(['imports', 'staging'], 'readwrite');
  try {
    const header = await tx.objectStore('imports').get(importId);
    if (!header) throw new Error(unknownImport);
    await tx.objectStore('staging').put({ importId, seq: header.batches, records });
    const next = { ...header, batches: header.batches + 1, staged: header.staged + records.length, updatedAt: now };
    await tx.objectStore('imports').put(next);
    await tx.done;
    return next.staged;
  } catch (e) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    throw storageError(e, tx.error);
  }
}

/** Moves every staged batch into the archive in one transaction, then forgets the import. */
export async function commitImport(archive: Archive, importId: string, now = Date.now()): Promise<ImportSummary> {
  return archive.write(['articles', 'meta', 'staging', 'imports'], async (tx) => {
    const header = await tx.objectStore('imports').get(importId);
    if (!header) throw new Error(unknownImport);
    const outcomes: UpsertOutcome[] = [];
    const staging = tx.objectStore('staging');
    let cursor = await staging.openCursor(batchRange(importId));
    while (cursor) {
      outcomes.push(...(await upsertRecords(tx, cursor.value.records, 'imported', now)));
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.objectStore('imports').delete(importId);
    return summariseOutcomes(outcomes);
  });
}

/** Drops a staged import; the archive is not touched. Returns how many records were staged. */
export async function abortImport(archive: Archive, importId: string): Promise<number> {
  const tx = archive.db.transaction(['imports', 'staging'], 'readwrite');
  const header = await tx.objectStore('imports').get(importId);
  await tx.objectStore('staging').delete(batchRange(importId));
  await tx.objectStore('imports').delete(importId);
  await tx.done;
  return header?.staged ?? 0;
}

export async function discardStaleImports(archive: Archive, now = Date.now()): Promise<number> {
  const stale = await archive.db.getAllKeysFromIndex('imports', 'updatedAt', IDBKeyRange.upperBound(now - STALE_IMPORT_MS));
  for (const importId of stale) await abortImport(archive, importId);
  return stale.length;
}

const unknownImport = 'This import is no longer staged (it was cancelled, finished, or left idle for an hour). Start the import again.';

function batchRange(importId: string): IDBKeyRange {
  return IDBKeyRange.bound([importId, 0], [importId, Number.MAX_SAFE_INTEGER]);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // The failure already ended the transaction.
  }
}
