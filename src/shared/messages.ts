import type { Article, ArticleRecord } from '../core/types';
import type { FramingReport } from '../core/framing/types';
import type { RetentionPolicy } from '../core/retention';
import type {
  AnalyzeResponse,
  ArchiveFacets,
  Coverage,
  ArchiveFilter,
  ArchivePage,
  ArchiveStats,
  FeedImportSummary,
  FeedSource,
  FeedStatus,
  ImportSummary,
  ListQuery,
  RelatedItem,
} from './payloads';
import type { CaptureSettings } from './settings';
import type { DiscoverPlanResponse, DiscoverService, DiscoverStatus } from './discoverMessages';
import type { DiscoverySettings } from './discoverySettings';

export type * from './payloads';

/**
 * The one message protocol between popup, options, comparison page, content script and
 * background. Each entry pairs a request with its response; the part of the type before the
 * slash is its area. A message is declared here, flagged in WRITES, given a payload schema
 * in src/shared/schemas.ts and a handler in src/background/handlers/<area>.ts (the compiler
 * checks all three). The router validates every payload before use; senders other than
 * this extension are refused.
 */
export interface Protocol {
  /** Read the article in a tab (the active one, or `tabId` when the popup runs in a tab) and match it against the archive; the framing report comes from 'framing/compare', so the list shows first. */
  'tab/analyze': { req: { tabId?: number }; res: AnalyzeResponse };
  /** The related coverage of an article already read (the popup asks again while new articles are being indexed). */
  'tab/related': { req: { article: Article }; res: Coverage };
  /** Save an article to the archive (one record per canonical URL: saving twice updates). */
  'archive/save': { req: { article: Article }; res: { id: string; created: boolean } };
  /** One archived record by id. */
  'archive/get': { req: { id: string }; res: { record: ArticleRecord | null } };
  /** A page of the archive, filtered, searched and sorted (newest saved first by default); `pending` counts records still being indexed. */
  'archive/list': { req: ListQuery; res: ArchivePage };
  /** The ids of every record that passes a filter, in the list's order (a slice with offset and limit), for selecting ranges and all matches. */
  'archive/ids': { req: ListQuery; res: { ids: string[] } };
  /** Delete every record that passes a filter (but the `except` ids) in one transaction. */
  'archive/deleteMatching': { req: { filter: ArchiveFilter; except?: string[] }; res: { deleted: number } };
  /** Archived outlets and story labels with their record counts, for the filters. */
  'archive/facets': { req: Record<string, never>; res: ArchiveFacets };
  /** An archived article's related coverage in the archive (the match index's results with their reasons). */
  'archive/related': { req: { id: string }; res: { related: RelatedItem[] } };
  /** Delete records by id. */
  'archive/delete': { req: { ids: string[] }; res: { deleted: number } };
  /** Add validated records in one transaction (all or nothing); duplicates merge by canonical URL. */
  'archive/import': { req: { records: ArticleRecord[] }; res: ImportSummary };
  /** Begin a staged import of a large file: batches are kept aside until the commit. */
  'archive/importStart': { req: { source?: string }; res: { importId: string } };
  /** Stage one batch of validated records of a staged import (the archive does not change yet). */
  'archive/importBatch': { req: { importId: string; records: ArticleRecord[] }; res: { staged: number } };
  /** Move every staged record into the archive in one transaction (all or nothing) and drop the staging. */
  'archive/importCommit': { req: { importId: string }; res: ImportSummary };
  /** Discard a staged import (a malformed line, or the reader cancelled); the archive is untouched. */
  'archive/importAbort': { req: { importId: string }; res: { discarded: number } };
  /** One page of the archive in the interchange format, in id order, for export; `next` is null on the last page. */
  'archive/export': { req: { after?: string | null; limit?: number }; res: { records: ArticleRecord[]; next: string | null } };
  /** Load the sample archive built into the extension. */
  'archive/loadSample': { req: Record<string, never>; res: ImportSummary };
  /** Record count and storage use. */
  'archive/stats': { req: Record<string, never>; res: ArchiveStats };
  /** Records per origin ('saved', 'captured', 'imported', ...). */
  'archive/origins': { req: Record<string, never>; res: { counts: Record<string, number> } };
  /** Compare an article (from the page or the archive) with archived ones. */
  'framing/compare': { req: { article?: Article; ids: string[] }; res: { report: FramingReport } };
  /** Store the auto-capture settings (src/shared/settings.ts); the options page asked for the host permission first. */
  'capture/set': { req: CaptureSettings; res: CaptureSettings };
  /** Store the retention policy and apply it now; answers how many records it removed. */
  'retention/set': { req: { policy: RetentionPolicy }; res: { removed: number } };
  /** What a retention policy would remove now (nothing is deleted), and how many records it applies to. */
  'retention/preview': { req: { policy: RetentionPolicy }; res: { removes: number; eligible: number } };
  /** What a search for the article's coverage online would send, and to whom (nothing is sent). */
  'discover/plan': { req: { article: Article }; res: DiscoverPlanResponse };
  /** The search services Framelens knows, with their names and own addresses (for the options page). */
  'discover/services': { req: Record<string, never>; res: { services: DiscoverService[] } };
  /** Store the settings of finding coverage online (the reader accepted, or turned it off). */
  'discover/setSettings': { req: DiscoverySettings; res: DiscoverySettings };
  /** Search for the article's coverage online (the reader accepted); a search already running for it is joined. */
  'discover/start': { req: { article: Article }; res: { jobId: string } };
  /** A search's updates from `since` on (answers when there is news, or after a second). */
  'discover/status': { req: { jobId: string; since: number }; res: DiscoverStatus<RelatedItem> };
  /** Stop a search: pages being read are abandoned; what it archived stays. */
  'discover/cancel': { req: { jobId: string }; res: { cancelled: boolean } };
  /** Keep an article found online for good (retention no longer removes it). */
  'discover/keep': { req: { id: string }; res: { kept: boolean } };
  /** The feed subscriptions with each one's poll status. */
  'feeds/list': { req: Record<string, never>; res: { feeds: FeedStatus[] } };
  /** Subscribe to a feed (the page asked for its origin first): fetched and checked once, then polled. */
  'feeds/add': { req: { url: string; intervalMinutes?: number }; res: { feed: FeedStatus } };
  /** Subscribe to the feeds of an OPML file (already parsed and validated by the page); none is fetched until polled. */
  'feeds/import': { req: { feeds: FeedSource[] }; res: FeedImportSummary };
  /** Unsubscribe (the articles it archived stay). */
  'feeds/remove': { req: { id: string }; res: { removed: boolean } };
  /** Start a poll of one feed now; its status shows when it ends. */
  'feeds/poll': { req: { id: string }; res: { started: boolean } };
  /** How often a feed is polled. */
  'feeds/setInterval': { req: { id: string; minutes: number }; res: { feed: FeedStatus } };
}

