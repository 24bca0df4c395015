import type { MessageType } from '../../shared/messages';
import type { BackgroundDeps } from '../handlers';
import type { Handlers } from '../router';

type FeedMessage = Extract<MessageType, `feeds/${string}`>;

/** The handlers of the feeds/* messages (kept beside the feed code; createHandlers spreads them in). */
export function feedHandlers(ready: () => Promise<BackgroundDeps>): Pick<Handlers, FeedMessage> {
  return {
    'feeds/list': async () => ({ feeds: await (await ready()).feeds.list() }),
    'feeds/add': async ({ url, intervalMinutes }) => ({ feed: await (await ready()).feeds.add(url, intervalMinutes) }),
    'feeds/import': async ({ feeds }) => (await ready()).feeds.importFeeds(feeds),
    'feeds/remove': async ({ id }) => ({ removed: await (await ready()).feeds.remove(id) }),
    'feeds/poll': async ({ id }) => ({ started: await (await ready()).feeds.pollNow(id) }),
    'feeds/setInterval': async ({ id, minutes }) => ({ feed: await (await ready()).feeds.setInterval(id, minutes) }),
  };
}
