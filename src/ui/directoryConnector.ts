import { errorText } from '../core/errors';
import { getBrowser } from '../shared/browser';
import { send } from './client';
import { t } from '../shared/i18n';
import type { FeedImportSummary, FeedSource } from '../shared/messages';
import { readGroups, saveGroups, type OutletGroup } from './outletGroups';

/** Where the build puts the starter directory (public/directory/outlets.json). */
export const DIRECTORY_PATH = 'directory/outlets.json';

/** What the starter directory needs from the extension; a page passes fixtures in tests. */
export interface DirectoryApi {
  /** The bundled directory file as JSON, not yet checked. */
  load(): Promise<unknown>;
  /** The addresses of the feeds followed now. */
  subscribed(): Promise<string[]>;
  importFeeds(feeds: FeedSource[]): Promise<FeedImportSummary>;
  readGroups(): Promise<OutletGroup[]>;
  saveGroups(groups: OutletGroup[]): Promise<OutletGroup[]>;
}

/** Asking for host access: from a click only (the browser requires a user gesture). */
export interface HostPermissionRequest {
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/** The extension's own file and background; the browser is looked up when first used. */
export const directoryApi: DirectoryApi = {
  async load() {
    const url = getBrowser().runtime.getURL(DIRECTORY_PATH);
    const res = await fetch(url).catch((e: unknown) => {
      throw new Error(t('directoryUnreadable', [errorText(e)]), { cause: e });
    });
    if (!res.ok) throw new Error(t('directoryUnreadable', [`HTTP ${res.status}`]));
    try {
      return (await res.json()) as unknown;
    } catch (e) {
      throw new Error(t('directoryUnreadable', [errorText(e)]), { cause: e });
    }
  },
  subscribed: async () => (await send('feeds/list', {})).feeds.map((f) => f.url),
  importFeeds: (feeds) => send('feeds/import', { feeds }),
  readGroups: () => readGroups(getBrowser().storage),
  saveGroups: (groups) => saveGroups(getBrowser().storage, groups),
};
