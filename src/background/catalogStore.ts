import {
  ArchiveCatalog,
  type CatalogFilter,
  type CatalogInput,
  type CatalogPage,
  type CatalogQuery,
  type CatalogSnapshot,
} from '../core/search/catalog';
import { countWords, type ArticleRecord } from '../core/types';
import type { Archive, ArchiveChange } from './archive';
import { Debounced, forEachArchived, Slicer } from './mirror';

const PERSIST_DELAY_MS = 3000;

type Work = { kind: 'change'; change: ArchiveChange } | { kind: 'rebuild'; counter: number; records: number };

/**
 * Keeps the archive catalog (the options page's list and full-text search) in step with
 * the archive, as MatchIndexStore does for the match index: changes are applied in
 * commit order in slices behind a queue, the snapshot is kept in the meta store with the
 * archive's change counter, and a missing or stale one is rebuilt from the records.
 * Unlike the match index, the list never waits for the queue: it answers from what is
 * indexed and says how many records are still to come (`pending`), so a page stays
 * responsive during a 100k import.
 */
export class CatalogStore {
  private readonly persistLater = new Debounced(PERSIST_DELAY_MS, () => this.persist(), 'catalog snapshot not saved; it will be rebuilt.');
  private readonly queue: Work[] = [];
  private draining: Promise<void> | null = null;
  private queued = 0;

  private constructor(
    private readonly archive: Archive,
    private readonly catalog: ArchiveCatalog,
    private counter: number,
    private readonly keepAlive: () => unknown,
  ) {}

  static async open(archive: Archive, keepAlive: () => unknown = () => undefined): Promise<CatalogStore> {
    return archive.runExclusive(async () => {
      const tx = archive.db.transaction(['meta', 'articles']);
      const [changes, snapshot, count] = await Promise.all([
        tx.objectStore('meta').get('changes'),
        tx.objectStore('meta').get('catalog'),
        tx.objectStore('articles').count(),
      ]);
      await tx.done;
      const counter = changes?.key === 'changes' ? changes.count : 0;
      const restored = snapshot?.key === 'catalog' && snapshot.changes === counter ? restore(snapshot.snapshot) : null;
      const store = new CatalogStore(archive, restored ?? new ArchiveCatalog(), restored ? counter : -1, keepAlive);
      if (!restored) store.enqueue({ kind: 'rebuild', counter, records: count });
      archive.onChange((change) => store.enqueue({ kind: 'change', change }));
      return store;
    });
  }

  /** Records committed to the archive but not in the catalog yet. */
  get pending(): number {
    return this.queued;
  }

  async caughtUp(): Promise<void> {
    while (this.draining) await this.draining;
  }

  list(query: CatalogQuery): CatalogPage & { pending: number } {
    return { ...this.catalog.list(query), pending: this.queued };
  }

  matchingIds(query: CatalogQuery): string[] {
    return this.catalog.matchingIds(query);
  }

  facets(): { outlets: { name: string; count: number }[]; stories: { name: string; count: number }[]; pending: number } {
    return { outlets: this.catalog.outletCounts(), stories: this.catalog.storyCounts(), pending: this.queued };
  }

  /** Ids that pass the filter, once every committed write is in the catalog (for deleting them). */
  async settledIds(filter: CatalogFilter): Promise<string[]> {
    await this.caughtUp();
    return this.catalog.matchingIds(filter);
  }

  async persist(): Promise<boolean> {
    this.persistLater.cancel();
    if (this.draining) return false;
    const snapshot = this.catalog.toJSON();
    const tx = this.archive.db.transaction('meta', 'readwrite');
    const changes = await tx.store.get('changes');
    const fresh = (changes?.key === 'changes' ? changes.count : 0) === this.counter;
    if (fresh) await tx.store.put({ key: 'catalog', changes: this.counter, snapshot });
    await tx.done;
    return fresh;
  }

  private enqueue(work: Work): void {
    this.queue.push(work);
    this.queued += work.kind === 'rebuild' ? work.records : work.change.put.length;
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      this.persistLater.schedule();
    });
  }

  private async drain(): Promise<void> {
    const slicer = new Slicer(this.keepAlive);
    for (let work = this.queue.shift(); work; work = this.queue.shift()) {
      if (work.kind === 'rebuild') {
        await this.rebuild(slicer);
        // The rebuild read every row, those of changes still queued included: what is left
        // to index is what those changes add.
        this.queued = this.queue.reduce((n, w) => n + (w.kind === 'change' ? w.change.put.length : w.records), 0);
        this.counter = work.counter;
        continue;
      }
      for (const id of work.change.removed) this.catalog.remove(id);
      const { put, savedAt } = work.change;
      for (let i = 0; i < put.length; i++) {
        this.catalog.add(input(put[i]!, savedAt?.[i] ?? Date.now()));
        this.queued--;
        await slicer.maybeYield();
      }
      this.counter = work.change.counter;
    }
  }

  private rebuild(slicer: Slicer): Promise<void> {
    return forEachArchived(this.archive, slicer, (row) => {
      this.catalog.add(input(row.record, row.savedAt));
      this.queued--;
    });
  }
}

function input(record: ArticleRecord, savedAt: number): CatalogInput {
  return {
    id: record.id,
    url: record.url,
    title: record.title,
    outlet: record.outlet,
    published: record.published,
    story: record.story ?? null,
    words: countWords(record.text),
    savedAt,
    text: record.text,
  };
}

function restore(snapshot: unknown): ArchiveCatalog | null {
  try {
    return ArchiveCatalog.fromJSON(snapshot as CatalogSnapshot);
  } catch (e) {
    console.warn('Framelens: catalog snapshot unreadable; rebuilding it.', e);
    return null;
  }
}
