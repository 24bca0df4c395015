/**
 * Feed subscriptions in the background on fake-indexeddb, a fake network serving a feed
 * and real fixture pages, and the real extractor on jsdom's DOMParser (the path Firefox's
 * background page takes): subscribe, poll, poll again, a manual save never downgraded, a
 * broken feed, and a worker stopped in the middle of a poll.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { fetchBounded, FEED_LIMITS, type FetchFn } from '../../src/background/feeds/fetchBounded';
import { createPageExtractor, type PageExtractor } from '../../src/background/feeds/pageExtractor';
import { MAX_FIRST_POLL_ITEMS } from '../../src/background/feeds/poll';
import { FeedService, hostPattern } from '../../src/background/feeds/service';
import { makeFakeBrowser, type FakeBrowser } from './support/background-fake-browser';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const ORIGIN = 'https://feeds.example';
const page = (slug: string) => readFileSync(new URL(`../fixtures/pages/${slug}/source.html`, import.meta.url), 'utf8');
const PAGES: Record<string, string> = {
  [`${ORIGIN}/a/cbc`]: page('cbc-xinjiang-un'),
  [`${ORIGIN}/a/dailymail`]: page('dailymail-xinjiang-eu'),
  [`${ORIGIN}/a/front`]: page('section-front-world'),
};
const CBC_CANONICAL = 'https://www.cbc.ca/news/world/china-un-visit-xinjiang-investigation-1.5965000';

function rss(items: { link: string; title: string }[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>Tue, 15 Sep 2020 10:00:00 GMT</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title><link>${ORIGIN}/</link>${body}</channel></rss>`;
}

const ITEMS = [
  { link: '/a/cbc', title: 'UN visit' },
  { link: '/a/dailymail', title: 'EU diplomats' },
  { link: '/a/front', title: 'World front page' },
];

/** A fake network: the feed at /feed.xml, the fixture pages, 404 for the rest; every request recorded. */
class FakeNet {
  feed = rss(ITEMS);
  requests: { url: string; init: RequestInit }[] = [];
  /** Requests that wait until released (a page that takes its time). */
  held = new Map<string, () => void>();
  hold = new Set<string>();
  fetch: FetchFn = async (url, init) => {
    this.requests.push({ url, init });
    if (this.hold.has(url)) await new Promise<void>((resolve) => this.held.set(url, resolve));
    if (url === `${ORIGIN}/feed.xml`) return new Response(this.feed, { headers: { 'content-type': 'application/rss+xml' } });
    if (url === `${ORIGIN}/broken.xml`)
      return new Response('<html><body>Moved</body></html>', { headers: { 'content-type': 'text/html' } });
    const html = PAGES[url];
    return html
      ? new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
      : new Response('Not found', { status: 404 });
  };
  pages(): string[] {
    return this.requests.map((r) => r.url).filter((u) => u.includes('/a/'));
  }
}

let net: FakeNet;
let fake: FakeBrowser;
let dbCount = 0;
let dbName: string;

async function service(pages?: PageExtractor): Promise<{ feeds: FeedService; archive: Archive }> {
  const archive = new Archive(await openArchiveDb(dbName));
  const feeds = new FeedService(
    {
      archive,
      fetchText: (url, kind) => fetchBounded(url, kind, FEED_LIMITS, net.fetch),
      pages: pages ?? createPageExtractor(fake.browser, new JSDOM('').window.DOMParser),
      canRead: (url) => fake.browser.permissions.contains({ origins: [hostPattern(url)] }),
      now: Date.now,
    },
    fake.browser,
  );
  return { feeds, archive };
}

async function origins(archive: Archive): Promise<Record<string, string>> {
  return Object.fromEntries((await archive.db.getAll('articles')).map((row) => [row.id, row.origin]));
}

beforeEach(() => {
  net = new FakeNet();
  fake = makeFakeBrowser({ granted: [hostPattern(ORIGIN)] });
  dbName = `feeds-poll-${++dbCount}`;
});

