import type { IDBPTransaction, StoreNames } from 'idb';
import type { Article, ArticleRecord } from '../core/types';
import { countWords } from '../core/types';
import { canonicalUrlKey } from './canonicalUrl';
import type { ImportSummary } from '../shared/messages';
import type { FramelensDB, RecordOrigin, StoredArticle } from './dbSchema';

/** A write transaction that includes the articles store. */
export type ArticlesTx = IDBPTransaction<FramelensDB, StoreNames<FramelensDB>[], 'readwrite'>;

export interface UpsertOutcome {
  id: string;
  created: boolean;
  stored: ArticleRecord;
  /** When the record entered the archive (kept on update unless saved by hand again). */
  savedAt: number;
  /** Other records removed because they were the same page (same canonical URL). */
  removed: string[];
}

/**
 * Puts records, keeping "one record per canonical URL": a record whose URL is already
 * archived under another id updates that record (the archived id stays, so selections and
 * the match index keep pointing at it); a record whose id is archived updates it, and a
 * different record holding the same URL is merged away. Later records of the batch see
 * what earlier ones did. Runs inside the caller's transaction and awaits only its requests.
 */
export async function upsertRecords(
  tx: ArticlesTx,
  records: readonly ArticleRecord[],
  origin: RecordOrigin,
  now: number,
): Promise<UpsertOutcome[]> {
  const store = tx.objectStore('articles');
  const urlIndex = store.index('url');
  const keys = records.map((r) => canonicalUrlKey(r.url));
  // Every read is issued at once (IndexedDB answers them in order, no round trip each). They
  // show the store before this batch; `rows` and `owners` track what the batch changes.
  const [readById, readByUrl] = await Promise.all([
    Promise.all(records.map((r) => store.get(r.id))),
    Promise.all(keys.map((k) => (k === null ? undefined : urlIndex.get(k)))),
  ]);
  /** id → the row as this batch left it (null: deleted). */
  const rows = new Map<string, StoredArticle | null>();
  /** urlKey → the id holding it after this batch's writes (null: nobody). */
  const owners = new Map<string, string | null>();
  const current = (id: string, read: StoredArticle | undefined) => (rows.has(id) ? (rows.get(id) ?? undefined) : read);
  const writes: Promise<unknown>[] = [];
  const outcomes: UpsertOutcome[] = [];
  try {
    records.forEach((record, i) => {
      const urlKey = keys[i] ?? null;
      const byId = current(record.id, readById[i]);
      let byUrl: StoredArticle | undefined;
      if (urlKey !== null && owners.has(urlKey)) {
        const owner = owners.get(urlKey);
        byUrl = owner ? (rows.get(owner) ?? undefined) : undefined;
      } else if (urlKey !== null) {
        // No write of this batch touched the key, so the read still holds (a row that gave
        // the key up or was merged away recorded it in `owners`).
        const read = readByUrl[i];
        byUrl = read ? current(read.id, read) : undefined;
      }
      const removed: string[] = [];
      let target = byId;
      if (byId && byUrl && byUrl.id !== byId.id) {
        writes.push(store.delete(byUrl.id));
        rows.set(byUrl.id, null);
        removed.push(byUrl.id);
      } else if (!byId && byUrl) {
        target = byUrl;
      }
      const id = target?.id ?? record.id;
      const stored: ArticleRecord = id === record.id ? record : { ...record, id };
      const row: StoredArticle = {
        id,
        record: stored,
        savedAt: origin === 'saved' || !target ? now : target.savedAt,
        // A hand save is never downgraded; a capture or a find of an archived page keeps how it came in.
        origin: target && (target.origin === 'saved' || origin === 'captured' || origin === 'found') ? target.origin : origin,
        words: countWords(stored.text),
      };
      if (urlKey !== null) row.urlKey = urlKey;
      if (target?.urlKey !== undefined && target.urlKey !== urlKey) owners.set(target.urlKey, null);
      if (urlKey !== null) owners.set(urlKey, id);
      rows.set(id, row);
      writes.push(store.put(row));
      outcomes.push({ id, created: !target, stored, savedAt: row.savedAt, removed });
    });
  } catch (e) {
    // A write refused on the spot (a full quota, an uncloneable value): the caller aborts
    // the transaction, which fails the writes already issued; they need no second report.
    for (const w of writes) w.catch(() => undefined);
    throw e;
  }
  await Promise.all(writes);
  return outcomes;
}

/**
 * The record kept for a saved page: the interchange fields plus byline and modified date
 * when known (extra fields survive export and import). The id is the canonical URL, so
 * saving the same page twice finds the same record.
 */
export function recordFromArticle(article: Article): ArticleRecord {
  const { words: _words, sources: _sources, byline, modified, ...rest } = article;
  const record: ArticleRecord & { byline?: string; modified?: string } = { ...rest, id: article.url ?? article.id };
  if (byline) record.byline = byline;
  if (modified) record.modified = modified;
  return record;
}

/** Increments the archive's change counter inside the write transaction; returns the new value. */
export async function bumpChangeCounter(tx: ArticlesTx): Promise<number> {
  const meta = tx.objectStore('meta');
  const row = await meta.get('changes');
  const count = (row?.key === 'changes' ? row.count : 0) + 1;
  await meta.put({ key: 'changes', count });
  return count;
}

/** Counts and the final state per id (later outcomes win), so `put` and `removed` never share an id. */
export function summariseOutcomes(outcomes: UpsertOutcome[]): {
  result: ImportSummary;
  put: ArticleRecord[];
  savedAt: number[];
  removed: string[];
} {
  let added = 0;
  const last = new Map<string, UpsertOutcome | null>();
  for (const o of outcomes) {
    if (o.created) added++;
    for (const id of o.removed) last.set(id, null);
    last.set(o.id, o);
  }
  const put: ArticleRecord[] = [];
  const savedAt: number[] = [];
  const removed: string[] = [];
  for (const [id, outcome] of last) {
    if (outcome) {
      put.push(outcome.stored);
      savedAt.push(outcome.savedAt);
    } else removed.push(id);
  }
  return { result: { added, updated: outcomes.length - added }, put, savedAt, removed };
}
