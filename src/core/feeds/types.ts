/** One entry of a feed, whatever its format (RSS 2.0, RSS 1.0, Atom 1.0, JSON Feed). */
export interface FeedItem {
  /** The item's identity in its feed: guid / id, else its link, else a hash of title and date. */
  id: string;
  /** Absolute http(s) address of the article, or null when the item has none. */
  url: string | null;
  title: string;
  /** ISO date or instant, null when the feed gives none that parses. */
  published: string | null;
  /** Plain text (HTML removed), at most MAX_SUMMARY_CHARS. */
  summary: string;
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  /** The site the feed belongs to (absolute http(s)), when it says. */
  siteUrl: string | null;
  items: FeedItem[];
  /** Items the feed held beyond the item limit (not returned). */
  dropped: number;
}

export interface FeedLimits {
  /** Longest feed text accepted, in characters. */
  maxChars: number;
  /** Most items read from one feed (the first ones in document order: feeds list newest first). */
  maxItems: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { maxChars: 5_000_000, maxItems: 200 };
export const MAX_SUMMARY_CHARS = 1000;
export const MAX_TITLE_CHARS = 2000;
export const MAX_ID_CHARS = 1024;

/** A document that is not a feed, or is one too broken or too large to read: `message` says which, for a reader. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
}
