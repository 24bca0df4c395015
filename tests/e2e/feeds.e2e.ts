/**
 * Feed subscriptions in the built extension (dist-test/, host access to 127.0.0.1) in
 * Debian's Chromium. A local server on 127.0.0.1 serves feeds whose items are the fixture
 * pages: subscribe, items read in the offscreen document and archived with origin 'feed',
 * status shown, a second check adds nothing, a broken feed shows its error, OPML import and
 * export, and a worker stopped in the middle of a poll resumes with nothing lost and no
 * duplicate. Then the same build in Firefox ESR, whose background page reads the items with
 * its own DOMParser (no offscreen document).
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentServiceWorker, FIXTURE_PAGES_DIR, launchExtension, stopServiceWorker, type ExtensionSession } from './harness';
import { launchFirefoxExtension, type FirefoxExtensionSession } from './harness-firefox';

/** Polls and the options page's refresh take their time on a loaded 2-core machine. */
const WAIT = { timeout: 30_000 };

/** A feed and article server on 127.0.0.1: feeds are set by the test, articles are the fixture pages. */
class FeedServer {
  origin = '';
  feeds = new Map<string, string>();
  requests: string[] = [];
  /** Paths whose answer waits until `release()`. */
  hold = new Set<string>();
  private held: { path: string; res: ServerResponse }[] = [];
  private server = createServer((req, res) => {
    const path = req.url ?? '/';
    this.requests.push(path);
    if (this.hold.has(path)) {
      this.held.push({ path, res });
      return;
    }
    void this.answer(path, res);
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  heldPaths(): string[] {
    return this.held.map((h) => h.path);
  }

  release(): void {
    this.hold.clear();
    for (const { path, res } of this.held.splice(0)) void this.answer(path, res);
  }

  count(path: string): number {
    return this.requests.filter((p) => p === path).length;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(path: string, res: ServerResponse): Promise<void> {
    const feed = this.feeds.get(path);
    if (feed !== undefined) {
      res
        .writeHead(200, {
          'content-type': path.endsWith('.html') ? 'text/html' : 'application/rss+xml; charset=utf-8',
          'cache-control': 'no-store',
        })
        .end(feed);
      return;
    }
    const slug = /^\/(?:articles|slow)\/([a-z0-9-]+)\/$/.exec(path)?.[1];
    const file = slug ? `${FIXTURE_PAGES_DIR}/${slug}/source.html` : null;
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(await readFile(file));
  }
}

function rss(title: string, links: string[]): string {
  const items = links
    .map((link, i) => `<item><title>Item ${i}</title><link>${link}</link><pubDate>Tue, 15 Sep 2020 1${i}:00:00 GMT</pubDate></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>/</link>\n${items}\n</channel></rss>`;
}

const CBC = 'https://www.cbc.ca/news/world/china-un-visit-xinjiang-investigation-1.5965000';
const DAILY_MAIL = 'https://www.dailymail.co.uk/news/article-8734901/China-invites-EU-diplomats-real-situation-Xinjiang.html';

/** Page object: the Feeds section of the options page, by data-testid. */
class FeedsSection {
  constructor(readonly page: Page) {}
  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }
  row(url: string): Locator {
    return this.page.locator(`[data-testid="feed-row"][data-url="${url}"]`);
  }
  async subscribe(url: string): Promise<void> {
    await this.byTestId('feed-url').fill(url);
    await this.byTestId('feed-add').click();
  }
  async status(url: string): Promise<string> {
    return this.row(url).getByTestId('feed-status').innerText();
  }
  async counts(url: string): Promise<string> {
    return this.row(url).getByTestId('feed-counts').innerText();
  }
  /** Waits until the feed's poll is over and says OK or its error. */
  async settled(url: string): Promise<void> {
    await expect.poll(() => this.status(url), WAIT).toMatch(/OK|could not|not a feed|answered/);
  }
}

/** What the archive holds, read in the worker's IndexedDB: id, url and origin of every record. */
async function archived(session: ExtensionSession): Promise<{ id: string; origin: string }[]> {
  const worker = await currentServiceWorker(session.context, session.extensionId);
  return worker.evaluate(
    () =>
      new Promise<{ id: string; origin: string }[]>((resolve, reject) => {
        const open = indexedDB.open('framelens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('articles').objectStore('articles').getAll();
          request.onsuccess = () => {
            resolve((request.result as { id: string; origin: string }[]).map((row) => ({ id: row.id, origin: row.origin })));
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

let extension: ExtensionSession;
let server: FeedServer;
let feeds: FeedsSection;
let feedUrl: string;

beforeAll(async () => {
  server = new FeedServer();
  await server.start();
  feedUrl = `${server.origin}/feed.xml`;
  server.feeds.set(
    '/feed.xml',
    rss('Local Test Feed', [
      '/articles/cbc-xinjiang-un/',
      `${server.origin}/articles/dailymail-xinjiang-eu/`,
      '/articles/section-front-world/',
    ]),
  );
  extension = await launchExtension();
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  feeds = new FeedsSection(page);
});

afterAll(async () => {
  await extension?.close();
  await server?.close();
});

describe('feed subscriptions', () => {
  it('fetches nothing before the reader subscribes', async () => {
    await expect.poll(() => feeds.byTestId('feeds-empty').isVisible(), WAIT).toBe(true);
    expect(server.requests).toEqual([]);
  });

  it('subscribes, reads each item in the offscreen document and archives it with origin feed, and shows the status', async () => {
    await feeds.subscribe(feedUrl);
    await expect.poll(() => feeds.byTestId('feeds-notice').innerText(), WAIT).toContain('Subscribed to Local Test Feed');
    await feeds.settled(feedUrl);
    expect(await feeds.counts(feedUrl)).toMatch(/2 new last time\s+3 in the feed, 2 archived/);
    // The section front is not an article: said, not archived.
    expect(await feeds.row(feedUrl).getByTestId('feed-error').innerText()).toMatch(/1 item could not be read: "Item 2": No article here/);
    const rows = await archived(extension);
    expect(rows.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: CBC, origin: 'feed' },
      { id: DAILY_MAIL, origin: 'feed' },
    ]);
    expect(server.count('/feed.xml')).toBe(1);
    expect(server.count('/articles/cbc-xinjiang-un/')).toBe(1);
    // The worker has no DOM: the pages were read in the offscreen document, closed after the poll.
    const worker = await currentServiceWorker(extension.context, extension.extensionId);
    expect(await worker.evaluate(() => typeof DOMParser)).toBe('undefined');
    type Offscreen = { offscreen: { hasDocument(): Promise<boolean> } };
    await expect
      .poll(() => worker.evaluate(() => (globalThis as unknown as { chrome: Offscreen }).chrome.offscreen.hasDocument()), WAIT)
      .toBe(false);
  });

  it('a second check adds nothing and fetches no article again', async () => {
    const before = server.requests.length;
    await feeds.row(feedUrl).getByTestId('feed-poll').click();
    await expect.poll(() => server.count('/feed.xml'), WAIT).toBe(2);
    await feeds.settled(feedUrl);
    await expect.poll(() => feeds.counts(feedUrl), WAIT).toMatch(/0 new last time\s+3 in the feed, 2 archived/);
    expect(server.requests.slice(before)).toEqual(['/feed.xml']);
    expect(await archived(extension)).toHaveLength(2);
  });

  it('refuses an address that is not a feed, and shows the error of a feed that breaks', async () => {
    server.feeds.set('/page.html', '<!doctype html><html><head><title>Home</title></head><body><p>Front page</p></body></html>');
    await feeds.subscribe(`${server.origin}/page.html`);
    await expect
      .poll(() => feeds.byTestId('feeds-error').innerText(), WAIT)
      .toMatch(/Could not subscribe to .*page\.html: This address is a web page, not a feed/);
    expect(await feeds.row(`${server.origin}/page.html`).count()).toBe(0);

    server.feeds.set('/feed.xml', 'Service temporarily unavailable');
    await feeds.row(feedUrl).getByTestId('feed-poll').click();
    await expect
      .poll(
        () =>
          feeds
            .row(feedUrl)
            .getByTestId('feed-error')
            .innerText()
            .catch(() => ''),
        WAIT,
      )
      .toMatch(/This is not a feed: no XML element/);
    expect(await archived(extension)).toHaveLength(2);
  });

  it('imports OPML, showing what is added and skipped, and exports the subscriptions as OPML', async () => {
    server.feeds.set('/space.xml', rss('Space Desk', ['/articles/bench-c50845a7/']));
    const opml = `<?xml version="1.0"?><opml version="1.0"><head><title>Mine</title></head><body>
      <outline text="Science"><outline type="rss" text="Space Desk" xmlUrl="${server.origin}/space.xml"/></outline>
      <outline type="rss" text="Again" xmlUrl="${feedUrl}"/>
      <outline type="rss" text="On disk" xmlUrl="file:///tmp/feed.xml"/></body></opml>`;
    await feeds.byTestId('opml-file').setInputFiles({ name: 'mine.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await expect
      .poll(() => feeds.byTestId('opml-preview').innerText(), WAIT)
      .toMatch(/mine\.opml lists 2 feeds:[\s\S]*Space Desk[\s\S]*Skipped: On disk \(not an http or https address\)/);
    expect(server.count('/space.xml')).toBe(0);
    await feeds.byTestId('opml-subscribe').click();
    await expect
      .poll(() => feeds.byTestId('feeds-notice').innerText(), WAIT)
      .toMatch(/Feeds subscribed: 1\. Skipped 2: .*On disk.*You already follow this feed/);
    const spaceUrl = `${server.origin}/space.xml`;
    await feeds.settled(spaceUrl);
    expect(await feeds.counts(spaceUrl)).toMatch(/1 new last time\s+1 in the feed, 1 archived/);

    const download = feeds.page.waitForEvent('download');
    await feeds.byTestId('opml-export').click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain(`xmlUrl="${feedUrl}"`);
    expect(text).toContain(`xmlUrl="${spaceUrl}" htmlUrl="${server.origin}/"`);
    expect(text).toContain('title="Space Desk"');
  });

  it('has no accessibility violations with feeds, statuses and errors listed (axe, WCAG 2 AA), in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await feeds.page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page: feeds.page })
        .include('[data-testid="feeds"]')
        .withTags(['wcag2a', 'wcag2aa'])
        .analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id} (${v.nodes.length})`)).toEqual([]);
    }
    await feeds.page.emulateMedia({ colorScheme: 'light' });
  });

  it('unsubscribes, and the articles it brought stay', async () => {
    const before = (await archived(extension)).length;
    await feeds.row(`${server.origin}/space.xml`).getByTestId('feed-remove').click();
    await expect.poll(() => feeds.row(`${server.origin}/space.xml`).count(), WAIT).toBe(0);
    expect(await archived(extension)).toHaveLength(before);
  });
});

describe('a poll when the service worker is stopped', () => {
  it('resumes after the worker restarts, with nothing lost and no duplicate', async () => {
    const slowUrl = `${server.origin}/slow.xml`;
    server.feeds.set('/slow.xml', rss('Slow Feed', ['/slow/bench-35b15891/', '/slow/bench-9ebb3af6/']));
    // Items are read newest first: the older one (Item 0) is the one in flight.
    server.hold.add('/slow/bench-35b15891/');
    const before = (await archived(extension)).length;
    await feeds.subscribe(slowUrl);
    // The first item is archived; the second is being fetched when the worker stops.
    await expect.poll(() => server.heldPaths(), WAIT).toEqual(['/slow/bench-35b15891/']);
    await expect.poll(async () => (await archived(extension)).length, WAIT).toBe(before + 1);
    // The options page asks for the status every second while a poll runs, which would wake
    // the worker at once: leave it, stop the worker, and come back as a reader would.
    await feeds.page.goto('about:blank');
    await stopServiceWorker(extension.context);
    server.release();
    // Opening the options page sends a message: that wakes the worker, which resumes the poll.
    await feeds.page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await expect.poll(() => feeds.status(slowUrl), WAIT).toMatch(/OK/);
    expect(await feeds.counts(slowUrl)).toMatch(/2 new last time\s+2 in the feed, 2 archived/);
    const rows = await archived(extension);
    expect(rows).toHaveLength(before + 2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.origin === 'feed')).toHaveLength(before + 2);
    // The feed itself was not fetched again: the resumed poll went on with what was left.
    expect(server.count('/slow.xml')).toBe(1);
    expect(server.count('/slow/bench-9ebb3af6/')).toBe(1);
    // The page in flight when the worker stopped was asked for again by the resumed poll.
    expect(server.count('/slow/bench-35b15891/')).toBe(2);
  });
});

describe('the same build in Firefox ESR', () => {
  let firefox: FirefoxExtensionSession;

  beforeAll(async () => {
    firefox = await launchFirefoxExtension();
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('subscribes and archives the items, read in the background page', async () => {
    server.feeds.set('/firefox.xml', rss('Firefox Feed', ['/articles/cbc-xinjiang-un/', '/articles/dailymail-xinjiang-eu/']));
    const url = `${server.origin}/firefox.xml`;
    const options = await firefox.openExtensionPage('options.html');
    // The test build holds host access to 127.0.0.1, so no permission prompt is needed here.
    const added = await firefox.evaluate<{ ok: boolean; error?: string }>(
      options,
      `browser.runtime.sendMessage({ type: 'feeds/add', payload: { url: ${JSON.stringify(url)} } })`,
    );
    expect(added).toMatchObject({ ok: true });
    type Listed = {
      ok: boolean;
      data?: { feeds: { url: string; polling: boolean; lastNew: number; savedCount: number; lastError: string | null }[] };
    };
    const status = async () => {
      const reply = await firefox.evaluate<Listed>(options, "browser.runtime.sendMessage({ type: 'feeds/list', payload: {} })");
      return reply.data?.feeds.find((f) => f.url === url);
    };
    await expect.poll(async () => (await status())?.polling, WAIT).toBe(false);
    expect(await status()).toMatchObject({ lastNew: 2, savedCount: 2, lastError: null });
    const exported = await firefox.evaluate<{ data: { records: { id: string }[] } }>(
      options,
      "browser.runtime.sendMessage({ type: 'archive/export', payload: {} })",
    );
    expect(exported.data.records.map((r) => r.id).sort()).toEqual([CBC, DAILY_MAIL]);
    expect(await firefox.pageErrors(options)).toEqual([]);
  });
});