/**
 * Whether a valid request changes what the reader keeps: the archive (staging records for
 * it counts; starting or discarding a staged import does not), the settings or the
 * subscriptions. Tests that must leave the archive as it was take their list from here.
 */
export const WRITES: { readonly [T in MessageType]: boolean } = {
  'tab/analyze': false,
  'tab/related': false,
  'archive/save': true,
  'archive/get': false,
  'archive/list': false,
  'archive/ids': false,
  'archive/deleteMatching': true,
  'archive/facets': false,
  'archive/related': false,
  'archive/delete': true,
  'archive/import': true,
  'archive/importStart': false,
  'archive/importBatch': true,
  'archive/importCommit': true,
  'archive/importAbort': false,
  'archive/export': false,
  'archive/loadSample': true,
  'archive/stats': false,
  'archive/origins': false,
  'framing/compare': false,
  'capture/set': true,
  'retention/set': true,
  'retention/preview': false,
  'feeds/list': false,
  'feeds/add': true,
  'feeds/import': true,
  'feeds/remove': true,
  'feeds/poll': true,
  'feeds/setInterval': true,
  'discover/plan': false,
  'discover/services': false,
  'discover/setSettings': true,
  // Archives what it finds.
  'discover/start': true,
  'discover/status': false,
  'discover/cancel': false,
  'discover/keep': true,
};

/**
 * Background → offscreen document (Chrome): read this page with the extractor, which needs
 * a DOM the service worker lacks. The answer is an ExtractResult. Not part of Protocol: the
 * router never receives it, and the offscreen document answers nothing else.
 */
export interface OffscreenExtract {
  target: 'offscreen';
  type: 'offscreen/extract';
  html: string;
  url: string;
}

export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = Protocol[T]['req'];
export type Response<T extends MessageType> = Protocol[T]['res'];

/** What crosses the wire. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Request<T>;
}

/** Every answer: the response, or an error message a reader can understand. */
export type Reply<T extends MessageType = MessageType> = { ok: true; data: Response<T> } | { ok: false; error: string };
