/**
 * Plain data shared by every part of Framelens. Nothing here touches a browser API:
 * these types cross the message boundary as structured-cloneable objects.
 */

/**
 * The interchange record of docs/DESIGN.md: one JSON object per NDJSON line, also the unit
 * of the archive. `story` is evaluation ground truth; the matcher must never read it.
 */
export interface ArticleRecord {
  id: string;
  url: string | null;
  title: string;
  outlet: string;
  /** ISO date (YYYY-MM-DD or a full ISO timestamp) or null when unknown. */
  published: string | null;
  /** Body text, paragraphs separated by a blank line ("\n\n"). */
  text: string;
  story?: string | null;
  lang?: string | null;
  /**
   * Why the text is known to be only part of the article ('paywall': it ends at a subscribe
   * prompt or the page says it is not free; 'truncated': much shorter than the page's own
   * article body), null or absent when nothing says so.
   */
  incomplete?: string | null;
}

/** Where a piece of metadata was read from, most trusted first. */
export type MetaSource = 'json-ld' | 'open-graph' | 'meta' | 'time-element' | 'url' | 'readability' | 'host' | 'none';

/** An article as extracted from a page (or built from a record) and used everywhere. */
export interface Article extends ArticleRecord {
  byline: string | null;
  lang: string | null;
  /** Word count of `text`. */
  words: number;
  /** Last modification date when the page gives one. */
  modified?: string | null;
  /** For each metadata field, where its value came from. */
  sources?: Partial<Record<'title' | 'byline' | 'outlet' | 'published' | 'modified' | 'lang' | 'url', MetaSource>>;
}

/** What extraction answers: an article, or a reason a reader can understand. */
export type ExtractResult = { ok: true; article: Article } | { ok: false; reason: ExtractFailure; message: string };

export type ExtractFailure = 'not-article' | 'too-large' | 'empty' | 'error';

/** Why a related article matched: shown to the reader beside each result. */
export interface MatchReasons {
  /** Named entities (people, places, organisations) both articles mention. */
  entities: string[];
  /** Distinctive shared terms, in the query's own words. */
  terms: string[];
  /** Numbers both mention (counts, amounts, years). */
  numbers?: string[];
  /** Days between the two publication dates, null when either date is unknown. */
  dateGapDays: number | null;
  /** Sub-scores that made up the final score, for the curious reader. */
  parts?: Record<string, number>;
}

export interface MatchResult {
  id: string;
  score: number;
  /** The calibrated same-story decision: true when this is very likely the same story. */
  sameStory?: boolean;
  /** Worth listing as related coverage (a looser bar than `sameStory`); false for weak matches kept for the curious. */
  related?: boolean;
  /** Ids of near-duplicate copies (syndicated wire text) collapsed into this result. */
  duplicates?: string[];
  reasons: MatchReasons;
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu);
  return m ? m.length : 0;
}

/** Builds an Article from an interchange record (missing byline, computed word count). */
export function articleFromRecord(r: ArticleRecord): Article {
  return {
    ...r,
    byline: null,
    lang: r.lang ?? null,
    words: countWords(r.text),
  };
}
