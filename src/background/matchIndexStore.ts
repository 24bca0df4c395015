import { MatchIndex, type MatchIndexSnapshot } from '../core/match';
import type { ArticleRecord, MatchResult } from '../core/types';
import type { Archive, ArchiveChange } from './archive';

/** How long after the last change the snapshot is written (one write for a burst of saves). */
const PERSIST_DELAY_MS = 2000;

/**
 * Keeps the match index (src/core/match) in step with the archive: records are added on
 * save and import and removed on delete, as each write commits. The index is a cache:
 * its snapshot is stored in the meta store with the archive's change counter at the time,
 * and a missing, unreadable or stale snapshot (counter differs: the worker stopped before
 * writing it) is rebuilt from the records.
 */
export class MatchIndexStore {
  private persistTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(private readonly archive: Archive, private index: MatchIndex, private counter: number) {}

  /** Loads the snapshot or rebuilds it; no archive write can slip in between. */
  static async open(archive: Archive): Promise<MatchIndexStore> {
    return archive.runExclusive(async () => {
      const tx = archive.db.transaction(['meta', 'articles']);
      const [changes, snapshot] = await Promise.all([tx.objectStore('meta').get('changes'), tx.objectStore('meta').get('matchIndex')]);
      const counter = changes?.key === 'changes' ? changes.count : 0;
      let index: MatchIndex | null = null;
      let rebuilt = false;
      if (snapshot?.key === 'matchIndex' && snapshot.changes === counter) index = restore(snapshot.snapshot);
      if (!index) {
        index = new MatchIndex();
        for (const row of await tx.objectStore('articles').getAll()) index.add(row.record);
        rebuilt = true;
      }
      await tx.done;
      const store = new MatchIndexStore(archive, index, counter);
      archive.onChange((change) => store.apply(change));
      if (rebuilt) await store.persist();
      return store;
    });
  }

  get size(): number {
    return this.index.size;
  }

  search(query: ArticleRecord, top: number, excludeIds: Iterable<string>): MatchResult[] {
    return this.index.search(query, { top, excludeIds });
  }

  private apply(change: ArchiveChange): void {
    for (const id of change.removed) this.index.remove(id);
    for (const record of change.put) this.index.add(record);
    this.counter = change.counter;
    if (this.persistTimer !== null) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.persist().catch((e: unknown) => console.warn('Framelens: match index snapshot not saved; it will be rebuilt.', e));
    }, PERSIST_DELAY_MS);
  }

  /** Writes the snapshot if the archive has not changed since the index last caught up. */
  async persist(): Promise<boolean> {
    if (this.persistTimer !== null) {
      clearTimeout(this.persistTimer);
      this.persistTimer = null;
    }
    const snapshot = this.index.toJSON();
    const tx = this.archive.db.transaction('meta', 'readwrite');
    const changes = await tx.store.get('changes');
    const current = changes?.key === 'changes' ? changes.count : 0;
    const fresh = current === this.counter;
    if (fresh) await tx.store.put({ key: 'matchIndex', changes: this.counter, snapshot });
    await tx.done;
    return fresh;
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
