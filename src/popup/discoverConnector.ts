import type { Article } from '../core/types';
import { getBrowser } from '../shared/browser';
import { send } from '../ui/client';
import type { DiscoverPlanResponse, DiscoverStatus } from '../shared/discoverMessages';
import type { RelatedItem } from '../shared/messages';
import { readDiscovery, type DiscoverySettings } from '../shared/discoverySettings';
import { captureOrigins } from '../shared/settings';

/** The popup's connector for finding coverage online. */
export interface DiscoverApi {
  readSettings(): Promise<DiscoverySettings>;
  plan(article: Article): Promise<DiscoverPlanResponse>;
  /**
   * Asks for the host access the search needs (the service and the result sites: every
   * site, as auto-capture asks); must be the first await of the reader's click.
   */
  requestAccess(): Promise<boolean>;
  setSettings(settings: DiscoverySettings): Promise<DiscoverySettings>;
  start(article: Article): Promise<string>;
  status(jobId: string, since: number): Promise<DiscoverStatus<RelatedItem>>;
  cancel(jobId: string): Promise<boolean>;
  keep(id: string): Promise<boolean>;
}

export function browserDiscoverApi(): DiscoverApi {
  const browser = getBrowser();
  return {
    readSettings: () => readDiscovery(browser.storage),
    plan: (article) => send('discover/plan', { article }),
    requestAccess: () => {
      const permissions = { origins: captureOrigins(browser.runtime.getManifest()) };
      // Asked synchronously in the click (Firefox refuses it after an await). Access the
      // extension already holds counts too: a click a script made (tests) may not ask.
      const asked = browser.permissions.request(permissions).catch(() => false);
      return Promise.all([asked, browser.permissions.contains(permissions).catch(() => false)]).then(([granted, held]) => granted || held);
    },
    setSettings: (settings) => send('discover/setSettings', settings),
    start: async (article) => (await send('discover/start', { article })).jobId,
    status: (jobId, since) => send('discover/status', { jobId, since }),
    cancel: async (jobId) => (await send('discover/cancel', { jobId })).cancelled,
    keep: async (id) => (await send('discover/keep', { id })).kept,
  };
}
