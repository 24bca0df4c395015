import type { Browser } from 'webextension-polyfill';
import { discoverFeeds, FeedError, parseFeed, resolveHttpUrl, type ParsedFeed } from '../../core/feeds';
export { hostPattern } from '../../core/feeds';
import type { FeedImportSummary, FeedSource, FeedStatus } from '../../shared/messages';
import { t } from '../../shared/i18n';
import type { FeedRow } from '../dbSchema';
import { storageError } from '../storageErrors';
import { feedItemsOf, pollFeed, resumePoll } from './poll';
import type { PollDeps } from './pollDeps';
import { errorText } from '../../core/errors';

export const DEFAULT_INTERVAL_MINUTES = 60;
const ALARM_PREFIX = 'feed:';

/** The browser APIs subscriptions use: alarms for the schedule, permissions for host access. */
export type FeedBrowser = Pick<Browser, 'alarms' | 'permissions'>;

/**
 * Feed subscriptions: the rows in IndexedDB, one alarm per feed (`feed:<id>`, every
 * intervalMinutes), and the polls. Polls of one feed never overlap; a poll a stopped worker
 * left unfinished is resumed by `start()`, which the worker runs when it wakes.
 */
export class FeedService {
  private readonly running = new Map<string, Promise<FeedRow | null>>();

  constructor(
    private readonly deps: PollDeps,
    private readonly browser: FeedBrowser,
  ) {}

  async list(): Promise<FeedStatus[]> {
    const db = this.deps.archive.db;
    const rows = await db.getAll('feeds');
    const [pending, failed] = await Promise.all([
      Promise.all(rows.map((r) => db.countFromIndex('feedItems', 'state', [r.id, 'pending']))),
      Promise.all(rows.map((r) => db.getAllFromIndex('feedItems', 'state', [r.id, 'failed']))),
    ]);
    return rows
      .map((row, i) =>
        this.status(row, pending[i] ?? 0, false, [
          ...new Set((failed[i] ?? []).flatMap((item) => (item.blockedOrigin ? [item.blockedOrigin] : []))),
        ]),
      )
      .sort((a, b) => a.title.localeCompare(b.title) || a.url.localeCompare(b.url));
  }

  /**
   * Subscribes after fetching the feed once: an address that is not a feed is refused and
   * nothing is stored, unless it is a web page that names its feed (autodiscovery), which is
   * then the one subscribed to.
   */
  async add(rawUrl: string, intervalMinutes = DEFAULT_INTERVAL_MINUTES): Promise<FeedStatus> {
    let url = await this.checkNew(resolveHttpUrl(rawUrl, null), rawUrl);
    let parsed: ParsedFeed;
    try {
      let fetched = await this.deps.fetchText(url, 'feed');
      try {
        parsed = parseFeed(fetched.text, fetched.url);
      } catch (e) {
        const announced = e instanceof FeedError ? discoverFeeds(fetched.text, fetched.url)[0] : undefined;
        if (!announced) throw e;
        url = await this.checkNew(announced, announced);
        fetched = await this.deps.fetchText(url, 'feed');
        parsed = parseFeed(fetched.text, fetched.url);
      }
    } catch (e) {
      throw new Error(t('errFeedNotAdded', [url, errorText(e)]), { cause: e });
    }
    const row = newFeed(url, parsed.title, parsed.siteUrl, intervalMinutes, this.deps.now());
    await this.store([row]);
    await this.schedule(row);
    // The first poll archives the newest items now, from the feed just fetched.
    void this.poll(row.id, parsed);
    return this.status(row, 0, true);
  }

  /** The address to subscribe to, once it is known valid, new and readable; else a reader's error. */
  private async checkNew(url: string | null, raw: string): Promise<string> {
    if (!url) throw new Error(t('errFeedUrl', [raw.slice(0, 200)]));
    if (await this.deps.archive.db.getFromIndex('feeds', 'url', url)) throw new Error(t('errFeedExists'));
    if (!(await this.deps.canRead(url))) throw new Error(t('errFeedNoAccess', [new URL(url).host]));
    return url;
  }

  /** Subscribes to feeds from an OPML file; those already followed are skipped. They are fetched on their first poll, one after another. */
  async importFeeds(sources: readonly FeedSource[]): Promise<FeedImportSummary> {
    const skipped: FeedImportSummary['skipped'] = [];
    const rows: FeedRow[] = [];
    const seen = new Set<string>();
    const now = this.deps.now();
    for (const source of sources) {
      const url = resolveHttpUrl(source.url, null);
      if (!url) skipped.push({ url: source.url, reason: t('errFeedUrl', [source.url.slice(0, 200)]) });
      else if (seen.has(url) || (await this.deps.archive.db.getFromIndex('feeds', 'url', url)))
        skipped.push({ url, reason: t('errFeedExists') });
      else {
        seen.add(url);
        rows.push(newFeed(url, source.title, resolveHttpUrl(source.siteUrl, null), DEFAULT_INTERVAL_MINUTES, now));
      }
    }
    await this.store(rows);
    for (const row of rows) await this.schedule(row);
    void (async () => {
      for (const row of rows) await this.poll(row.id).catch((e: unknown) => console.error(e));
    })();
    return { added: rows.length, skipped };
  }

