import type { HandlersFor } from './types';

/** Feed subscriptions and their polls (the work is in ../feeds/service.ts). */
export const feedsHandlers: HandlersFor<'feeds'> = {
  'feeds/list': async (_, { feeds }) => ({ feeds: await feeds.list() }),
  'feeds/add': async ({ url, intervalMinutes }, { feeds }) => ({ feed: await feeds.add(url, intervalMinutes) }),
  'feeds/import': async ({ feeds: sources }, { feeds }) => feeds.importFeeds(sources),
  'feeds/remove': async ({ id }, { feeds }) => ({ removed: await feeds.remove(id) }),
  'feeds/poll': async ({ id }, { feeds }) => ({ started: await feeds.pollNow(id) }),
  'feeds/setInterval': async ({ id, minutes }, { feeds }) => ({ feed: await feeds.setInterval(id, minutes) }),
};
