import {
  ArchiveCatalog,
  type CatalogFilter,
  type CatalogInput,
  type CatalogPage,
  type CatalogQuery,
  type CatalogSnapshot,
} from '../core/search/catalog';
import { countWords, type ArticleRecord } from '../core/types';
import type { Archive } from './archive';
import { ArchiveMirror } from './archiveMirror';

const PERSIST_DELAY_MS = 3000;

/**
 * Keeps the archive catalog (the options page's list and full-text search) in step with
 * the archive, as MatchIndexStore does for the match index (archiveMirror.ts). The worker
 * opens it when a page first asks for the list (never ahead of a click), and it indexes
 * after the match index (`after`), so a popup during a large import is not slowed by it.
 * The list never waits for the queue: it answers from what is indexed and says how many
 * records are still to come (`pending`), so a page stays responsive during a 100k import.
 */
export class CatalogStore extends ArchiveMirror {
  private catalog = new ArchiveCatalog();

  private constructor(archive: Archive, keepAlive: () => unknown, after?: (urgent: boolean) => Promise<void>) {
    super(archive, {
      key: 'catalog',
      label: 'catalog',
      measureSuffix: '-catalog',
      persistDelayMs: PERSIST_DELAY_MS,
      keepAlive,
      ...(after ? { after } : {}),
    });
  }

  static async open(
    archive: Archive,
    keepAlive: () => unknown = () => undefined,
    after?: (urgent: boolean) => Promise<void>,
  ): Promise<CatalogStore> {
    const store = new CatalogStore(archive, keepAlive, after);
    await store.restored;
    return store;
  }

  list(query: CatalogQuery): CatalogPage & { pending: number } {
    this.assertHealthy();
    return { ...this.catalog.list(query), pending: this.pending };
  }

  matchingIds(query: CatalogQuery): string[] {
    this.assertHealthy();
    return this.catalog.matchingIds(query);
  }

  facets(): { outlets: { name: string; count: number }[]; stories: { name: string; count: number }[]; pending: number } {
    this.assertHealthy();
    return { outlets: this.catalog.outletCounts(), stories: this.catalog.storyCounts(), pending: this.pending };
  }

  /** Ids that pass the filter, once every committed write is in the catalog (for deleting them). */
  async settledIds(filter: CatalogFilter): Promise<string[]> {
    await this.caughtUp();
    return this.catalog.matchingIds(filter);
  }

  protected readSnapshot(snapshot: unknown): boolean {
    this.catalog = ArchiveCatalog.fromJSON(snapshot as CatalogSnapshot);
    return true;
  }

  protected writeSnapshot(): unknown {
    return this.catalog.toJSON();
  }

  protected reset(): void {
    this.catalog = new ArchiveCatalog();
  }

  protected put(record: ArticleRecord, savedAt: number): void {
    this.catalog.add(input(record, savedAt));
  }

  protected drop(id: string): void {
    this.catalog.remove(id);
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