describe('subscribing and polling', () => {
  it('subscribes after reading the feed once, archives its articles with origin feed, and shows the status', async () => {
    const { feeds, archive } = await service();
    const added = await feeds.add(`${ORIGIN}/feed.xml`);
    expect(added).toMatchObject({ url: `${ORIGIN}/feed.xml`, title: 'Test Feed', intervalMinutes: 60, polling: true });
    expect(fake.alarms.get(`feed:${added.id}`)).toMatchObject({ periodInMinutes: 60 });
    await feeds.idle();
    expect(await origins(archive)).toEqual({
      [CBC_CANONICAL]: 'feed',
      'https://www.dailymail.co.uk/news/article-8734901/China-invites-EU-diplomats-real-situation-Xinjiang.html': 'feed',
    });
    const [status] = await feeds.list();
    expect(status).toMatchObject({ itemCount: 3, lastNew: 2, savedCount: 2, pending: 0, polling: false });
    expect(status?.lastPollAt).toEqual(expect.any(Number));
    // The front page is not an article: said once, never fetched again.
    expect(status?.lastError).toMatch(/^1 item could not be read: "World front page": No article here/);
    // The feed was fetched once (add), each page once; no credentials, no referrer.
    expect(net.requests.map((r) => r.url)).toEqual([`${ORIGIN}/feed.xml`, `${ORIGIN}/a/cbc`, `${ORIGIN}/a/dailymail`, `${ORIGIN}/a/front`]);
    for (const r of net.requests) expect(r.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    const record = await archive.get(CBC_CANONICAL);
    expect(record).toMatchObject({
      title: 'China welcomes UN visit to Xinjiang, but opposes investigation',
      outlet: 'CBC News',
      text: expect.stringContaining('Xinjiang'),
    });
  });

  it('a second poll adds nothing and fetches only the feed; a new item is archived on the next', async () => {
    const { feeds, archive } = await service();
    const { id } = await feeds.add(`${ORIGIN}/feed.xml`);
    await feeds.idle();
    const before = net.requests.length;
    expect(await feeds.pollNow(id)).toBe(true);
    await feeds.idle();
    expect(net.requests.slice(before).map((r) => r.url)).toEqual([`${ORIGIN}/feed.xml`]);
    expect((await feeds.list())[0]).toMatchObject({ lastNew: 0, savedCount: 2, lastError: null });
    expect(await archive.count()).toBe(2);

    PAGES[`${ORIGIN}/a/space`] = page('bench-c50845a7');
    net.feed = rss([{ link: '/a/space', title: 'Moon landers' }, ...ITEMS]);
    await feeds.poll(id);
    expect((await feeds.list())[0]).toMatchObject({ lastNew: 1, savedCount: 3, itemCount: 4 });
    expect(await archive.count()).toBe(3);
  });

  it('never downgrades an article the reader saved: the feed links to it and leaves it as it is', async () => {
    const { feeds, archive } = await service();
    const saved = {
      id: CBC_CANONICAL,
      url: CBC_CANONICAL,
      title: 'My own copy',
      outlet: 'CBC',
      published: null,
      text: 'Saved by hand.',
      byline: null,
      lang: 'en',
      words: 3,
    };
    await archive.save(saved);
    await feeds.add(`${ORIGIN}/feed.xml`);
    await feeds.idle();
    const row = await archive.db.get('articles', CBC_CANONICAL);
    expect(row).toMatchObject({ origin: 'saved', record: { title: 'My own copy', text: 'Saved by hand.' } });
    expect(await archive.count()).toBe(2);
    expect((await feeds.list())[0]).toMatchObject({ lastNew: 1, savedCount: 2 });
  });

  it('only the newest items of a new feed are archived', async () => {
    const many = Array.from({ length: MAX_FIRST_POLL_ITEMS + 5 }, (_, i) => ({ link: `/a/none-${i}`, title: `N${i}` }));
    net.feed = rss(many);
    const { feeds } = await service();
    await feeds.add(`${ORIGIN}/feed.xml`);
    await feeds.idle();
    expect(net.pages()).toHaveLength(MAX_FIRST_POLL_ITEMS);
  });
});

describe('errors', () => {
  it('refuses an address that is not a feed, and stores nothing', async () => {
    const { feeds } = await service();
    await expect(feeds.add(`${ORIGIN}/broken.xml`)).rejects.toThrow(
      /Could not subscribe to https:\/\/feeds\.example\/broken\.xml: This address is a web page, not a feed/,
    );
    await expect(feeds.add('ftp://feeds.example/x')).rejects.toThrow(/not a web address/);
    expect(await feeds.list()).toEqual([]);
    expect(fake.alarms.size).toBe(0);
  });

  it('subscribes to the feed a web page announces (autodiscovery)', async () => {
    PAGES[`${ORIGIN}/home`] =
      '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>';
    const { feeds } = await service();
    const added = await feeds.add(`${ORIGIN}/home`);
    expect(added).toMatchObject({ url: `${ORIGIN}/feed.xml`, title: 'Test Feed' });
    await feeds.idle();
    await expect(feeds.add(`${ORIGIN}/home`)).rejects.toThrow(/You already follow this feed/);
    expect((await feeds.list()).map((f) => f.url)).toEqual([`${ORIGIN}/feed.xml`]);
  });

  it('refuses a feed whose origin the reader did not grant, without any request', async () => {
    const { feeds } = await service();
    await expect(feeds.add('https://elsewhere.example/feed.xml')).rejects.toThrow(/may not read elsewhere\.example/);
    expect(net.requests).toEqual([]);
  });

  it('a feed whose site the reader withdrew is not fetched, and says why', async () => {
    const { feeds } = await service();
    const { id } = await feeds.add(`${ORIGIN}/feed.xml`);
    await feeds.idle();
    const before = net.requests.length;
    fake = makeFakeBrowser({ granted: [] });
    const again = await service();
    await again.feeds.poll(id);
    expect(net.requests.length).toBe(before);
    expect((await again.feeds.list())[0]?.lastError).toMatch(/may not read feeds\.example/);
  });

  it('articles on a site the reader has not allowed wait, without a request, until it is allowed', async () => {
    PAGES['https://www.elsewhere.example/story'] = page('cbc-xinjiang-un');
    net.feed = rss([{ link: 'https://www.elsewhere.example/story', title: 'Elsewhere' }]);
    const { feeds, archive } = await service();
    const { id } = await feeds.add(`${ORIGIN}/feed.xml`);
    await feeds.idle();
    for (let i = 0; i < 4; i++) await feeds.poll(id);
    expect(net.requests.filter((r) => r.url.includes('elsewhere'))).toEqual([]);
    expect((await feeds.list())[0]).toMatchObject({
      blockedOrigins: ['https://www.elsewhere.example/*'],
      lastError: expect.stringMatching(/articles are on www\.elsewhere\.example/),
    });
    await fake.browser.permissions.request({ origins: ['https://www.elsewhere.example/*'] });
    await feeds.poll(id);
    expect(await archive.get(CBC_CANONICAL)).not.toBeNull();
    expect((await feeds.list())[0]).toMatchObject({ blockedOrigins: [], lastError: null, savedCount: 1 });
  });

  it('a feed that breaks later shows its error; its archived articles stay', async () => {
    const { feeds, archive } = await service();
    const { id } = await feeds.add(`${ORIGIN}/feed.xml`);
    await feeds.idle();
    net.feed = '<rss version="2.0"><chan';
    await feeds.poll(id);
    expect((await feeds.list())[0]?.lastError).toMatch(/no <channel>/);
    net.feed = 'Service unavailable';
    await feeds.poll(id);
    expect((await feeds.list())[0]?.lastError).toMatch(/not a feed: no XML element/);
    expect(await archive.count()).toBe(2);
  });

  it('a write the archive refuses ends the poll with the reason, and the item is archived on the next poll', async () => {
    const { feeds, archive } = await service();
    const write = vi.spyOn(archive, 'write').mockRejectedValueOnce(new Error('Your browser’s storage for Framelens is full.'));
    const { id } = await feeds.add(`${ORIGIN}/feed.xml`);
    await feeds.idle();
    expect((await feeds.list())[0]).toMatchObject({
      polling: false,
      lastError: 'Your browser’s storage for Framelens is full.',
      pending: 3,
    });
    expect(await archive.count()).toBe(0);
    write.mockRestore();
    await feeds.poll(id);
    expect(await archive.count()).toBe(2);
    expect((await feeds.list())[0]).toMatchObject({ pending: 0, savedCount: 2 });
  });

  it('tries a page that failed again on the next poll, at most three times', async () => {
    const { feeds } = await service();
    const missing = `${ORIGIN}/a/missing`;
    net.feed = rss([{ link: '/a/missing', title: 'Gone' }]);
    const { id } = await feeds.add(`${ORIGIN}/feed.xml`);
    await feeds.idle();
    expect((await feeds.list())[0]?.lastError).toMatch(/"Gone": The server answered 404/);
    for (let i = 0; i < 4; i++) await feeds.poll(id);
    expect(net.pages().filter((u) => u === missing)).toHaveLength(3);
  });
});

describe('a worker stopped in the middle of a poll', () => {
  it('resumes on the next start with nothing lost and no duplicate, even when the old poll wakes up', async () => {
    const first = await service();
    net.hold.add(`${ORIGIN}/a/dailymail`);
    const { id } = await first.feeds.add(`${ORIGIN}/feed.xml`);
    await vi.waitFor(() => expect(net.held.has(`${ORIGIN}/a/dailymail`)).toBe(true));
    // The first page is archived, the second is in flight: the worker "stops" here.
    expect(await first.archive.count()).toBe(1);
    expect((await first.archive.db.get('feeds', id))?.pollStartedAt).toEqual(expect.any(Number));

    net.hold.clear();
    const second = await service();
    await second.feeds.start();
    expect((await second.feeds.list())[0]?.polling).toBe(true);
    await second.feeds.idle();
    expect(await second.archive.count()).toBe(2);
    // The poll counts what it archived before and after the stop.
    expect((await second.feeds.list())[0]).toMatchObject({ polling: false, lastNew: 2, savedCount: 2, pending: 0 });
    // The resumed poll fetched only what was left, not the feed.
    expect(net.requests.map((r) => r.url).filter((u) => u.endsWith('feed.xml'))).toHaveLength(1);

    // The old worker's fetch answers late: its save finds the item archived and does nothing.
    net.held.get(`${ORIGIN}/a/dailymail`)?.();
    await first.feeds.idle();
    expect(await second.archive.count()).toBe(2);
    expect((await second.feeds.list())[0]).toMatchObject({ savedCount: 2 });
    expect(Object.values(await origins(second.archive))).toEqual(['feed', 'feed']);
  });
});

describe('subscriptions', () => {
  it('imports OPML feeds once each, polls them, and unsubscribing keeps the articles', async () => {
    const { feeds, archive } = await service();
    const result = await feeds.importFeeds([
      { url: `${ORIGIN}/feed.xml`, title: 'From OPML', siteUrl: `${ORIGIN}/` },
      { url: `${ORIGIN}/feed.xml`, title: 'Twice', siteUrl: null },
    ]);
    expect(result).toEqual({ added: 1, skipped: [{ url: `${ORIGIN}/feed.xml`, reason: 'You already follow this feed.' }] });
    await feeds.idle();
    const [status] = await feeds.list();
    expect(status).toMatchObject({ title: 'From OPML', savedCount: 2 });
    expect(await feeds.setInterval(status!.id, 180)).toMatchObject({ intervalMinutes: 180 });
    expect(fake.alarms.get(`feed:${status!.id}`)).toMatchObject({ periodInMinutes: 180 });
    // All of the feed's poll state goes, whatever its item ids; another feed's stays.
    await archive.db.put('feedItems', {
      feedId: 'other',
      itemId: '\uffff\uffff beyond a string bound',
      url: null,
      title: '',
      published: null,
      state: 'skipped',
      firstSeen: 0,
      attempts: 0,
    });
    await archive.db.put('feedItems', {
      feedId: status!.id,
      itemId: '\uffff\uffff beyond a string bound',
      url: null,
      title: '',
      published: null,
      state: 'skipped',
      firstSeen: 0,
      attempts: 0,
    });
    expect(await feeds.remove(status!.id)).toBe(true);
    expect(await feeds.list()).toEqual([]);
    expect(await archive.db.getAllKeys('feedItems')).toEqual([['other', '\uffff\uffff beyond a string bound']]);
    expect(fake.alarms.size).toBe(0);
    expect(await archive.count()).toBe(2);
  });

  it('start() gives every feed its alarm and clears alarms of feeds that are gone', async () => {
    const { feeds } = await service();
    await feeds.importFeeds([{ url: `${ORIGIN}/feed.xml`, title: 'A', siteUrl: null }]);
    await feeds.idle();
    fake.alarms.clear();
    fake.alarms.set('feed:gone', { name: 'feed:gone', periodInMinutes: 60 });
    await feeds.start();
    const [status] = await feeds.list();
    expect([...fake.alarms.keys()]).toEqual([`feed:${status!.id}`]);
  });
});

describe('bounded fetch', () => {
  const respond =
    (body: BodyInit, headers: Record<string, string> = {}, status = 200): FetchFn =>
    async () =>
      new Response(body, { status, headers });

  it('refuses a body over the size limit, declared or streamed', async () => {
    const limits = { timeoutMs: 1000, maxBytes: 10 };
    await expect(fetchBounded('https://x.example/', 'feed', limits, respond('x'.repeat(11)))).rejects.toThrow(/larger than/);
    await expect(fetchBounded('https://x.example/', 'feed', limits, respond('short', { 'content-length': '999' }))).rejects.toThrow(
      /larger than/,
    );
    await expect(fetchBounded('https://x.example/', 'feed', limits, respond('<rss/>'))).resolves.toMatchObject({ text: '<rss/>' });
  });

  it('refuses media types that are not a feed or not a page, and HTTP errors', async () => {
    await expect(fetchBounded('https://x.example/', 'feed', FEED_LIMITS, respond('x', { 'content-type': 'image/png' }))).rejects.toThrow(
      /image\/png, not a feed/,
    );
    await expect(
      fetchBounded('https://x.example/', 'page', FEED_LIMITS, respond('{}', { 'content-type': 'application/json' })),
    ).rejects.toThrow(/not HTML/);
    await expect(fetchBounded('https://x.example/', 'feed', FEED_LIMITS, respond('x', {}, 503))).rejects.toThrow(/answered 503/);
  });

  it('gives up after the time limit', async () => {
    const never: FetchFn = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    await expect(fetchBounded('https://x.example/', 'feed', { timeoutMs: 50, maxBytes: 100 }, never)).rejects.toThrow(/No answer within/);
  });

  it('says when the network fails', async () => {
    const down: FetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchBounded('https://x.example/', 'feed', FEED_LIMITS, down)).rejects.toThrow(/could not be reached \(Failed to fetch\)/);
  });
});
