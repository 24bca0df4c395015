import type { Article, ArticleRecord } from '../core/types';
import type { ImportSummary } from '../shared/messages';
import { canonicalUrlKey } from './canonicalUrl';
import type { StoreNames } from 'idb';
import type { ArchiveDb, FramelensDB, RecordOrigin, StoredArticle } from './dbSchema';
import { logChange } from './changeLog';
import { storageError } from './storageErrors';
import { bumpChangeCounter, recordFromArticle, summariseOutcomes, upsertRecords, type ArticlesTx, type UpsertOutcome } from './upsert';
import { t } from '../shared/i18n';

/** What one committed write did, for whoever keeps derived data (the match index) in step. */
export interface ArchiveChange {
  /** The archive's change counter after the write. */
  counter: number;
  put: ArticleRecord[];
  /** When each of `put` entered the archive, in the same order (absent: now). */
  savedAt?: number[];
  removed: string[];
}

type WriteStores = StoreNames<FramelensDB>[];

/** Records whose reads are issued together in one step of an import. */
const UPSERT_BATCH = 1000;

/** Character budget of one export page: far below the 64 MB message limit. */
const EXPORT_PAGE_CHARS = 8_000_000;

/**
 * The archive in IndexedDB. Every write is one transaction (all or nothing) and writes run
 * one after another, so change notifications arrive in commit order. Nothing lives only in
 * memory: the worker can be stopped between any two calls.
 */
export class Archive {
  private queue: Promise<unknown> = Promise.resolve();
  /** The articles' count since the last committed write (count()). */
  private counted: Promise<number> | null = null;
  private readonly listeners = new Set<(change: ArchiveChange) => void>();

  constructor(
    readonly db: ArchiveDb,
    private readonly now: () => number = Date.now,
  ) {}

