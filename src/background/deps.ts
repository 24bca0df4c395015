import type { Browser } from 'webextension-polyfill';
import type { Archive } from './archive';
import type { CatalogStore } from './catalogStore';
import type { FeedService } from './feeds/service';
import type { MatchIndexStore } from './matchIndexStore';
import type { TermBackgroundStore } from './termBackgroundStore';

/**
 * What the worker has once it is ready (database open; the match index restoring, which its
 * searches wait for): the router waits for it once per message and hands it to the
 * message's handler. A leaf module, so handlers and
 * the services they use can name it without importing each other.
 */
export interface BackgroundDeps {
  browser: Browser;
  archive: Archive;
  matches: MatchIndexStore;
  /** The options page's catalog, opened on first use (a click never waits for it). */
  catalog(): Promise<CatalogStore>;
  /** The framing report's term background (`load()` before `get()`). */
  terms: TermBackgroundStore;
  /** Feed subscriptions and their polls. */
  feeds: FeedService;
  /** The text of public/sample/sample.ndjson as built into the extension. */
  readSample(): Promise<string>;
}
