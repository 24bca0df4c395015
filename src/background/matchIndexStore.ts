import { MatchIndex, type MatchIndexSnapshot } from '../core/match';
import type { ArticleRecord, MatchResult } from '../core/types';
import type { Archive, ArchiveChange } from './archive';
import { Debounced, forEachArchived, Slicer, yieldToOtherWork } from './mirror';

/** How long after the last change the snapshot is written (one write for a burst of saves). */
const PERSIST_DELAY_MS = 2000;
/** Changes in one drain from which the index is compacted at its end (an import, a rebuild). */
const BULK_CHANGES = 50;

type Work = { kind: 'change'; change: ArchiveChange } | { kind: 'rebuild'; counter: number };

/**
 * Keeps the match index (src/core/match) in step with the archive: records are added on
 * save and import and removed on delete, in commit order. The index is a cache: its
 * snapshot is stored in the meta store with the archive's change counter at the time, and
 * a missing, unreadable or stale snapshot (counter differs: the worker stopped before
 * writing it) is rebuilt from the records.
 *
 * Indexing is CPU work (milliseconds per article), so it runs in slices behind a queue:
 * a large import's reply and the options page stay quick, and searches wait until the
 * index has caught up with every committed write (`search` awaits the queue).
 */
export class MatchIndexStore {
  private readonly persistLater = new Debounced(
    PERSIST_DELAY_MS,
    () => this.persist(),
    'match index snapshot not saved; it will be rebuilt.',
  );
  private readonly queue: Work[] = [];
  private draining: Promise<void> | null = null;

  private constructor(
    private readonly archive: Archive,
    private readonly index: MatchIndex,
    private counter: number,
    private readonly keepAlive: () => unknown,
  ) {}

  /** Loads the snapshot, or queues a rebuild; no archive write can slip in between. */
  static async open(archive: Archive, keepAlive: () => unknown = () => undefined): Promise<MatchIndexStore> {
    return archive.runExclusive(async () => {
      const tx = archive.db.transaction('meta');
      const [changes, snapshot] = await Promise.all([tx.store.get('changes'), tx.store.get('matchIndex')]);
      await tx.done;
      const counter = changes?.key === 'changes' ? changes.count : 0;
      const restored = snapshot?.key === 'matchIndex' && snapshot.changes === counter ? restore(snapshot.snapshot) : null;
      const store = new MatchIndexStore(archive, restored ?? new MatchIndex(), restored ? counter : -1, keepAlive);
      if (!restored) store.enqueue({ kind: 'rebuild', counter });
      archive.onChange((change) => store.enqueue({ kind: 'change', change }));
      return store;
    });
  }

  /** Articles indexed so far (behind the archive while the queue drains). */
  get size(): number {
    return this.index.size;
  }

  /** Resolves when every committed write is in the index. */
  async caughtUp(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async search(query: ArticleRecord, top: number, excludeIds: Iterable<string>): Promise<MatchResult[]> {
    await this.caughtUp();
    return this.index.search(query, { top, excludeIds });
  }

  /** Writes the snapshot if the index has caught up and the archive has not changed since. */
  async persist(): Promise<boolean> {
    this.persistLater.cancel();
    if (this.draining) return false;
    const snapshot = this.index.toJSON();
    const tx = this.archive.db.transaction('meta', 'readwrite');
    const changes = await tx.store.get('changes');
    const current = changes?.key === 'changes' ? changes.count : 0;
    const fresh = current === this.counter;
    if (fresh) await tx.store.put({ key: 'matchIndex', changes: this.counter, snapshot });
    await tx.done;
    return fresh;
  }

  private enqueue(work: Work): void {
    this.queue.push(work);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      this.persistLater.schedule();
    });
  }

  private async drain(): Promise<void> {
    const slicer = new Slicer(this.keepAlive);
    let changed = 0;
    for (let work = this.queue.shift(); work; work = this.queue.shift()) {
      if (work.kind === 'rebuild') {
        await this.rebuild(slicer);
        this.counter = work.counter;
        changed += BULK_CHANGES;
        continue;
      }
      for (const id of work.change.removed) this.index.remove(id);
      for (const record of work.change.put) {
        this.index.add(record);
        await slicer.maybeYield();
      }
      changed += work.change.put.length + work.change.removed.length;
      this.counter = work.change.counter;
    }
    // After an import or a rebuild, fold the new articles into the postings now, so the
    // reader's next popup does not pay for it (a few hundred ms at 10k articles).
    if (changed >= BULK_CHANGES) {
      await yieldToOtherWork();
      this.index.compact();
    }
  }

  /** Adds every archived record, a page at a time (writes queued meanwhile are applied after). */
  private rebuild(slicer: Slicer): Promise<void> {
    return forEachArchived(this.archive, slicer, (row) => this.index.add(row.record));
  }
}

function restore(snapshot: unknown): MatchIndex | null {
  try {
    return MatchIndex.fromJSON(snapshot as MatchIndexSnapshot);
  } catch (e) {
    console.warn('Framelens: match index snapshot unreadable; rebuilding it.', e);
    return null;
  }
}
