import { InvertedIndex, PREFIX_MIN } from './invertedIndex';
import { Labels } from './labels';
import { dayNumber, grow } from './columns';
import { sortOrder, visitInOrder, type SortOrder } from './sortOrder';
import { fold, searchWords, searchWordsOfTokens } from './words';
import type { ArticleTokens } from '../text';
import type {
  CatalogEntry,
  CatalogFilter,
  CatalogInput,
  CatalogPage,
  CatalogQuery,
  CatalogSnapshot,
  SortDir,
  SortKey,
} from './catalogTypes';

export type {
  CatalogEntry,
  CatalogFilter,
  CatalogInput,
  CatalogPage,
  CatalogQuery,
  CatalogSnapshot,
  SortDir,
  SortKey,
} from './catalogTypes';
export { SORT_KEYS } from './catalogTypes';
export { dayNumber } from './columns';
export { PREFIX_MIN };

/**
 * The archive's catalog: what the options page lists, filters, sorts and searches, for
 * 100k records without reading their texts again. Each record keeps its list fields
 * (title, outlet, dates, story) in columns and its words in an inverted index
 * (invertedIndex.ts), so a search reads only the postings of the query's words.
 *
 * Removed records are marked dead and skipped, and renumbered away when a quarter of the
 * catalog is dead. The catalog is a cache: it can always be rebuilt from the records, and
 * `toJSON` gives a structured-cloneable snapshot.
 */

/** Query words past this many are ignored (each costs a pass over its postings). */
export const MAX_QUERY_WORDS = 32;
const DEAD_MIN = 1024;
/** The snapshot's version: 2 added bitmap postings for dense terms. */
export const CATALOG_VERSION = 2;

export class ArchiveCatalog {
  /** Record numbers are the index's document numbers. */
  private index = new InvertedIndex();
  private ids: string[] = [];
  private urls: (string | null)[] = [];
  private titles: string[] = [];
  private published: (string | null)[] = [];
  private days: number[] = [];
  private savedAt: number[] = [];
  private words: number[] = [];
  private outletOf: number[] = [];
  private storyOf: number[] = [];
  private alive = new Uint8Array(0);
  private docOf = new Map<string, number>();
  private dead = 0;
  private outlets = new Labels();
  private stories = new Labels();

  private orders = new Map<SortKey, SortOrder>();
  private lastFilter: { key: string; match: Uint8Array } | null = null;

