import { hostPattern } from '../../core/feeds';
import { checkRecord } from '../../core/records';
import type { Article, ArticleRecord } from '../../core/types';
import { t } from '../../shared/i18n';
import { canonicalUrlKey } from '../canonicalUrl';
import type { FeedItemRow } from '../dbSchema';
import { recordFromArticle, summariseOutcomes, upsertRecords, type UpsertOutcome } from '../upsert';
import type { PollDeps } from './pollDeps';
import { errorText } from '../../core/errors';

/**
 * Step 3 of a poll (poll.ts) for one item: fetch the page, read it with the extractor, and
 * archive it in the same transaction as the item's poll state and the feed's counts.
 */

/** Marks an item that could not be archived: 'skipped' for good (not an article), else 'failed' (tried again later). */
async function markItem(
  deps: PollDeps,
  item: FeedItemRow,
  state: 'failed' | 'skipped',
  error: string,
  blockedOrigin?: string,
): Promise<string> {
  const tx = deps.archive.db.transaction('feedItems', 'readwrite');
  const row = await tx.store.get([item.feedId, item.itemId]);
  if (row && row.state !== 'saved') {
    const { blockedOrigin: _was, ...rest } = row;
    // An item waiting for the reader's permission was not tried: it does not use up its attempts.
    const next: FeedItemRow = blockedOrigin
      ? { ...rest, state, error, blockedOrigin }
      : { ...rest, state, error, attempts: row.attempts + 1 };
    await tx.store.put(next);
  }
  await tx.done;
  return error;
}

/** Step 3 for one item: null when archived, else why not ('gone' when the feed was removed meanwhile). */
export async function archiveItem(deps: PollDeps, item: FeedItemRow): Promise<string | null | 'gone'> {
  const url = item.url;
  if (!url) return markItem(deps, item, 'skipped', t('feedItemNoLink'));
  // Already archived (saved by hand, imported, from another feed): link to it, fetch nothing.
  const archived = await deps.archive.findByUrl(url);
  if (archived) return saveItem(deps, item, archived.id, null);
  // The articles may live on another site than the feed (feeds.example.org → www.example.org): the options page offers to allow it.
  if (!(await deps.canRead(url))) return markItem(deps, item, 'failed', t('feedItemNoAccess', [new URL(url).host]), hostPattern(url));
  let article: Article;
  let pageUrl: string;
  try {
    const page = await deps.fetchText(url, 'page');
    pageUrl = page.url;
    const result = await deps.pages.extract(page.text, page.url);
    if (!result.ok)
      return markItem(
        deps,
        item,
        result.reason === 'error' ? 'failed' : 'skipped',
        t('feedItemNotRead', [item.title || url, result.message]),
      );
    article = result.article;
  } catch (e) {
    return markItem(deps, item, 'failed', t('feedItemNotRead', [item.title || url, errorText(e)]));
  }
  const checked = checkRecord(recordFor(article, item, pageUrl));
  if (!checked.ok) return markItem(deps, item, 'skipped', t('feedItemNotRead', [item.title || url, checked.reason]));
  return saveItem(deps, item, null, checked.record);
}

/** The record kept for a feed item: the extracted article, with the feed's title and date where the page gave none. */
function recordFor(article: Article, item: FeedItemRow, pageUrl: string): ArticleRecord {
  const record = recordFromArticle(article);
  if (!record.url) record.url = pageUrl;
  if (!record.title) record.title = item.title;
  if (!record.published && item.published) record.published = item.published;
  return record;
}

/** Archives the record (or links the item to an archived one) with the item's state and the feed's counts, in one transaction. */
async function saveItem(
  deps: PollDeps,
  item: FeedItemRow,
  archivedId: string | null,
  record: ArticleRecord | null,
): Promise<null | 'gone'> {
  return deps.archive.write(['articles', 'meta', 'feeds', 'feedItems'], async (tx) => {
    const feeds = tx.objectStore('feeds');
    const items = tx.objectStore('feedItems');
    const [feed, row] = await Promise.all([feeds.get(item.feedId), items.get([item.feedId, item.itemId])]);
    // Removed meanwhile, or archived by a poll that ran before this one: nothing to do.
    if (!feed || !row) return { result: 'gone' as const, put: [], removed: [] };
    if (row.state === 'saved') return { result: null, put: [], removed: [] };
    let outcomes: UpsertOutcome[] = [];
    let id = archivedId;
    if (record) {
      const articles = tx.objectStore('articles');
      const key = canonicalUrlKey(record.url);
      const existing = (key === null ? undefined : await articles.index('url').get(key)) ?? (await articles.get(record.id));
      // Never replace what is archived already: a reader's own save is never downgraded.
      if (existing) id = existing.id;
      else {
        outcomes = await upsertRecords(tx, [record], 'feed', deps.now());
        id = outcomes[0]?.id ?? record.id;
      }
    }
    const created = outcomes.some((o) => o.created);
    const { error: _error, ...rest } = row;
    await Promise.all([
      items.put({ ...rest, state: 'saved', recordId: id ?? undefined, attempts: row.attempts + 1 }),
      feeds.put({ ...feed, savedCount: feed.savedCount + 1, pollNew: feed.pollNew + (created ? 1 : 0) }),
    ]);
    const { put, removed } = summariseOutcomes(outcomes);
    return { result: null, put, removed };
  });
}
