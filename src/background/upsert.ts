import type { IDBPTransaction } from 'idb';
import type { Article, ArticleRecord } from '../core/types';
import { countWords } from '../core/types';
import { canonicalUrlKey } from './canonicalUrl';
import type { ImportSummary } from '../shared/messages';
import type { FramelensDB, RecordOrigin, StoredArticle } from './db';

/** A write transaction that includes the articles store. */
export type ArticlesTx = IDBPTransaction<FramelensDB, ('articles' | 'meta' | 'staging' | 'imports')[], 'readwrite'>;

export interface UpsertOutcome {
  id: string;
  created: boolean;
  stored: ArticleRecord;
  /** Other records removed because they were the same page (same canonical URL). */
  removed: string[];
}

/**
 * Puts one record, keeping "one record per canonical URL": a record whose URL is already
 * archived under another id updates that record (the archived id stays, so selections and
 * the match index keep pointing at it); a record whose id is archived updates it, and a
 * different record holding the same URL is merged away. Runs inside the caller's
 * transaction and awaits only its requests.
 */
export async function upsertRecord(tx: ArticlesTx, record: ArticleRecord, origin: RecordOrigin, now: number): Promise<UpsertOutcome> {
  const store = tx.objectStore('articles');
  const urlKey = canonicalUrlKey(record.url);
  const byId = await store.get(record.id);
  const byUrl = urlKey === null ? undefined : await store.index('url').get(urlKey);
  const removed: string[] = [];
  let target = byId;
  if (byId && byUrl && byUrl.id !== byId.id) {
    await store.delete(byUrl.id);
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
    origin: target?.origin === 'saved' ? 'saved' : origin,
    words: countWords(stored.text),
  };
  if (urlKey !== null) row.urlKey = urlKey;
  await store.put(row);
  return { id, created: !target, stored, removed };
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
export function summariseOutcomes(outcomes: UpsertOutcome[]): { result: ImportSummary; put: ArticleRecord[]; removed: string[] } {
  let added = 0;
  const last = new Map<string, ArticleRecord | null>();
  for (const o of outcomes) {
    if (o.created) added++;
    for (const id of o.removed) last.set(id, null);
    last.set(o.id, o.stored);
  }
  const put: ArticleRecord[] = [];
  const removed: string[] = [];
  for (const [id, record] of last) {
    if (record) put.push(record);
    else removed.push(id);
  }
  return { result: { added, updated: outcomes.length - added }, put, removed };
}