  get size(): number {
    return this.docOf.size;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  /**
   * Adds a record, replacing any record with the same id. `tokens`: its title and text
   * already tokenised (tokenizeArticle), when the match index reads them too.
   */
  add(input: CatalogInput, tokens?: ArticleTokens): void {
    this.remove(input.id);
    const doc = this.ids.length;
    this.ids.push(input.id);
    this.urls.push(input.url);
    this.titles.push(input.title);
    this.published.push(input.published);
    this.days.push(dayNumber(input.published));
    this.savedAt.push(input.savedAt);
    this.words.push(input.words);
    const outlet = this.outlets.id(input.outlet);
    this.outlets.counts[outlet]!++;
    this.outletOf.push(outlet);
    const story = input.story ? this.stories.id(input.story) : -1;
    if (story >= 0) this.stories.counts[story]!++;
    this.storyOf.push(story);
    this.alive = grow(this.alive, doc + 1);
    this.alive[doc] = 1;
    this.docOf.set(input.id, doc);
    const words = tokens ? searchWordsOfTokens(input.title, input.outlet, input.text, tokens) : null;
    this.index.add(words ?? searchWords(`${input.title}\n${input.outlet}\n${input.text}`));
    this.changed();
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docOf.delete(id);
    this.alive[doc] = 0;
    this.dead++;
    this.outlets.counts[this.outletOf[doc]!]!--;
    const story = this.storyOf[doc]!;
    if (story >= 0) this.stories.counts[story]!--;
    this.changed();
    if (this.dead > Math.max(DEAD_MIN, this.ids.length / 4)) this.compact();
  }

  get(id: string): CatalogEntry | null {
    const doc = this.docOf.get(id);
    return doc === undefined ? null : this.entry(doc);
  }

  /** Archived outlets with their record counts, most records first. */
  outletCounts(): { name: string; count: number }[] {
    return this.outlets.tally();
  }

  /** Story labels with their record counts, most records first. */
  storyCounts(): { name: string; count: number }[] {
    return this.stories.tally();
  }

  /** One page of the records that pass the filter, in the asked order, and how many pass. */
  list(q: CatalogQuery = {}): CatalogPage {
    const offset = Math.max(0, q.offset ?? 0);
    const limit = Math.max(0, q.limit ?? 50);
    const match = this.matches(q);
    const items: CatalogEntry[] = [];
    let total = 0;
    this.inOrder(q.sort ?? 'saved', q.dir ?? 'desc', (doc) => {
      if (!match[doc]) return;
      if (total >= offset && items.length < limit) items.push(this.entry(doc));
      total++;
    });
    return { total, items };
  }

  /** Every id that passes the filter, in the asked order. */
  matchingIds(q: CatalogQuery = {}): string[] {
    const match = this.matches(q);
    const out: string[] = [];
    this.inOrder(q.sort ?? 'saved', q.dir ?? 'desc', (doc) => {
      if (match[doc]) out.push(this.ids[doc]!);
    });
    return out;
  }

  /** How many records pass the filter. */
  count(filter: CatalogFilter = {}): number {
    const match = this.matches(filter);
    let n = 0;
    for (let d = 0; d < match.length; d++) n += match[d]!;
    return n;
  }

  /** Folds recently added records into the postings now (after a bulk import: the next search need not). */
  flush(): void {
    this.index.merge();
  }

  /** A structured-cloneable snapshot (folds the tail in and drops dead records first). */
  toJSON(): CatalogSnapshot {
    if (this.dead) this.compact();
    return {
      format: 'framelens-catalog',
      version: CATALOG_VERSION,
      ...this.index.toParts(),
      ids: this.ids.slice(),
      urls: this.urls.slice(),
      titles: this.titles.slice(),
      published: this.published.slice(),
      savedAt: this.savedAt.slice(),
      words: this.words.slice(),
      outlets: this.outlets.names.slice(),
      outletOf: this.outletOf.slice(),
      stories: this.stories.names.slice(),
      storyOf: this.storyOf.slice(),
    };
  }

  /**
   * Restores a snapshot; throws a TypeError when it is not one this version wrote (an older
   * version's too: the owner rebuilds the catalog from the records then).
   */
  static fromJSON(s: CatalogSnapshot): ArchiveCatalog {
    if (typeof s !== 'object' || s === null || s.format !== 'framelens-catalog') throw new TypeError('not a catalog snapshot');
    if (s.version !== CATALOG_VERSION) throw new TypeError(`not a catalog snapshot of this version (${String(s.version)})`);
    const n = s.ids?.length;
    const columns = [s.urls, s.titles, s.published, s.savedAt, s.words, s.outletOf, s.storyOf];
    if (!Array.isArray(s.ids) || columns.some((c) => !Array.isArray(c) || c.length !== n))
      throw new TypeError('not a catalog snapshot: columns differ in length');
    const c = new ArchiveCatalog();
    try {
      c.index = InvertedIndex.fromParts(s, n);
    } catch (e) {
      throw new TypeError(`not a catalog snapshot: ${(e as Error).message}`, { cause: e });
    }
    c.ids = s.ids.slice();
    c.urls = s.urls.slice();
    c.titles = s.titles.slice();
    c.published = s.published.slice();
    c.days = c.published.map(dayNumber);
    c.savedAt = s.savedAt.slice();
    c.words = s.words.slice();
    c.outlets = new Labels(s.outlets);
    c.stories = new Labels(s.stories);
    c.outletOf = s.outletOf.slice();
    c.storyOf = s.storyOf.slice();
    c.alive = new Uint8Array(n).fill(1);
    c.ids.forEach((id, doc) => {
      c.docOf.set(id, doc);
      const outlet = c.outletOf[doc]!;
      const story = c.storyOf[doc]!;
      if (!(outlet in c.outlets.counts) || (story >= 0 && !(story in c.stories.counts)))
        throw new TypeError('not a catalog snapshot: unknown outlet or story');
      c.outlets.counts[outlet]!++;
      if (story >= 0) c.stories.counts[story]!++;
    });
    if (c.docOf.size !== n) throw new TypeError('not a catalog snapshot: duplicate ids');
    return c;
  }

  // ---- internals ----

  private changed(): void {
    this.orders.clear();
    this.lastFilter = null;
  }

  private entry(doc: number): CatalogEntry {
    return {
      id: this.ids[doc]!,
      url: this.urls[doc]!,
      title: this.titles[doc]!,
      outlet: this.outlets.names[this.outletOf[doc]!]!,
      published: this.published[doc]!,
      story: this.storyOf[doc]! >= 0 ? this.stories.names[this.storyOf[doc]!]! : null,
      words: this.words[doc]!,
      savedAt: this.savedAt[doc]!,
    };
  }

  /** 1 for each record number that passes the filter (cached for the last filter: a list is read page by page). */
  private matches(f: CatalogFilter): Uint8Array {
    const key = JSON.stringify([f.query ?? '', f.outlets ?? null, f.from ?? '', f.to ?? '', f.story ?? null, f.ids ?? null]);
    if (this.lastFilter?.key === key) return this.lastFilter.match;
    const n = this.ids.length;
    const match = this.alive.slice(0, n);
    const words = searchWords(f.query ?? '').slice(0, MAX_QUERY_WORDS);
    if (words.length) {
      const levels = this.index.levels(words);
      for (let d = 0; d < n; d++) if (levels[d] !== words.length) match[d] = 0;
    }
    if (f.outlets) {
      const keep = new Set(f.outlets.map((o) => this.outlets.find(o)).filter((o) => o !== undefined));
      for (let d = 0; d < n; d++) if (match[d] && !keep.has(this.outletOf[d]!)) match[d] = 0;
    }
    if (f.from || f.to) {
      const from = f.from ? dayNumber(f.from) : -Infinity;
      const to = f.to ? dayNumber(f.to) : Infinity;
      for (let d = 0; d < n; d++) {
        const day = this.days[d]!;
        if (match[d] && !(day >= from && day <= to)) match[d] = 0;
      }
    }
    if (f.story !== undefined) {
      const story = this.stories.find(f.story) ?? -2;
      for (let d = 0; d < n; d++) if (match[d] && this.storyOf[d] !== story) match[d] = 0;
    }
    if (f.ids) {
      const keep = new Set<number>();
      for (const id of f.ids) {
        const doc = this.docOf.get(id);
        if (doc !== undefined) keep.add(doc);
      }
      for (let d = 0; d < n; d++) if (match[d] && !keep.has(d)) match[d] = 0;
    }
    this.lastFilter = { key, match };
    return match;
  }

  /** Calls `visit` with every live record number in the order asked. */
  private inOrder(key: SortKey, dir: SortDir, visit: (doc: number) => void): void {
    let order = this.orders.get(key);
    if (!order) {
      const values: (number | string)[] =
        key === 'saved'
          ? this.savedAt
          : key === 'published'
            ? this.days
            : key === 'outlet'
              ? this.outletOf.map((o) => fold(this.outlets.names[o]!).trim())
              : this.titles.map((title) => fold(title).trim());
      order = sortOrder(values, this.alive, this.ids);
      this.orders.set(key, order);
    }
    visitInOrder(order, dir, visit);
  }

  /** Renumbers the live records 0..n-1, dropping the dead from the columns and the postings. */
  private compact(): void {
    const n = this.ids.length;
    const renumber = new Int32Array(n).fill(-1);
    let next = 0;
    for (let d = 0; d < n; d++) if (this.alive[d]) renumber[d] = next++;
    this.index.compact(renumber, next);
    const keep = <T>(column: T[]) => column.filter((_, d) => renumber[d]! >= 0);
    this.ids = keep(this.ids);
    this.urls = keep(this.urls);
    this.titles = keep(this.titles);
    this.published = keep(this.published);
    this.days = keep(this.days);
    this.savedAt = keep(this.savedAt);
    this.words = keep(this.words);
    this.outletOf = keep(this.outletOf);
    this.storyOf = keep(this.storyOf);
    this.alive = new Uint8Array(next).fill(1);
    this.docOf = new Map(this.ids.map((id, d) => [id, d]));
    this.dead = 0;
    this.changed();
  }
}
