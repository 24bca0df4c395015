/** What the archive catalog takes, answers and stores (src/core/search/catalog.ts). */

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

export interface CatalogSnapshot {
  format: 'framelens-catalog';
  version: 2;
  terms: string[];
  offsets: Uint32Array;
  bytes: Uint8Array;
  last: Int32Array;
  dense: Uint8Array;
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
