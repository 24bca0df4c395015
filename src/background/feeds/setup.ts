import type { Browser } from 'webextension-polyfill';
import type { Archive } from '../archive';
import { fetchBounded, FEED_LIMITS, PAGE_LIMITS } from './fetchBounded';
import { createPageExtractor } from './pageExtractor';
import { FeedService, hostPattern } from './service';

/** The feed service as the worker runs it: the real network (bounded), the page reader this browser has, its host permissions. */
export function createFeedService(browser: Browser, archive: Archive): FeedService {
  return new FeedService(
    {
      archive,
      fetchText: (url, kind) => fetchBounded(url, kind, kind === 'feed' ? FEED_LIMITS : PAGE_LIMITS),
      pages: createPageExtractor(browser),
      canRead: (url) => browser.permissions.contains({ origins: [hostPattern(url)] }).catch(() => false),
      now: Date.now,
    },
    browser,
  );
}
