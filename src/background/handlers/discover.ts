import { MAX_QUERIES, planDiscovery, PROVIDERS } from '../../core/discover';
import { PROVIDER_NAMES } from '../../shared/discoverySettings';
import { DISCOVERY_KEY, readDiscovery } from '../../shared/discoverySettings';
import { discoveryJobs } from '../discover/registry';
import type { HandlersFor } from './types';

/** Finding coverage online: what a search would send, its setting, and the searches (the work is in ../discover/). */
export const discoverHandlers: HandlersFor<'discover'> = {
  'discover/plan': async ({ article }, deps) => {
    const settings = await readDiscovery(deps.browser.storage);
    // The same inputs as the search itself (DiscoveryJobs), so the screen shows exactly what is sent.
    const context = await discoveryJobs(deps).context();
    const plan = planDiscovery(
      article,
      { providers: settings.providers, endpoints: settings.endpoints, max: settings.maxPages, context },
      new Date(),
    );
    return { plan, settings, maxQueries: MAX_QUERIES };
  },
  'discover/services': async () => ({
    services: PROVIDER_NAMES.map((name) => ({ name, label: PROVIDERS[name].label, defaultEndpoint: PROVIDERS[name].defaultEndpoint })),
  }),
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
