import type { Browser } from 'webextension-polyfill';
import type { Archive } from '../../../src/background/archive';
import { FeedService } from '../../../src/background/feeds/service';

/** A feed service that may reach no host and no network: for tests that are not about feeds. */
export function offlineFeeds(archive: Archive, browser: Browser): FeedService {
  return new FeedService(
    {
      archive,
      fetchText: async () => {
        throw new Error('No network in this test.');
      },
      pages: { extract: async () => ({ ok: false, reason: 'error', message: 'No pages in this test.' }), release: async () => undefined },
      canRead: async () => false,
      now: Date.now,
    },
    browser,
  );
}
