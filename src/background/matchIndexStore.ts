import { MatchIndex, type MatchIndexSnapshot } from '../core/match';
import type { ArticleRecord, MatchResult } from '../core/types';
import type { Archive } from './archive';
import { ArchiveMirror } from './archiveMirror';
import { measure, yieldToOtherWork } from './mirror';

/** How long after the last change the snapshot is written (one write for a burst of saves). */
const PERSIST_DELAY_MS = 2000;
/** Changes in one drain from which the index is compacted at its end (an import, a rebuild). */
const BULK_CHANGES = 50;
/** Records still to index that a search waits for (a save, a small poll: well under a second); more, and it answers from what is indexed. */
const WAIT_FOR_RECORDS = 200;
/** Longest a search waits for such a small catch-up: a loaded machine can take seconds over it, and the reader is waiting. */
const WAIT_BUDGET_MS = 250;

/**
 * Keeps the match index (src/core/match) in step with the archive: records are added on
 * save and import and removed on delete, in commit order (archiveMirror.ts: snapshot,
 * change log, slices). The index is what a click needs, so the worker starts restoring
 * it as soon as it wakes (`start`), while the popup's tab is being read.
 *
 * A search waits for a small catch-up (for a quarter of a second at most); during a bulk one (an import, a feed poll, a
 * rebuild) it answers from the articles indexed so far, and `progress()` says how far
 * indexing is, so the popup can say so and ask again.
 */
export class MatchIndexStore extends ArchiveMirror {
  private index = new MatchIndex();

  private constructor(archive: Archive, keepAlive: () => unknown) {
    super(archive, { key: 'matchIndex', label: 'match index', measureSuffix: '', persistDelayMs: PERSIST_DELAY_MS, keepAlive });
  }

  /** Starts restoring the index; searches wait for it. */
  static start(archive: Archive, keepAlive: () => unknown = () => undefined): MatchIndexStore {
    return new MatchIndexStore(archive, keepAlive);
  }

  /** The store once its snapshot is read (or its rebuild queued). */
  static async open(archive: Archive, keepAlive: () => unknown = () => undefined): Promise<MatchIndexStore> {
    const store = MatchIndexStore.start(archive, keepAlive);
    await store.restored;
    return store;
  }

  /** Articles indexed so far (behind the archive while the queue drains). */
  get size(): number {
    return this.index.size;
  }

  async search(query: ArticleRecord, top: number, excludeIds: Iterable<string>): Promise<MatchResult[]> {
    await this.restored;
    if (this.pending <= WAIT_FOR_RECORDS || this.failure !== null) await this.caughtUp(true, WAIT_BUDGET_MS);
    const start = performance.now();
    // While a bulk catch-up runs, new articles stay in the scanned tail: folding them into
    // the postings at every search would cost more than scanning them.
    const results = this.index.search(query, { top, excludeIds, fold: this.progress() === null });
    measure('framelens:match', start);
    return results;
  }

  protected readSnapshot(snapshot: unknown): boolean {
    this.index = MatchIndex.fromJSON(snapshot as MatchIndexSnapshot);
    return true;
  }

  protected writeSnapshot(): unknown {
    return this.index.toJSON();
  }

  protected reset(): void {
    this.index = new MatchIndex();
  }

  protected put(record: ArticleRecord): void {
    this.index.add(record);
  }

  protected drop(id: string): void {
    this.index.remove(id);
  }

  protected override async afterDrain(changed: number): Promise<void> {
    // After an import or a rebuild, fold the new articles into the postings now, so the
    // reader's next popup does not pay for it (a few hundred ms at 10k articles).
    if (changed < BULK_CHANGES) return;
    await yieldToOtherWork();
    this.index.compact();
  }
}
