import { parseFeed, type ParsedFeed } from '../../core/feeds';
import { t, tn } from '../../shared/i18n';
import type { FeedItemRow, FeedRow } from '../dbSchema';
import { errorText } from '../../core/errors';
import { archiveItem } from './archiveItem';
import type { PollDeps } from './pollDeps';

/** Articles fetched in one poll at most; the rest stay pending for the next. */
export const MAX_ITEMS_PER_POLL = 30;
/** On a feed's first poll only its newest items are archived, not its whole history. */
export const MAX_FIRST_POLL_ITEMS = 20;
/** Tries per item before it is given up on. */
export const MAX_ATTEMPTS = 3;
/** Items the feed no longer lists are forgotten after this long. */
export const FORGET_AFTER_MS = 60 * 24 * 60 * 60 * 1000;

/**
 * One poll of one feed, in steps that each end in a committed transaction, so a worker
 * stopped anywhere loses nothing and duplicates nothing:
 *  1. the feed row says a poll is running (pollStartedAt);
 *  2. the feed is fetched and every item it lists that the feed has not listed before is
 *     written as 'pending' (feedItems);
 *  3. each pending item is fetched, extracted, and archived in ONE transaction with its
 *     feedItems row turning 'saved' and the feed's counts, so an item is either archived
 *     and marked or neither;
 *  4. the feed row gets its last poll time, new items and error.
 * A poll cut short leaves pollStartedAt set and items pending: the next start resumes at
 * step 3. Archiving goes through the archive's one upsert path (one record per canonical
 * URL), and never replaces a record already archived (saved by hand, imported, another feed).
 */
export async function pollFeed(deps: PollDeps, feedId: string, prefetched?: ParsedFeed): Promise<FeedRow | null> {
  const feed = await updateFeed(deps, feedId, (row) => ({ ...row, pollStartedAt: deps.now(), pollNew: 0 }));
  if (!feed) return null;
  // The reader may have withdrawn the site's permission since subscribing: say so, fetch nothing.
  if (!prefetched && !(await deps.canRead(feed.url))) return finishPoll(deps, feedId, t('errFeedNoAccess', [new URL(feed.url).host]), []);
  let parsed: ParsedFeed;
  try {
    parsed = prefetched ?? parseFeed((await deps.fetchText(feed.url, 'feed')).text, feed.url);
  } catch (e) {
    return finishPoll(deps, feedId, errorText(e), []);
  }
  await recordItems(deps, feed, parsed);
  return archivePending(deps, feedId);
}

/** Steps 3 and 4 for a poll that a stopped worker left unfinished. */
export async function resumePoll(deps: PollDeps, feedId: string): Promise<FeedRow | null> {
  return archivePending(deps, feedId);
}

async function archivePending(deps: PollDeps, feedId: string): Promise<FeedRow | null> {
  const errors: string[] = [];
  try {
    for (const item of await pendingItems(deps, feedId)) {
      const outcome = await archiveItem(deps, item);
      if (outcome === 'gone') return null;
      if (outcome) errors.push(outcome);
    }
  } catch (e) {
    // The archive refused a write (a full quota, say): that item stays pending, the poll ends
    // with the reason, and the next poll tries again.
    return finishPoll(deps, feedId, errorText(e), errors);
  } finally {
    await deps.pages.release();
  }
  return finishPoll(deps, feedId, null, errors);
}

async function updateFeed(deps: PollDeps, feedId: string, change: (row: FeedRow) => FeedRow): Promise<FeedRow | null> {
  const tx = deps.archive.db.transaction('feeds', 'readwrite');
  const row = await tx.store.get(feedId);
  if (!row) {
    await tx.done;
    return null;
  }
  const next = change(row);
  await tx.store.put(next);
  await tx.done;
  return next;
}

async function finishPoll(deps: PollDeps, feedId: string, feedError: string | null, itemErrors: string[]): Promise<FeedRow | null> {
  const itemsError = itemErrors.length ? tn('feedItemErrors', itemErrors.length, [itemErrors[0] ?? '']) : null;
  return updateFeed(deps, feedId, (row) => ({
    ...row,
    lastPollAt: deps.now(),
    lastNew: row.pollNew,
    pollStartedAt: null,
    lastError: feedError ?? itemsError,
  }));
}

/** Step 2: the items the feed lists that it never listed before become pending, in one transaction. */
async function recordItems(deps: PollDeps, feed: FeedRow, parsed: ParsedFeed): Promise<void> {
  const now = deps.now();
  const tx = deps.archive.db.transaction(['feeds', 'feedItems'], 'readwrite');
  const items = tx.objectStore('feedItems');
  const range = feedItemsOf(feed.id);
  const known = new Set((await items.getAllKeys(range)).map((key) => key[1]));
  const first = known.size === 0 && feed.lastPollAt === null;
  const listed = new Set(parsed.items.map((i) => i.id));
  const writes: Promise<unknown>[] = [];
  parsed.items.forEach((item, index) => {
    if (known.has(item.id)) return;
    const row: FeedItemRow = {
      feedId: feed.id,
      itemId: item.id,
      url: item.url,
      title: item.title,
      published: item.published,
      state: 'pending',
      firstSeen: now,
      attempts: 0,
    };
    if (!item.url) Object.assign(row, { state: 'skipped', error: t('feedItemNoLink') });
    else if (first && index >= MAX_FIRST_POLL_ITEMS) Object.assign(row, { state: 'skipped', error: t('feedItemBeforeSubscribing') });
    writes.push(items.put(row));
  });
  // Forget items the feed stopped listing long ago, so the store does not grow forever.
  let cursor = await items.openCursor(range);
  while (cursor) {
    if (!listed.has(cursor.value.itemId) && cursor.value.firstSeen < now - FORGET_AFTER_MS && cursor.value.state !== 'pending')
      writes.push(cursor.delete());
    cursor = await cursor.continue();
  }
  const row = await tx.objectStore('feeds').get(feed.id);
  if (row)
    writes.push(
      tx
        .objectStore('feeds')
        .put({ ...row, itemCount: parsed.items.length, title: row.title || parsed.title, siteUrl: row.siteUrl ?? parsed.siteUrl }),
    );
  await Promise.all(writes);
  await tx.done;
}

/** Every feedItems key of one feed: [id, any string] sorts between [id] and [id, []] (arrays sort after strings). */
export function feedItemsOf(feedId: string): IDBKeyRange {
  return IDBKeyRange.bound([feedId], [feedId, []]);
}

async function pendingItems(deps: PollDeps, feedId: string): Promise<FeedItemRow[]> {
  const db = deps.archive.db;
  const [pending, failed] = await Promise.all([
    db.getAllFromIndex('feedItems', 'state', [feedId, 'pending']),
    db.getAllFromIndex('feedItems', 'state', [feedId, 'failed']),
  ]);
  return [...pending, ...failed.filter((i) => i.attempts < MAX_ATTEMPTS)]
    .sort((a, b) => a.firstSeen - b.firstSeen || (b.published ?? '').localeCompare(a.published ?? ''))
    .slice(0, MAX_ITEMS_PER_POLL);
}
