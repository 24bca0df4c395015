/**
 * The seam between the discovery core (query planning, providers' parsers, orchestration)
 * and whatever runs it: the extension's background (fetch in the worker, pages read in the
 * offscreen document or with DOMParser) or the CLI (Node fetch and jsdom). Pure types.
 */
import type { Article, ArticleRecord } from '../types';

/** gdelt is the default; bing is Bing News RSS search (its links decode to the outlets' own URLs). */
export type ProviderName = 'gdelt' | 'bing';

/** One result a provider lists, before its page is fetched. */
export interface FoundLink {
  url: string;
  title: string;
  outlet: string;
  published: string | null;
  lang: string | null;
  provider: ProviderName;
}

export type FailureReason =
  'not-found' | 'not-article' | 'paywalled' | 'too-large' | 'not-html' | 'timed-out' | 'network' | 'forbidden' | 'same-article';

export type DiscoveryEvent =
  /** Right before each provider request: what is sent, and where. */
  | { kind: 'query'; provider: ProviderName; query: string; url: string }
  | {
      kind: 'provider-error';
      provider: ProviderName;
      reason: 'rate-limited' | 'http' | 'garbage' | 'network' | 'timed-out';
      detail: string;
    }
  /** Candidate links after dedup, the per-outlet cap and the article itself left out. */
  | { kind: 'links'; provider: ProviderName; count: number }
  /** "Reading 3 of 8: The Guardian…" */
  | { kind: 'reading'; index: number; total: number; link: FoundLink }
  | { kind: 'found'; article: Article; link: FoundLink; score: number; sameStory: boolean; incomplete: string | null }
  | { kind: 'failed'; link: FoundLink; reason: FailureReason; detail: string }
  | { kind: 'done'; found: number; failed: number; queries: number; fetches: number; cancelled: boolean };

export type FoundEvent = Extract<DiscoveryEvent, { kind: 'found' }>;
export type FailedEvent = Extract<DiscoveryEvent, { kind: 'failed' }>;

export type FetchOutcome =
  | { ok: true; status: number; contentType: string | null; body: string; url: string }
  | { ok: false; reason: 'timed-out' | 'too-large' | 'network' | 'http' | 'not-html' | 'forbidden'; status?: number; detail: string };

export type ReadOutcome = { ok: true; article: Article } | { ok: false; reason: 'not-article' | 'not-html'; detail: string };

export interface DiscoveryIO {
  /** GET: no cookies (credentials 'omit'), no referrer, bounded in time and bytes. kind picks Accept and media-type checks. */
  fetchText(url: string, kind: 'api' | 'page', signal?: AbortSignal): Promise<FetchOutcome>;
  /** HTML -> Article with the extension's own extractor (offscreen document / DOMParser / jsdom in the CLI). */
  readPage(html: string, url: string): Promise<ReadOutcome>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): Date;
}

export interface DiscoveryOptions {
  /** Order tried; the first is the primary. */
  providers: ProviderName[];
  /** Base URL override (tests: 127.0.0.1). */
  endpoints?: Partial<Record<ProviderName, string>>;
  /** Pages to read, default 8, at most 20. */
  max?: number;
  /** Pages read at once, default 3. */
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (e: DiscoveryEvent) => void;
  /**
   * When each provider was last asked (epoch ms). Kept by the caller across clicks so a
   * provider's minimum interval holds between clicks too; discoverCoverage updates it.
   */
  lastRequestAt?: Partial<Record<ProviderName, number>>;
  /**
   * Other articles (the archive's, or the bundled sample) the matcher reads word frequencies
   * from when it ranks what was read: among a handful of pages on one story the story's own
   * words look common, and the same-story decision needs them to weigh as in an archive.
   * Never returned.
   */
  context?: readonly ArticleRecord[];
}

/** One request the plan may send, in order; each later one only when the earlier ones found too little. */
export interface PlannedQuery {
  provider: ProviderName;
  label: string;
  host: string;
  query: string;
  /** The request's full address, exactly as it would be sent. */
  url: string;
}

/** What the consent screen shows before anything is sent. */
export interface DiscoveryPlan {
  provider: ProviderName;
  label: string;
  host: string;
  /** The first query, in the provider's syntax. */
  query: string;
  /** The date window, YYYY-MM-DD, or null when the provider takes none. */
  from: string | null;
  to: string | null;
  maxPages: number;
  /** The searches the click may send, in order (at most 3, the first one above included); the later ones only when the earlier found too little. */
  steps: PlannedQuery[];
  /** The service the same searches go to instead when this one fails, rate-limits or finds nothing; null when there is none. */
  fallback: { provider: ProviderName; label: string; host: string; queries: string[] } | null;
}

export interface DiscoveryResult {
  found: FoundEvent[];
  failed: FailedEvent[];
  queries: number;
  fetches: number;
  cancelled: boolean;
}

export interface ProviderInfo {
  label: string;
  defaultEndpoint: string;
  /** The service's published minimum gap between two requests. */
  minIntervalMs: number;
}