  /** Unsubscribes: the feed, its poll state and its alarm go; the articles it archived stay. */
  async remove(id: string): Promise<boolean> {
    const tx = this.deps.archive.db.transaction(['feeds', 'feedItems'], 'readwrite');
    const existed = (await tx.objectStore('feeds').getKey(id)) !== undefined;
    await Promise.all([tx.objectStore('feeds').delete(id), tx.objectStore('feedItems').delete(feedItemsOf(id)), tx.done]);
    await this.browser.alarms.clear(ALARM_PREFIX + id);
    return existed;
  }

  async setInterval(id: string, minutes: number): Promise<FeedStatus> {
    const tx = this.deps.archive.db.transaction('feeds', 'readwrite');
    const row = await tx.store.get(id);
    if (!row) throw new Error(t('errFeedGone'));
    const next = { ...row, intervalMinutes: minutes };
    await tx.store.put(next);
    await tx.done;
    await this.schedule(next);
    return this.status(next, await this.deps.archive.db.countFromIndex('feedItems', 'state', [id, 'pending']));
  }

  /** Starts a poll unless one of this feed is running; resolves when it ends. */
  poll(id: string, prefetched?: ParsedFeed): Promise<FeedRow | null> {
    return this.exclusive(id, () => pollFeed(this.deps, id, prefetched));
  }

  async pollNow(id: string): Promise<boolean> {
    if (!(await this.deps.archive.db.getKey('feeds', id))) throw new Error(t('errFeedGone'));
    if (this.running.has(id)) return false;
    void this.poll(id).catch((e: unknown) => console.error(e));
    return true;
  }

  /** The alarm of a feed fired. */
  async onAlarm(name: string): Promise<void> {
    if (!name.startsWith(ALARM_PREFIX)) return;
    const id = name.slice(ALARM_PREFIX.length);
    if (await this.deps.archive.db.getKey('feeds', id)) await this.poll(id);
    else await this.browser.alarms.clear(name);
  }

  /**
   * When the worker starts: polls a stopped worker left unfinished carry on where they were
   * (their pending items), and every feed has its alarm (none for feeds that are gone).
   */
  async start(): Promise<void> {
    const rows = await this.deps.archive.db.getAll('feeds');
    for (const row of rows) {
      if (row.pollStartedAt !== null && !this.running.has(row.id))
        void this.exclusive(row.id, () => resumePoll(this.deps, row.id)).catch((e: unknown) => console.error(e));
    }
    const alarms = await this.browser.alarms.getAll();
    const ids = new Set(rows.map((r) => r.id));
    for (const alarm of alarms)
      if (alarm.name.startsWith(ALARM_PREFIX) && !ids.has(alarm.name.slice(ALARM_PREFIX.length)))
        await this.browser.alarms.clear(alarm.name);
    for (const row of rows) {
      const alarm = alarms.find((a) => a.name === ALARM_PREFIX + row.id);
      if (alarm?.periodInMinutes !== row.intervalMinutes) await this.schedule(row);
    }
  }

  /** Resolves when every poll running now has ended (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private exclusive(id: string, work: () => Promise<FeedRow | null>): Promise<FeedRow | null> {
    const current = this.running.get(id);
    if (current) return current;
    const run = work().finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  private async store(rows: FeedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const tx = this.deps.archive.db.transaction('feeds', 'readwrite');
    try {
      await Promise.all([...rows.map((r) => tx.store.add(r)), tx.done]);
    } catch (e) {
      throw storageError(e, tx.error);
    }
  }

  private async schedule(row: FeedRow): Promise<void> {
    await this.browser.alarms.create(ALARM_PREFIX + row.id, { delayInMinutes: row.intervalMinutes, periodInMinutes: row.intervalMinutes });
  }

  private status(row: FeedRow, pending: number, polling = false, blockedOrigins: string[] = []): FeedStatus {
    const { pollStartedAt, pollNew: _pollNew, ...rest } = row;
    return { ...rest, pending, polling: polling || this.running.has(row.id) || pollStartedAt !== null, blockedOrigins };
  }
}

function newFeed(url: string, title: string, siteUrl: string | null, intervalMinutes: number, now: number): FeedRow {
  return {
    id: crypto.randomUUID(),
    url,
    title,
    siteUrl,
    addedAt: now,
    intervalMinutes,
    lastPollAt: null,
    lastError: null,
    lastNew: 0,
    itemCount: 0,
    savedCount: 0,
    pollStartedAt: null,
    pollNew: 0,
  };
}
