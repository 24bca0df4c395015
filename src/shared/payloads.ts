import type { Article, MatchResult } from '../core/types';
import type { CatalogEntry } from '../core/search/catalog';

/** The shapes the messages of src/shared/messages.ts carry, beyond the core's own types. */

/** A feed to subscribe to, as an OPML outline names it. */
export interface FeedSource {
  url: string;
  title: string;
  siteUrl: string | null;
}

export interface FeedImportSummary {
  added: number;
  skipped: { url: string; reason: string }[];
}

/** A subscription as the options page shows it. */
export interface FeedStatus {
  id: string;
  url: string;
  title: string;
  siteUrl: string | null;
  intervalMinutes: number;
  addedAt: number;
  lastPollAt: number | null;
  lastError: string | null;
  /** Items the last poll archived. */
  lastNew: number;
  /** Items in the feed at the last poll. */
  itemCount: number;
  /** Items of this feed in the archive. */
  savedCount: number;
  /** Items waiting to be fetched. */
  pending: number;
  polling: boolean;
  /** Sites (match patterns) where this feed's articles are that the reader has not allowed yet. */
  blockedOrigins: string[];
}

/** What the archive list can be narrowed to (src/core/search/catalog.ts CatalogFilter, plus related coverage). */
export interface ArchiveFilter {
  /** Words that must all occur in the title, outlet or text (case and accents ignored; from 3 letters a word also finds longer words it starts). */
  query?: string;
  /** Keep these outlets ('' is the unknown outlet). */
  outlets?: string[];
  /** Published from / to this day (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  /** The records' `story` label. */
  story?: string;
  /** This archived article and its related coverage (the match index's related results). */
  sameStoryAs?: string;
}

export type ArchiveSort = 'saved' | 'published' | 'outlet' | 'title';

export interface ListQuery extends ArchiveFilter {
  /** One outlet (the older form of `outlets`). */
  outlet?: string;
  sort?: ArchiveSort;
  dir?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface ArchivePage {
  total: number;
  items: ArchiveListItem[];
  /** Records committed to the archive but not yet in the list (indexing after a large import). */
  pending: number;
}

export interface ArchiveFacets {
  outlets: { name: string; count: number }[];
  stories: { name: string; count: number }[];
  pending: number;
}

/** One row of the archive list: what the catalog keeps of a record. */
export type ArchiveListItem = CatalogEntry;

export interface ImportSummary {
  /** New records. */
  added: number;
  /** Records that replaced an archived one with the same id or canonical URL. */
  updated: number;
}

export interface ArchiveStats {
  count: number;
  /** Bytes the extension's origin uses and may use (navigator.storage.estimate), null when unknown. */
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** A related archived article as the popup shows it. */
export interface RelatedItem extends MatchResult {
  title: string;
  outlet: string;
  published: string | null;
  url: string | null;
  /** Why the archived text is incomplete ('paywall', 'truncated'), when it is. */
  incomplete?: string;
}

/** While a large catch-up runs (an import, a feed poll): `indexed` of the `total` new articles are in the match index so far. */
export interface IndexingProgress {
  indexed: number;
  total: number;
}

/** A page's article and its related archived coverage. */
export interface Coverage {
  article: Article;
  /** True when this article (by canonical URL) is already in the archive. */
  saved: boolean;
  related: RelatedItem[];
  /** When the archived copy of this page was captured automatically (ms), absent otherwise. */
  capturedAt?: number;
  archiveSize: number;
  /** Present while new articles are still being indexed: `related` covers only those indexed so far. */
  indexing?: IndexingProgress;
}

export type AnalyzeResponse = ({ status: 'ok' } & Coverage) | { status: 'forbidden' | 'no-article' | 'error'; message: string };
