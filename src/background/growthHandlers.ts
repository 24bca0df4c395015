import { applyRetention, originCounts, previewRetention } from './retention';
import type { BackgroundDeps } from './handlers';
import type { Handlers } from './router';
import { CAPTURE_KEY, RETENTION_KEY } from '../shared/settings';

type GrowthMessages = 'settings/setCapture' | 'settings/setRetention' | 'retention/preview' | 'archive/origins';

/** Handlers of the archive-growth settings: auto-capture and retention. Payloads arrive validated by the router. */
export function growthHandlers(ready: () => Promise<BackgroundDeps>): Pick<Handlers, GrowthMessages> {
  return {
    'settings/setCapture': async (settings) => {
      await (await ready()).browser.storage.local.set({ [CAPTURE_KEY]: settings });
      return settings;
    },
    'settings/setRetention': async ({ policy }) => {
      const { browser, archive } = await ready();
      await browser.storage.local.set({ [RETENTION_KEY]: policy });
      return { removed: await applyRetention(archive, policy, Date.now()) };
    },
    'retention/preview': async ({ policy }) => previewRetention((await ready()).archive, policy, Date.now()),
    'archive/origins': async () => ({ counts: await originCounts((await ready()).archive) }),
  };
}