  onChange(listener: (change: ArchiveChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Saves a page's article: one record per canonical URL, so saving twice updates. `origin`
   * 'captured' is auto-capture; a record saved by hand stays 'saved' (upsertRecords).
   */
  async save(article: Article, origin: RecordOrigin = 'saved'): Promise<{ id: string; created: boolean }> {
    const record = recordFromArticle(article);
    const outcome = await this.write(['articles', 'meta'], async (tx) => {
      const [o] = await upsertRecords(tx, [record], origin, this.now());
      if (!o) throw new Error(t('errNotSaved'));
      return { ...summariseOutcomes([o]), result: o };
    });
    return { id: outcome.id, created: outcome.created };
  }

  /** Adds validated records in one transaction; duplicates merge by id and canonical URL. */
  async importRecords(records: readonly ArticleRecord[], origin: RecordOrigin = 'imported'): Promise<ImportSummary> {
    return this.write(['articles', 'meta'], async (tx) => {
      const outcomes: UpsertOutcome[] = [];
      const now = this.now();
      for (let i = 0; i < records.length; i += UPSERT_BATCH)
        outcomes.push(...(await upsertRecords(tx, records.slice(i, i + UPSERT_BATCH), origin, now)));
      return summariseOutcomes(outcomes);
    });
  }

  async delete(ids: readonly string[]): Promise<number> {
    return this.write(['articles', 'meta'], async (tx) => {
      const store = tx.objectStore('articles');
      // Every request issued at once (IndexedDB answers them in order): 100k ids take one
      // transaction and seconds, not a round trip each.
      const unique = [...new Set(ids)];
      const keys = await Promise.all(unique.map((id) => store.getKey(id)));
      const removed = unique.filter((_, i) => keys[i] !== undefined);
      await Promise.all(removed.map((id) => store.delete(id)));
      return { result: removed.length, put: [], removed };
    });
  }

  async get(id: string): Promise<ArticleRecord | null> {
    return (await this.db.get('articles', id))?.record ?? null;
  }

  /** Records by id in one read transaction (null where absent), in the order asked. */
  async getMany(ids: readonly string[]): Promise<(ArticleRecord | null)[]> {
    if (!ids.length) return [];
    const tx = this.db.transaction('articles');
    const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return rows.map((row) => row?.record ?? null);
  }

  /** The archived record for a page address, if any (by normalised canonical URL). */
  async findByUrl(url: string | null): Promise<ArticleRecord | null> {
    return (await this.findStoredByUrl(url))?.record ?? null;
  }

  /** The archived row for a page address (with how and when it entered the archive), if any. */
  async findStoredByUrl(url: string | null): Promise<StoredArticle | null> {
    const key = canonicalUrlKey(url);
    if (key === null) return null;
    return (await this.db.getFromIndex('articles', 'url', key)) ?? null;
  }

  /**
   * How many articles, counted again only after a write: IndexedDB's count walks the whole
   * store (seconds at tens of thousands of articles in Chromium), and the popup's reads wait
   * behind it while the options page asks every few seconds during a large import.
   */
  async count(): Promise<number> {
    const counting = (this.counted ??= this.db.count('articles'));
    try {
      return await counting;
    } catch (e) {
      if (this.counted === counting) this.counted = null;
      throw e;
    }
  }

  /** One export page in id order, the records exactly as stored; `next` is null after the last. */
  async exportPage(after: string | null | undefined, limit = 2000): Promise<{ records: ArticleRecord[]; next: string | null }> {
    const range = after ? IDBKeyRange.lowerBound(after, true) : undefined;
    const records: ArticleRecord[] = [];
    let chars = 0;
    let cursor = await this.db.transaction('articles').store.openCursor(range);
    while (cursor) {
      records.push(cursor.value.record);
      chars += cursor.value.record.text.length + 500;
      if (records.length >= limit || chars >= EXPORT_PAGE_CHARS) {
        const last = cursor.key;
        const more = await cursor.continue();
        return { records, next: more ? last : null };
      }
      cursor = await cursor.continue();
    }
    return { records, next: null };
  }

  /** Every record, for rebuilding the match index. */
  async allRecords(): Promise<ArticleRecord[]> {
    return (await this.db.getAll('articles')).map((row: StoredArticle) => row.record);
  }

  async changeCounter(): Promise<number> {
    const row = await this.db.get('meta', 'changes');
    return row?.key === 'changes' ? row.count : 0;
  }

  /** Runs `work` when no write is in progress and holds writes back until it ends. */
  runExclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `body` in one readwrite transaction that also bumps the change counter and logs
   * the ids it changed (changeLog.ts). Any
   * failure aborts the transaction, so nothing of it lands (a full quota included), and is
   * reported as a readable error. Writes are queued so they commit in call order.
   */
  write<T>(
    stores: WriteStores,
    body: (tx: ArticlesTx) => Promise<{ result: T; put: ArticleRecord[]; savedAt?: number[]; removed: string[] }>,
  ): Promise<T> {
    const run = async (): Promise<T> => {
      const tx = this.db.transaction([...new Set<WriteStores[number]>([...stores, 'meta', 'changeLog'])], 'readwrite') as ArticlesTx;
      let out: { result: T; put: ArticleRecord[]; savedAt?: number[]; removed: string[] };
      let counter: number;
      try {
        out = await body(tx);
        counter = await bumpChangeCounter(tx);
        await logChange(
          tx,
          counter,
          out.put.map((r) => r.id),
          out.removed,
        );
        await tx.done;
        this.counted = null;
      } catch (e) {
        try {
          tx.abort();
        } catch {
          // Already aborted or finished by the failure itself.
        }
        await tx.done.catch(() => undefined);
        throw storageError(e, tx.error);
      }
      if (out.put.length || out.removed.length) {
        const change: ArchiveChange = { counter, put: out.put, removed: out.removed };
        if (out.savedAt) change.savedAt = out.savedAt;
        for (const listener of this.listeners) listener(change);
      }
      return out.result;
    };
    return this.runExclusive(run);
  }
}
