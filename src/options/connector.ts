import type { RetentionPolicy } from '../core/retention';
import { getBrowser } from '../shared/browser';
import { send } from '../ui/client';
import type { ArchiveFilter, ArchiveStats, FeedImportSummary, FeedSource, FeedStatus, ImportSummary, ListQuery } from '../shared/messages';
import {
  captureOrigins,
  CAPTURE_KEY,
  CAPTURE_STATUS_KEY,
  RETENTION_KEY,
  readCapture,
  readCaptureStatus,
  readRetention,
  watchSetting,
  type CaptureSettings,
  type CaptureStatus,
} from '../shared/settings';
import type { DiscoverService } from '../shared/discoverMessages';
import { DISCOVERY_KEY, parseDiscovery, readDiscovery, type DiscoverySettings } from '../shared/discoverySettings';

/**
 * The options page's connector to the background and the browser, one object of typed
 * functions per area of the page. Messages go through src/ui/client.ts; a test or a
 * fixture page passes an object of the same type instead.
 */

/** The archive list, its records, import and deletion. */
export const archiveApi = {
  list: (query: ListQuery) => send('archive/list', query),
  ids: async (query: ListQuery): Promise<string[]> => (await send('archive/ids', query)).ids,
  stats: (): Promise<ArchiveStats> => send('archive/stats', {}),
  facets: () => send('archive/facets', {}),
  get: async (id: string) => (await send('archive/get', { id })).record,
  related: async (id: string) => (await send('archive/related', { id })).related,
  remove: async (ids: string[]): Promise<number> => (await send('archive/delete', { ids })).deleted,
  removeMatching: async (filter: ArchiveFilter, except: string[]): Promise<number> =>
    (await send('archive/deleteMatching', { filter, except })).deleted,
  loadSample: (): Promise<ImportSummary> => send('archive/loadSample', {}),
  /** The full comparison page for an archived article against another. */
  compareUrl: (self: string, other: string): string =>
    getBrowser().runtime.getURL(`compare.html?${new URLSearchParams({ self, ids: other }).toString()}`),
  send,
};

export type ArchiveApi = typeof archiveApi;

/** Feed subscriptions. */
export const feedsApi = {
  list: async (): Promise<FeedStatus[]> => (await send('feeds/list', {})).feeds,
  add: async (url: string): Promise<FeedStatus> => (await send('feeds/add', { url })).feed,
  importFeeds: (feeds: FeedSource[]): Promise<FeedImportSummary> => send('feeds/import', { feeds }),
  remove: async (id: string): Promise<boolean> => (await send('feeds/remove', { id })).removed,
  poll: async (id: string): Promise<boolean> => (await send('feeds/poll', { id })).started,
  setInterval: async (id: string, minutes: number): Promise<FeedStatus> => (await send('feeds/setInterval', { id, minutes })).feed,
  /** Asks for host access to feeds' sites; must be called before the click handler's first await (the browser wants a user gesture). */
  requestAccess: (origins: string[]): Promise<boolean> => getBrowser().permissions.request({ origins }),
};

export type FeedsApi = typeof feedsApi;

const captureAccess = () => ({ origins: captureOrigins(getBrowser().runtime.getManifest()) });

/**
 * Auto-capture and retention: settings are read from storage and written by the
 * background; host access is asked for and given back here, because permissions.request
 * needs the reader's click.
 */
export const captureRetentionApi = {
  readCapture: (): Promise<CaptureSettings> => readCapture(getBrowser().storage),
  readStatus: (): Promise<CaptureStatus> => readCaptureStatus(getBrowser().storage),
  readRetention: (): Promise<RetentionPolicy> => readRetention(getBrowser().storage),
  /** Whether the extension holds the host access capture needs. */
  hasAccess: (): Promise<boolean> => getBrowser().permissions.contains(captureAccess()),
  /** Asks the browser for host access; must be the first await of a click handler. */
  requestAccess: (): Promise<boolean> => getBrowser().permissions.request(captureAccess()),
  /** Gives host access back; a build whose access is required (the test build) keeps it. */
  releaseAccess: async (): Promise<void> => {
    await getBrowser()
      .permissions.remove(captureAccess())
      .catch(() => false);
  },
  setCapture: (settings: CaptureSettings): Promise<CaptureSettings> => send('capture/set', settings),
  setRetention: async (policy: RetentionPolicy): Promise<number> => (await send('retention/set', { policy })).removed,
  previewRetention: (policy: RetentionPolicy): Promise<{ removes: number; eligible: number }> => send('retention/preview', { policy }),
  originCounts: async (): Promise<Record<string, number>> => (await send('archive/origins', {})).counts,
  /** Calls `onChange` when a capture or retention setting, the capture status or host access changes; returns the unsubscribe. */
  watch: (onChange: () => void): (() => void) => {
    const browser = getBrowser();
    const stops = [CAPTURE_KEY, CAPTURE_STATUS_KEY, RETENTION_KEY].map((key) => watchSetting(browser.storage, key, onChange));
    browser.permissions.onRemoved.addListener(onChange);
    browser.permissions.onAdded.addListener(onChange);
    return () => {
      for (const stop of stops) stop();
      browser.permissions.onRemoved.removeListener(onChange);
      browser.permissions.onAdded.removeListener(onChange);
    };
  },
};

export type CaptureRetentionApi = typeof captureRetentionApi;

/** Finding coverage online: its setting (written by the background) and the host access it needs, asked in the reader's click. */
export const discoveryApi = {
  read: (): Promise<DiscoverySettings> => readDiscovery(getBrowser().storage),
  watch: (onChange: (settings: DiscoverySettings) => void): (() => void) =>
    watchSetting(getBrowser().storage, DISCOVERY_KEY, (value) => onChange(parseDiscovery(value))),
  set: (settings: DiscoverySettings): Promise<DiscoverySettings> => send('discover/setSettings', settings),
  services: async (): Promise<DiscoverService[]> => (await send('discover/services', {})).services,
  requestAccess: (): Promise<boolean> => getBrowser().permissions.request(captureAccess()),
};

export type DiscoveryApi = typeof discoveryApi;
