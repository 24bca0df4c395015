import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { TermPrior } from '../core/framing';
import type { ArticleRecord } from '../core/types';

/**
 * The archive's IndexedDB schema (idb's typed DBSchema). Each row of `articles` wraps the
 * interchange record untouched (every field, extra dataset fields included) so an export
 * is exactly what was imported; the wrapper holds what the archive derives from it. Types
 * only: the database code (db.ts) and its migrations both build on it.
 */

/**
 * How a record entered the archive; retention never drops 'saved' or 'imported'
 * ones. 'captured': auto-capture of a visited page; 'feed': fetched for a feed subscription;
 * 'found': found online when the reader asked for a story's coverage.
 */
export type RecordOrigin = 'saved' | 'imported' | 'sample' | 'captured' | 'feed' | 'found';

export interface StoredArticle {
  id: string;
  record: ArticleRecord;
  /** Normalised canonical URL (canonicalUrl.ts); absent when the record has no URL, so the unique index skips it. */
  urlKey?: string;
  savedAt: number;
  origin: RecordOrigin;
  words: number;
}

export interface StagedBatch {
  importId: string;
  seq: number;
  records: ArticleRecord[];
}

export interface StagedImport {
  importId: string;
  source: string;
  startedAt: number;
  updatedAt: number;
  staged: number;
  batches: number;
}

export type MetaRow =
  | { key: 'schema'; version: number; history: { version: number; note: string; at: number }[] }
  /** Bumped by every write transaction; a match index snapshot is current only at the same count. */
  | { key: 'changes'; count: number }
  | { key: 'matchIndex'; changes: number; snapshot: unknown }
  /** The options page's catalog (src/core/search/catalog.ts), current at that change count. */
  | { key: 'catalog'; changes: number; snapshot: unknown }
  /** The change counter each mirror's stored snapshot is at: the change log is kept from the oldest. */
  | { key: 'snapshotsAt'; at: Partial<Record<MirrorKey, number>> }
  /** Word and phrase counts over a sample of the archive (termBackgroundStore.ts), and the sample's ids. */
  | { key: 'termBackground'; sample: string[]; background: TermPrior };

/** The meta rows holding a mirror's snapshot. */
export type MirrorKey = 'matchIndex' | 'catalog';

/** One committed write (every bump of the change counter has one): the ids it put and removed. */
export interface ChangeLogRow {
  counter: number;
  put: string[];
  removed: string[];
}

/** A feed subscription and what its polls did; the options page shows these. */
export interface FeedRow {
  /** Random id (crypto.randomUUID): the alarm is named after it. */
  id: string;
  /** Absolute http(s) address of the feed, unique. */
  url: string;
  title: string;
  siteUrl: string | null;
  addedAt: number;
  intervalMinutes: number;
  /** When the last poll ended, null before the first. */
  lastPollAt: number | null;
  /** Why the last poll failed or what it could not read; null when all went well. */
  lastError: string | null;
  /** Items the last poll archived. */
  lastNew: number;
  /** Items in the feed at the last poll. */
  itemCount: number;
  /** Items of this feed archived so far (written with each item, in the same transaction). */
  savedCount: number;
  /** Set while a poll runs; a poll the worker's stop cut short leaves it set, and the next start resumes it. */
  pollStartedAt: number | null;
  /** Items archived by the poll in progress (moves to lastNew when it ends). */
  pollNew: number;
}

/** Where an item of a feed stands: 'pending' until fetched and archived ('saved'), or given up on. */
export type FeedItemState = 'pending' | 'saved' | 'failed' | 'skipped';

/** One item a feed listed: the per-feed poll state that makes a poll resumable without duplicates. */
export interface FeedItemRow {
  feedId: string;
  /** The item's id in its feed (guid / id / link). */
  itemId: string;
  url: string | null;
  title: string;
  published: string | null;
  state: FeedItemState;
  firstSeen: number;
  attempts: number;
  /** The archived record, once saved. */
  recordId?: string;
  error?: string;
  /** The origin (match pattern) the reader has not allowed, when that is why the item waits. */
  blockedOrigin?: string;
}

export interface FramelensDB extends DBSchema {
  articles: {
    key: string;
    value: StoredArticle;
    indexes: { url: string; savedAt: number; outlet: string; published: string; originSavedAt: [string, number] };
  };
  meta: { key: MetaRow['key']; value: MetaRow };
  staging: { key: [string, number]; value: StagedBatch };
  imports: { key: string; value: StagedImport; indexes: { updatedAt: number } };
  feeds: { key: string; value: FeedRow; indexes: { url: string } };
  feedItems: { key: [string, string]; value: FeedItemRow; indexes: { state: [string, FeedItemState] } };
  changeLog: { key: number; value: ChangeLogRow };
}

export type ArchiveDb = IDBPDatabase<FramelensDB>;
export type UpgradeTx = IDBPTransaction<FramelensDB, StoreNames<FramelensDB>[], 'versionchange'>;
