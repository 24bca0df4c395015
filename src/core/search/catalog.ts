import { fold, searchWords } from './words';

/**
 * The archive's catalog: what the options page lists, filters, sorts and searches, for
 * 100k records without reading their texts again. Each record keeps its list fields
 * (title, outlet, dates, story) in columns and its words in an inverted index: for each
 * word, the records holding it as ascending record numbers stored as gaps in
 * variable-length bytes (7 bits a byte, the high bit says "more"), as the match index
 * stores its postings. A search reads only the postings of the query's words.
 *
 * Records added after the last merge sit in a small tail (each with its sorted word ids)
 * that a search scans directly; when the tail grows past an eighth of the catalog it is
 * folded into the postings. Removed records are marked dead and skipped, and renumbered
 * away when a quarter of the catalog is dead. The catalog is a cache: it can always be
 * rebuilt from the records, and `toJSON` gives a structured-cloneable snapshot.
 */

export interface CatalogEntry {
  id: string;
  url: string | null;
  title: string;
  outlet: string;
  published: string | null;
  story: string | null;
  words: number;
  savedAt: number;
}

/** A record as the catalog takes it: its list fields and its text (indexed, not kept). */
export interface CatalogInput extends CatalogEntry {
  text: string;
}

export const SORT_KEYS = ['saved', 'published', 'outlet', 'title'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface CatalogFilter {
  /** Words that must all occur in the title, outlet or text; words of PREFIX_MIN letters or more also match longer words they start. */
  query?: string;
  /** Outlet names to keep ('' is the unknown outlet); absent keeps every outlet. */
  outlets?: string[];
  /** Published on or after / on or before this day (YYYY-MM-DD); records without a date are left out when either is set. */
  from?: string;
  to?: string;
  /** The record's `story` label. */
  story?: string;
  /** Only these ids (related coverage of one article). */
  ids?: string[];
}

export interface CatalogQuery extends CatalogFilter {
  sort?: SortKey;
  dir?: SortDir;
  offset?: number;
  limit?: number;
}

export interface CatalogPage {
  total: number;
  items: CatalogEntry[];
}

/** A query word this long or longer matches every word it starts ("elect" finds "election"); shorter ones match whole words. */
export const PREFIX_MIN = 3;
/** Query words past this many are ignored (each costs a pass over its postings). */
export const MAX_QUERY_WORDS = 32;
const TAIL_MIN = 2048;
const DEAD_MIN = 1024;

export interface CatalogSnapshot {
  format: 'framelens-catalog';
  version: 1;
  terms: string[];
  offsets: Uint32Array;
  bytes: Uint8Array;
  last: Int32Array;
  ids: string[];
  urls: (string | null)[];
  titles: string[];
  published: (string | null)[];
  savedAt: number[];
  words: number[];
  outlets: string[];
  outletOf: number[];
  stories: string[];
  storyOf: number[];
}

/** A list of distinct values (outlet names, story labels) with a live count each. */
class Labels {
  readonly names: string[] = [];
  readonly counts: number[] = [];
  private readonly ids = new Map<string, number>();

  constructor(names: readonly string[] = []) {
    for (const name of names) this.id(name);
  }

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.counts.push(0);
    }
    return id;
  }

  find(name: string): number | undefined {
    return this.ids.get(name);
  }

  /** Names with at least one live record, most records first, then by name. */
  tally(): { name: string; count: number }[] {
    const out: { name: string; count: number }[] = [];
    this.names.forEach((name, i) => {
      const count = this.counts[i]!;
      if (count > 0) out.push({ name, count });
    });
    return out.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

export class ArchiveCatalog {
  private terms: string[] = [];
  private termIds = new Map<string, number>();
  /** Postings of records below `mainDocs`: term t's bytes are bytes[offsets[t] .. offsets[t + 1]). */
  private offsets = new Uint32Array(1);
  private bytes = new Uint8Array(0);
  private mainDocs = 0;
  /** Last record number in each term's postings (-1: none), so appended gaps are right. */
  private last = new Int32Array(0);
  /** Sorted word ids of each record from `mainDocs` on. */
  private tail: Uint32Array[] = [];

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

  /** Term ids sorted by spelling (terms from `sortedUpTo` on are not in it yet), for prefix search. */
  private sortedTerms = new Uint32Array(0);
  private sortedUpTo = 0;
  private orders = new Map<SortKey, { order: Uint32Array; valued: number }>();
  private lastFilter: { key: string; match: Uint8Array } | null = null;
  private seenIn = new Float64Array(0);
  private calls = 0;

  get size(): number {
    return this.docOf.size;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  /** Adds a record, replacing any record with the same id. */
  add(input: CatalogInput): void {
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
    this.tail.push(this.termIdsOf(`${input.title}\n${input.outlet}\n${input.text}`));
    this.changed();
    if (this.tail.length > Math.max(TAIL_MIN, this.mainDocs / 8)) this.merge();
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

  /** A structured-cloneable snapshot (folds the tail in and drops dead records first). */
  toJSON(): CatalogSnapshot {
    this.merge();
    if (this.dead) this.compact();
    const termCount = this.terms.length;
    return {
      format: 'framelens-catalog',
      version: 1,
      terms: this.terms.slice(),
      offsets: this.offsets.slice(),
      bytes: this.bytes.slice(),
      last: this.last.slice(0, termCount),
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

  /** Restores a snapshot; throws a TypeError when it is not one this version wrote. */
  static fromJSON(s: CatalogSnapshot): ArchiveCatalog {
    if (typeof s !== 'object' || s === null || s.format !== 'framelens-catalog' || s.version !== 1) throw new TypeError('not a catalog snapshot');
    const n = s.ids?.length;
    const columns = [s.urls, s.titles, s.published, s.savedAt, s.words, s.outletOf, s.storyOf];
    if (!Array.isArray(s.ids) || columns.some((c) => !Array.isArray(c) || c.length !== n)) throw new TypeError('not a catalog snapshot: columns differ in length');
    if (!Array.isArray(s.terms) || !(s.offsets instanceof Uint32Array) || !(s.bytes instanceof Uint8Array) || !(s.last instanceof Int32Array)) throw new TypeError('not a catalog snapshot: no postings');
    if (s.offsets.length !== s.terms.length + 1 || s.last.length !== s.terms.length || s.offsets[s.terms.length] !== s.bytes.length) throw new TypeError('not a catalog snapshot: postings do not fit the terms');
    const c = new ArchiveCatalog();
    c.terms = s.terms.slice();
    c.terms.forEach((t, i) => c.termIds.set(t, i));
    if (c.termIds.size !== c.terms.length) throw new TypeError('not a catalog snapshot: duplicate terms');
    c.offsets = new Uint32Array(s.offsets);
    c.bytes = new Uint8Array(s.bytes);
    c.last = new Int32Array(s.last);
    c.mainDocs = n;
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
      if (!(outlet in c.outlets.counts) || (story >= 0 && !(story in c.stories.counts))) throw new TypeError('not a catalog snapshot: unknown outlet or story');
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

  private termIdsOf(text: string): Uint32Array {
    // `seenIn[t]` is the last call that saw term t: a typed array instead of a Set per record.
    const call = ++this.calls;
    const held: number[] = [];
    for (const word of searchWords(text)) {
      let id = this.termIds.get(word);
      if (id === undefined) {
        id = this.terms.length;
        // A copy of its own: the matched word is a slice that would keep the whole text alive.
        const own = JSON.parse(JSON.stringify(word)) as string;
        this.terms.push(own);
        this.termIds.set(own, id);
      }
      if (id >= this.seenIn.length) {
        const bigger = new Float64Array(Math.max(1024, this.seenIn.length * 2, id + 1));
        bigger.set(this.seenIn);
        this.seenIn = bigger;
      }
      if (this.seenIn[id] !== call) {
        this.seenIn[id] = call;
        held.push(id);
      }
    }
    return Uint32Array.from(held).sort();
  }

  /** 1 for each record number that passes the filter (cached for the last filter: a list is read page by page). */
  private matches(f: CatalogFilter): Uint8Array {
    const key = JSON.stringify([f.query ?? '', f.outlets ?? null, f.from ?? '', f.to ?? '', f.story ?? null, f.ids ?? null]);
    if (this.lastFilter?.key === key) return this.lastFilter.match;
    const n = this.ids.length;
    const match = this.alive.slice(0, n);
    const words = searchWords(f.query ?? '').slice(0, MAX_QUERY_WORDS);
    if (words.length) {
      const levels = this.search(words);
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

  /**
   * For each record number, how many of the words it holds in a row from the first: a
   * record holds them all when its level is words.length. Each word is one pass over its
   * postings (and the tail), promoting only records that held every word before it.
   */
  private search(words: string[]): Uint8Array {
    const n = this.ids.length;
    const levels = new Uint8Array(n);
    const mask = new Uint8Array(this.terms.length);
    for (let w = 0; w < words.length; w++) {
      const terms = this.expand(words[w]!);
      if (!terms.length) return levels;
      const bytes = this.bytes;
      const mainTerms = this.offsets.length - 1;
      for (const t of terms) {
        if (t >= mainTerms) continue;
        let at = this.offsets[t]!;
        const end = this.offsets[t + 1]!;
        let doc = -1;
        while (at < end) {
          let b = bytes[at++]!;
          let gap = b & 127;
          let shift = 7;
          while (b & 128) {
            b = bytes[at++]!;
            gap |= (b & 127) << shift;
            shift += 7;
          }
          doc += gap;
          if (levels[doc] === w) levels[doc] = w + 1;
        }
      }
      if (this.tail.length) {
        for (const t of terms) mask[t] = 1;
        this.tail.forEach((held, i) => {
          const doc = this.mainDocs + i;
          if (levels[doc] !== w) return;
          for (let k = 0; k < held.length; k++) {
            if (mask[held[k]!]) {
              levels[doc] = w + 1;
              return;
            }
          }
        });
        for (const t of terms) mask[t] = 0;
      }
    }
    return levels;
  }

  /** The term ids a query word matches: itself, and from PREFIX_MIN letters every term it starts. */
  private expand(word: string): number[] {
    if (word.length < PREFIX_MIN) {
      const id = this.termIds.get(word);
      return id === undefined ? [] : [id];
    }
    if (this.terms.length - this.sortedUpTo > 4096) this.sortTerms();
    const terms = this.terms;
    const sorted = this.sortedTerms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[sorted[mid]!]! < word) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && terms[sorted[i]!]!.startsWith(word); i++) out.push(sorted[i]!);
    for (let t = this.sortedUpTo; t < terms.length; t++) if (terms[t]!.startsWith(word)) out.push(t);
    return out;
  }

  private sortTerms(): void {
    const terms = this.terms;
    const ids = Uint32Array.from(terms.keys());
    ids.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    this.sortedTerms = ids;
    this.sortedUpTo = terms.length;
  }

  /** Calls `visit` with every live record number in the order asked; records without the sort value come last either way. */
  private inOrder(key: SortKey, dir: SortDir, visit: (doc: number) => void): void {
    const { order, valued } = this.order(key);
    if (dir === 'asc') {
      for (let i = 0; i < order.length; i++) visit(order[i]!);
      return;
    }
    for (let i = valued - 1; i >= 0; i--) visit(order[i]!);
    for (let i = valued; i < order.length; i++) visit(order[i]!);
  }

  private order(key: SortKey): { order: Uint32Array; valued: number } {
    const cached = this.orders.get(key);
    if (cached) return cached;
    const ids = this.ids;
    const values: (number | string)[] = key === 'saved' ? this.savedAt
      : key === 'published' ? this.days
        : key === 'outlet' ? this.outletOf.map((o) => fold(this.outlets.names[o]!).trim())
          : this.titles.map((title) => fold(title).trim());
    const missing = (v: number | string) => v === '' || (typeof v === 'number' && Number.isNaN(v));
    const live: number[] = [];
    const absent: number[] = [];
    for (let d = 0; d < ids.length; d++) {
      if (!this.alive[d]) continue;
      (missing(values[d]!) ? absent : live).push(d);
    }
    const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
    live.sort((a, b) => {
      const va = values[a]!;
      const vb = values[b]!;
      return va < vb ? -1 : va > vb ? 1 : byId(a, b);
    });
    absent.sort(byId);
    const result = { order: Uint32Array.from([...live, ...absent]), valued: live.length };
    this.orders.set(key, result);
    return result;
  }

  /** Folds the tail into the postings: old bytes copied once, the tail's gaps appended. */
  private merge(): void {
    if (!this.tail.length) return;
    const termCount = this.terms.length;
    const oldOffsets = this.offsets;
    const oldTerms = oldOffsets.length - 1;
    if (this.last.length < termCount) {
      const last = new Int32Array(Math.max(termCount, this.last.length * 2)).fill(-1);
      last.set(this.last);
      this.last = last;
    }
    const lengths = new Uint32Array(termCount);
    for (let t = 0; t < oldTerms; t++) lengths[t] = oldOffsets[t + 1]! - oldOffsets[t]!;
    const last = this.last.slice(0, termCount);
    this.tail.forEach((held, i) => {
      const doc = this.mainDocs + i;
      for (const t of held) {
        lengths[t]! += varintLength(doc - last[t]!);
        last[t] = doc;
      }
    });
    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + lengths[t]!;
    const bytes = new Uint8Array(offsets[termCount]!);
    const fill = offsets.slice(0, termCount);
    for (let t = 0; t < oldTerms; t++) {
      bytes.set(this.bytes.subarray(oldOffsets[t]!, oldOffsets[t + 1]!), offsets[t]!);
      fill[t]! += oldOffsets[t + 1]! - oldOffsets[t]!;
    }
    this.tail.forEach((held, i) => {
      const doc = this.mainDocs + i;
      for (const t of held) {
        fill[t] = writeVarint(bytes, fill[t]!, doc - this.last[t]!);
        this.last[t] = doc;
      }
    });
    this.offsets = offsets;
    this.bytes = bytes;
    this.mainDocs = this.ids.length;
    this.tail = [];
  }

  /** Renumbers the live records 0..n-1, dropping the dead from the columns and the postings. */
  private compact(): void {
    this.merge();
    const n = this.ids.length;
    const renumber = new Int32Array(n).fill(-1);
    let next = 0;
    for (let d = 0; d < n; d++) if (this.alive[d]) renumber[d] = next++;
    const termCount = this.terms.length;
    // Renumbering only shrinks gaps, so the new postings fit in the old bytes' length.
    const bytes = new Uint8Array(this.bytes.length);
    const offsets = new Uint32Array(termCount + 1);
    const last = new Int32Array(this.last.length).fill(-1);
    let out = 0;
    for (let t = 0; t < termCount; t++) {
      offsets[t] = out;
      let at = this.offsets[t]!;
      const end = this.offsets[t + 1]!;
      let doc = -1;
      let prev = -1;
      while (at < end) {
        let b = this.bytes[at++]!;
        let gap = b & 127;
        let shift = 7;
        while (b & 128) {
          b = this.bytes[at++]!;
          gap |= (b & 127) << shift;
          shift += 7;
        }
        doc += gap;
        const now = renumber[doc]!;
        if (now < 0) continue;
        out = writeVarint(bytes, out, now - prev);
        prev = now;
      }
      last[t] = prev;
    }
    offsets[termCount] = out;
    const keep = <T>(column: T[]) => column.filter((_, d) => renumber[d]! >= 0);
    this.offsets = offsets;
    this.bytes = bytes.slice(0, out);
    this.last = last;
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
    this.mainDocs = next;
    this.dead = 0;
    this.changed();
  }
}

function varintLength(n: number): number {
  return n < 128 ? 1 : n < 16384 ? 2 : n < 2097152 ? 3 : 4;
}

function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 128) {
    bytes[at++] = (v & 127) | 128;
    v >>>= 7;
  }
  bytes[at++] = v;
  return at;
}

function grow(array: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  if (array.length >= size) return array;
  const bigger = new Uint8Array(Math.max(size, array.length * 2, 1024));
  bigger.set(array);
  return bigger;
}

/** Days since 1970 of an ISO date's day (YYYY-MM-DD…), NaN when there is none. */
export function dayNumber(iso: string | null): number {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : NaN;
}
