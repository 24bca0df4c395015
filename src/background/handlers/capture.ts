import { CAPTURE_KEY } from '../../shared/settings';
import type { HandlersFor } from './types';

/** Auto-capture of visited news pages: its settings (the capturing itself is ../capture.ts). */
export const captureHandlers: HandlersFor<'capture'> = {
  'capture/set': async (settings, { browser }) => {
    await browser.storage.local.set({ [CAPTURE_KEY]: settings });
    return settings;
  },
};
