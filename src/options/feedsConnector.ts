import { send } from '../ui/client';
import type { FeedImportSummary, FeedSource, FeedStatus } from '../shared/messages';

/** The Feeds section's connector to the background (fixture data can replace it). */
export const feedsApi = {
  list: async (): Promise<FeedStatus[]> => (await send('feeds/list', {})).feeds,
  add: async (url: string): Promise<FeedStatus> => (await send('feeds/add', { url })).feed,
  importFeeds: (feeds: FeedSource[]): Promise<FeedImportSummary> => send('feeds/import', { feeds }),
  remove: async (id: string): Promise<boolean> => (await send('feeds/remove', { id })).removed,
  poll: async (id: string): Promise<boolean> => (await send('feeds/poll', { id })).started,
  setInterval: async (id: string, minutes: number): Promise<FeedStatus> => (await send('feeds/setInterval', { id, minutes })).feed,
};

export type FeedsApi = typeof feedsApi;

/** Asking for host access: from a click only (the browser requires a user gesture). */
export interface HostPermissions {
  request(permissions: { origins: string[] }): Promise<boolean>;
}
