import type { ArchiveDb, ChangeLogRow, MirrorKey } from './dbSchema';
import type { ArticlesTx } from './upsert';

/**
 * The archive's change log: every write transaction adds one row under the change counter
 * it sets, naming the ids it put and removed. A mirror of the archive (the match index,
 * the catalog) whose snapshot is at counter C catches up by reading the records changed
 * since C instead of every record, however the worker was stopped. Rows are dropped once
 * every stored snapshot is past them, and the log is capped: a snapshot older than the
 * log is rebuilt.
 */

/** Rows kept at most: a mirror further behind rebuilds (saves and polls write one row each). */
export const CHANGE_LOG_ROWS = 5000;

/** Records the write's ids; runs inside the write's transaction, after the counter's bump. */
export async function logChange(tx: ArticlesTx, counter: number, put: readonly string[], removed: readonly string[]): Promise<void> {
  await tx.objectStore('changeLog').put({ counter, put: [...put], removed: [...removed] });
}

/** What changed after `from` up to `to`: each id's last state. Null when the log does not reach back to `from`. */
export async function changesSince(db: ArchiveDb, from: number, to: number): Promise<{ put: string[]; removed: string[] } | null> {
  if (to <= from) return { put: [], removed: [] };
  const rows: ChangeLogRow[] = await db.getAll('changeLog', IDBKeyRange.bound(from, to, true, false));
  if (rows.length !== to - from || rows[0]?.counter !== from + 1) return null;
  const last = new Map<string, boolean>();
  for (const row of rows) {
    for (const id of row.removed) last.set(id, false);
    for (const id of row.put) last.set(id, true);
  }
  const put: string[] = [];
  const removed: string[] = [];
  for (const [id, present] of last) (present ? put : removed).push(id);
  return { put, removed };
}

/** Notes that `key`'s snapshot is at `counter`, and drops the rows every snapshot is past (and those beyond the cap). */
export async function snapshotWritten(db: ArchiveDb, key: MirrorKey, counter: number): Promise<void> {
  const tx = db.transaction(['meta', 'changeLog'], 'readwrite');
  const meta = tx.objectStore('meta');
  const row = await meta.get('snapshotsAt');
  const at = { ...(row?.key === 'snapshotsAt' ? row.at : {}), [key]: counter };
  await meta.put({ key: 'snapshotsAt', at });
  const oldest = Math.min(...Object.values(at), counter);
  const floor = Math.max(oldest, counter - CHANGE_LOG_ROWS);
  if (floor > 0) await tx.objectStore('changeLog').delete(IDBKeyRange.upperBound(floor));
  await tx.done;
}
