import { RETENTION_KEY } from '../../shared/settings';
import { applyRetention, previewRetention } from '../retention';
import type { HandlersFor } from './types';

/** The retention policy: store and apply it, or preview what it would remove. */
export const retentionHandlers: HandlersFor<'retention'> = {
  'retention/set': async ({ policy }, { browser, archive }) => {
    await browser.storage.local.set({ [RETENTION_KEY]: policy });
    return { removed: await applyRetention(archive, policy, Date.now()) };
  },
  'retention/preview': async ({ policy }, { archive }) => previewRetention(archive, policy, Date.now()),
};
