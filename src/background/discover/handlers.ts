import type { Browser } from 'webextension-polyfill';
import { discoverCoverage, MAX_QUERIES, planDiscovery, PROVIDERS } from '../../core/discover';
import { DISCOVERY_KEY, readDiscovery } from '../../shared/discoverySettings';
import type { Request, Response } from '../../shared/messages';
import type { Archive } from '../archive';
import { hostPattern } from '../../core/feeds';
import { createPageExtractor } from '../feeds/pageExtractor';
import type { MatchIndexStore } from '../matchIndexStore';
import { createDiscoveryIO } from './io';
import { DiscoveryJobs } from './jobs';

/** What the discovery handlers need of the background. */
export interface DiscoverDeps {
  browser: Browser;
  archive: Archive;
  matches: MatchIndexStore;
}

type DiscoverMessage = 'discover/plan' | 'discover/setSettings' | 'discover/start' | 'discover/status' | 'discover/cancel' | 'discover/keep';
type DiscoverHandler<T extends DiscoverMessage> = (payload: Request<T>, deps: DiscoverDeps) => Promise<Response<T>>;

/** One job registry per worker (per archive: a test's fresh archive gets its own). */
const registries = new WeakMap<Archive, DiscoveryJobs>();

export function discoveryJobs(deps: DiscoverDeps): DiscoveryJobs {
  let jobs = registries.get(deps.archive);
  if (!jobs) {
    const { browser } = deps;
    const pages = createPageExtractor(browser);
    jobs = new DiscoveryJobs({
      archive: deps.archive,
      matches: deps.matches,
      settings: () => readDiscovery(browser.storage),
      io: (settings) => createDiscoveryIO({
        pages,
        pageTimeoutMs: settings.pageTimeoutSeconds * 1000,
        canRead: (url) => browser.permissions.contains({ origins: [hostPattern(url)] }).catch(() => false),
      }),
      run: discoverCoverage,
      label: (provider) => PROVIDERS[provider].label,
      keepAlive: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
      release: () => pages.release(),
    });
    registries.set(deps.archive, jobs);
  }
  return jobs;
}

/** Finding coverage online: what it would send, its setting, and the searches themselves. */
export const discoverHandlers: { [T in DiscoverMessage]: DiscoverHandler<T> } = {
  'discover/plan': async ({ article }, { browser }) => {
    const settings = await readDiscovery(browser.storage);
    const plan = planDiscovery(article, { providers: settings.providers, endpoints: settings.endpoints, max: settings.maxPages }, new Date());
    return { plan, settings, maxQueries: MAX_QUERIES };
  },
  'discover/setSettings': async (settings, deps) => {
    await deps.browser.storage.local.set({ [DISCOVERY_KEY]: settings });
    if (!settings.enabled) discoveryJobs(deps).cancelAll();
    return settings;
  },
  'discover/start': async ({ article }, deps) => ({ jobId: discoveryJobs(deps).start(article) }),
  'discover/status': async ({ jobId, since }, deps) => discoveryJobs(deps).status(jobId, since),
  'discover/cancel': async ({ jobId }, deps) => ({ cancelled: discoveryJobs(deps).cancel(jobId) }),
  'discover/keep': async ({ id }, { archive }) => ({
    // Kept for good: retention never removes a record saved by hand.
    kept: await archive.write(['articles', 'meta'], async (tx) => {
      const store = tx.objectStore('articles');
      const row = await store.get(id);
      if (!row) return { result: false, put: [], removed: [] };
      if (row.origin !== 'saved') await store.put({ ...row, origin: 'saved' });
      return { result: true, put: [], removed: [] };
    }),
  }),
};
