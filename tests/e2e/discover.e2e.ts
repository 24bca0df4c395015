/**
 * "Find coverage online" in real Chromium, and smoke-tested in Firefox ESR: an empty archive,
 * the reader clicks, reads the consent screen (the query, the service, what is fetched),
 * accepts; the list fills with the same-story reports found by a stand-in of the GDELT article
 * list on 127.0.0.1, the framing report starts, and the pages that could not be read are listed
 * (not an article, not HTML, behind a paywall, slow past the limit, gone). Nothing is sent
 * before the click, and after it only the service and the result sites are asked. A worker the
 * browser stops mid-search leaves what it archived, and the popup says the search stopped.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxExtension, type FirefoxExtensionSession } from './harness-firefox';
import {
  currentServiceWorker,
  FIXTURE_PAGES_DIR,
  openPopupFor,
  REPO_DIR,
  startFixtureServer,
  startSuite,
  stopServiceWorker,
  type FixtureServer,
  type SuiteSession,
} from './harness';
import { CBC, openExtensionPage, SCREENSHOTS_DIR } from './pages';

/** The incomplete fixture's canonical address: the id it is archived under. */
const COURIER = 'https://courier.example/world/china-un-xinjiang-visit';
const WAIT = { timeout: 45_000, interval: 100 };
/** Short, so the page held past it fails in seconds: the reader's setting allows 1 to 60. */
const PAGE_TIMEOUT_SECONDS = 3;

interface StandIn {
  origin: string;
  /** Paths asked, with their query strings. */
  requests: string[];
  close(): Promise<void>;
}

interface Provider extends StandIn {
  /** The results every article-list query answers (paths on the outlets' server). */
  results: { path: string; title: string; domain: string }[];
}

async function serve(handler: (path: string, res: import('node:http').ServerResponse) => void): Promise<StandIn> {
  const requests: string[] = [];
  const held: import('node:http').ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    if (req.url === '/slow/' || req.url === '/held/') {
      // Headers, then nothing: the page's time limit must end it.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!DOCTYPE html><html><head><title>Slow</title></head><body><p>');
      held.push(res);
      return;
    }
    handler(req.url ?? '/', res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Other outlets' pages: two reports of the story (one paywalled), another story, a section front, JSON, one slow, one gone. */
async function startOutlets(): Promise<StandIn> {
  const pages: Record<string, string> = {
    '/dailymail-xinjiang-eu/': `${FIXTURE_PAGES_DIR}/dailymail-xinjiang-eu/source.html`,
    '/bench-624fcd90/': `${FIXTURE_PAGES_DIR}/bench-624fcd90/source.html`,
    '/section-front-world/': `${FIXTURE_PAGES_DIR}/section-front-world/source.html`,
    '/paywalled/': `${REPO_DIR}tests/fixtures/discover/paywalled.html`,
    '/bench-c50845a7/': `${FIXTURE_PAGES_DIR}/bench-c50845a7/source.html`,
    '/incomplete/': `${REPO_DIR}tests/fixtures/discover/incomplete.html`,
  };
  return serve((path, res) => {
    const file = pages[path];
    if (path === '/data.json') res.writeHead(200, { 'content-type': 'application/json' }).end('{"not": "a page"}');
    else if (!file) res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    else void readFile(file).then((body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
  });
}

/** The GDELT DOC 2.0 article list (mode=artlist&format=json) answering every query with the outlets' pages; Bing News RSS finds nothing. */
async function startProvider(outlets: string): Promise<Provider> {
  const results: Provider['results'] = [
    {
      path: '/dailymail-xinjiang-eu/',
      title: 'China invites EU diplomats to see the real situation in Xinjiang',
      domain: 'dailymail.co.uk',
    },
    { path: '/paywalled/', title: 'Beijing says UN may visit Xinjiang but rejects inquiry', domain: 'ledger.example' },
    { path: '/incomplete/', title: 'China open to UN visit to Xinjiang, rejects "presumption of guilt"', domain: 'courier.example' },
    { path: '/bench-624fcd90/', title: 'Hong Kong chaos: China deploys troops', domain: 'express.co.uk' },
    { path: '/section-front-world/', title: 'World news', domain: 'worldfront.example' },
    { path: '/data.json', title: 'Xinjiang data', domain: 'data.example' },
    { path: '/slow/', title: 'Xinjiang: the slow report', domain: 'slow.example' },
    { path: '/gone/', title: 'Xinjiang: a report since removed', domain: 'gone.example' },
  ];
  const server = await serve((path, res) => {
    if (path.startsWith('/api/v2/doc/doc?')) {
      // Seen at the end of the asked window, as GDELT lists only articles inside it.
      const end = new URL(path, 'http://x').searchParams.get('enddatetime') ?? '20210310101500';
      const seendate = `${end.slice(0, 8)}T${end.slice(8, 14)}Z`;
      const articles = results.map((r) => ({
        url: `${outlets}${r.path}`,
        url_mobile: '',
        title: r.title,
        seendate,
        socialimage: '',
        domain: r.domain,
        language: 'English',
        sourcecountry: 'United Kingdom',
      }));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ articles }));
    } else if (path.startsWith('/news/search?'))
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end('<?xml version="1.0"?><rss version="2.0"><channel><title>Bing</title></channel></rss>');
    else res.writeHead(404).end();
  });
  return { ...server, results };
}

function settingsFor(provider: string) {
  return {
    enabled: false,
    providers: ['gdelt', 'bing'],
    endpoints: { gdelt: `${provider}/api/v2/doc/doc`, bing: `${provider}/news/search` },
    maxPages: 8,
    pageTimeoutSeconds: PAGE_TIMEOUT_SECONDS,
  };
}

const originOf = (url: string) => new URL(url).origin;

/** Writes the discovery settings as the background would (tests point the services at the stand-in). */
async function storeSettings(suite: SuiteSession, settings: ReturnType<typeof settingsFor>): Promise<void> {
  const worker = await currentServiceWorker(suite.extension.context, suite.extension.extensionId);
  await worker.evaluate(async (value) => {
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      discoverySettings: value,
    });
  }, settings);
}

/** WCAG 2 A/AA violations of the popup, in light and dark. */
async function axeViolations(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    out.push(
      ...violations.map(
        (v) =>
          `${colorScheme}: ${v.id} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')})`,
      ),
    );
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

describe('finding coverage online in Chromium', () => {
  let suite: SuiteSession;
  let outlets: StandIn;
  let provider: Provider;
  let popup: Page;
  /** The search the consent screen showed, and the further ones it listed. */
  let shownQuery = '';
  let shownSteps: string[] = [];
  const extension = () => suite.extension;

  beforeAll(async () => {
    outlets = await startOutlets();
    provider = await startProvider(outlets.origin);
    suite = await startSuite();
    await storeSettings(suite, settingsFor(provider.origin));
  });

  afterAll(async () => {
    await suite?.close();
    await Promise.all([outlets?.close(), provider?.close()]);
  });

  it('offers the search prominently on an empty archive, and sends nothing before the click', async () => {
    ({ popup } = await openPopupFor(extension().context, extension().extensionId, suite.fixtures.url(CBC)));
    const find = popup.getByTestId('discover-find');
    await find.waitFor({ timeout: 20_000 });
    expect(await find.getAttribute('class')).toMatch(/primary/);
    expect(await popup.getByTestId('state-message').innerText()).toMatch(/archive is empty/i);
    expect(suite.network.fromExtension()).toEqual([]);
    expect(provider.requests).toEqual([]);
  });

  it('shows one consent screen with the query, its date window, the service and what is fetched', async () => {
    await popup.getByTestId('discover-find').click();
    const consent = popup.getByTestId('discover-consent');
    await consent.waitFor({ timeout: 10_000 });
    await consent.screenshot({ path: `${SCREENSHOTS_DIR}/popup-consent.png` });
    const host = new URL(provider.origin).host;
    const text = await consent.innerText();
    expect(text).toContain(host);
    expect(text).toMatch(/GDELT/);
    shownQuery = (await popup.getByTestId('discover-query').innerText()).trim();
    expect(shownQuery).toMatch(/\p{L}{3,}/u);
    shownSteps = (await popup.getByTestId('discover-steps').locator('code').allInnerTexts()).map((q) => q.trim());
    // Every search the click can send is listed, at most 3 in all, and where they go when the first service fails.
    expect(1 + shownSteps.length).toBeLessThanOrEqual(3);
    expect(await popup.getByTestId('discover-fallback').innerText()).toMatch(/Bing News.*at most 3 in all/);
    expect(await popup.getByTestId('discover-window').innerText()).toMatch(/published from .+ to .+/);
    expect(await popup.getByTestId('discover-fetches').innerText()).toMatch(
      /up to 8 of the result pages.*without cookies and without a referrer/,
    );
    // The consent screen takes the focus, and passes axe.
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toMatch(/Search the web for this story/);
    expect(await axeViolations(popup)).toEqual([]);
    // Reading the plan sent nothing.
    expect(suite.network.fromExtension()).toEqual([]);
    expect(provider.requests).toEqual([]);
  });

  it('after Accept, shows the progress, fills the list with the same-story reports and starts the framing report', async () => {
    await popup.getByTestId('discover-accept').click();
    await expect.poll(() => popup.getByTestId('discover-progress').innerText(), WAIT).toMatch(/Reading \d+ of \d+: /);
    expect(await popup.getByTestId('discover-cancel').isVisible()).toBe(true);
    const first = popup.getByTestId('related-item').first();
    await first.waitFor(WAIT);
    await expect
      .poll(() => popup.getByTestId('related-title').allInnerTexts(), WAIT)
      .toEqual(expect.arrayContaining([expect.stringMatching(/China invites EU diplomats/)]));
    expect(await popup.getByTestId('found-online').count()).toBeGreaterThan(0);
    // The framing report of the first same-story result.
    await popup.getByTestId('terms-self').waitFor(WAIT);
    await expect.poll(() => popup.getByTestId('discover-progress').innerText(), WAIT).toMatch(/Found \d+ reports? online/);
    expect(await popup.getByTestId('discover-cancel').count()).toBe(0);
  });

  it('lists what could not be read under a fold, and marks the report cut off by a paywall incomplete', async () => {
    const fold = popup.getByTestId('discover-failures');
    await fold.locator('summary').click();
    const reasons = await popup.getByTestId('discover-failed-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-reason')));
    expect(reasons).toEqual(expect.arrayContaining(['not-found', 'not-article', 'not-html', 'timed-out', 'paywalled']));
    const failedText = await fold.innerText();
    expect(failedText).toMatch(/gone\.example: not found/);
    expect(failedText).toMatch(/slow\.example: timed out/);
    expect(failedText).toMatch(/ledger\.example: behind a paywall/);
    await popup.getByTestId('discover-found').locator('summary').click();
    const found = await popup.getByTestId('discover-found').innerText();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.setViewportSize({ width: 480, height: 1000 });
    await popup.locator('.discover').screenshot({ path: `${SCREENSHOTS_DIR}/popup-discover.png` });
    expect(found).toMatch(/China invites EU diplomats/);
    // A stub behind a paywall is refused (above); a longer text cut off by one is read and labelled.
    expect(found).toMatch(/China open to UN visit to Xinjiang[^\n]*Incomplete \(behind a paywall\)/);
  });

  it('labels that report incomplete on the comparison page', async () => {
    const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
    const compare = await extension().context.newPage();
    await compare.goto(`chrome-extension://${extension().extensionId}/compare.html?tab=${tabId}&ids=${encodeURIComponent(COURIER)}`);
    await compare.getByTestId('compare-article').nth(1).waitFor(WAIT);
    expect(await compare.getByTestId('compare-incomplete').allInnerTexts()).toEqual([
      expect.stringMatching(/Incomplete \(behind a paywall\)/),
    ]);
    await compare.close();
  });

  it('archived the found reports with origin "found", and asked only the service and the result sites', async () => {
    const worker = await currentServiceWorker(extension().context, extension().extensionId);
    const counts = await worker.evaluate(async () => {
      const reply = await new Promise<{ counts: Record<string, number> }>((resolve, reject) => {
        const open = indexedDB.open('framelens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('articles').objectStore('articles').getAll();
          all.onsuccess = () => {
            const byOrigin: Record<string, number> = {};
            for (const row of all.result as { origin: string }[]) byOrigin[row.origin] = (byOrigin[row.origin] ?? 0) + 1;
            resolve({ counts: byOrigin });
          };
        };
      });
      return reply.counts;
    });
    expect(counts.found).toBeGreaterThanOrEqual(2);
    const asked = new Set(suite.network.fromExtension().map((r) => originOf(r.url)));
    expect([...asked].sort()).toEqual([outlets.origin, provider.origin].sort());
    // Exactly what the consent screen said: its query first, then only searches it listed.
    const sent = provider.requests
      .filter((p) => p.startsWith('/api/v2/doc/doc?'))
      .map((p) => new URL(p, 'http://x').searchParams.get('query'));
    expect(sent[0]).toBe(shownQuery);
    for (const q of sent.slice(1)) expect(shownSteps).toContain(q);
    expect(provider.requests.length).toBeLessThanOrEqual(3);
    // No page was asked twice, and at most the pages the setting allows.
    expect(outlets.requests.length).toBe(new Set(outlets.requests).size);
    expect(outlets.requests.length).toBeLessThanOrEqual(8);
    expect(suite.problems.all()).toEqual([]);
  });

  it('the options page shows the service and its address and turns the search off; the next click asks again', async () => {
    const options = await openExtensionPage(extension(), 'options.html');
    const section = options.getByTestId('discovery-settings');
    await section.waitFor({ timeout: 15_000 });
    expect(await options.getByTestId('discovery-endpoint').first().innerText()).toBe(`${provider.origin}/api/v2/doc/doc`);
    await expect.poll(() => options.getByTestId('discovery-services').innerText()).toMatch(/GDELT DOC 2\.0 API[\s\S]*Bing News/);
    // Bing first: the order lists it first, with the address its searches go to.
    await options.getByTestId('discovery-primary').selectOption('bing');
    await expect.poll(() => options.getByTestId('discovery-endpoint').first().innerText()).toBe(`${provider.origin}/news/search`);
    await options.getByTestId('discovery-primary').selectOption('gdelt');
    await expect.poll(() => options.getByTestId('discovery-endpoint').first().innerText()).toBe(`${provider.origin}/api/v2/doc/doc`);
    // An advanced reader may change a service's address: plain http to another computer is refused with the reason.
    await options.getByTestId('discovery-endpoint-change').first().click();
    const field = options.getByTestId('discovery-endpoint-input');
    await field.fill('http://mirror.example/api/v2/doc/doc');
    await options.getByTestId('discovery-endpoint-save').click();
    expect(await options.getByTestId('discovery-endpoint-problem').innerText()).toMatch(/Only https addresses/);
    expect(await options.getByTestId('discovery-endpoint').first().innerText()).toBe(`${provider.origin}/api/v2/doc/doc`);
    await field.fill('https://mirror.example/api/v2/doc/doc');
    await options.getByTestId('discovery-endpoint-save').click();
    await expect.poll(() => options.getByTestId('discovery-endpoint').first().innerText()).toBe('https://mirror.example/api/v2/doc/doc');
    // Reset: the service's own address again.
    await options.getByTestId('discovery-endpoint-reset').first().click();
    await expect
      .poll(() => options.getByTestId('discovery-endpoint').first().innerText())
      .toBe('https://api.gdeltproject.org/api/v2/doc/doc');
    expect(await options.getByTestId('discovery-endpoint-reset').count()).toBe(1);
    await section.screenshot({ path: `${SCREENSHOTS_DIR}/options-discovery.png` });
    const toggle = options.getByTestId('discovery-toggle');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await options.close();
    // Off again: the next click asks for consent once more before sending anything.
    const before = provider.requests.length;
    await popup.reload();
    await popup.getByTestId('discover-find').click();
    await popup.getByTestId('discover-consent').waitFor({ timeout: 10_000 });
    expect(provider.requests.length).toBe(before);
    await popup.getByTestId('discover-decline').click();
    expect(await popup.getByTestId('discover-consent').count()).toBe(0);
  });

  it('keeps what it archived when the browser stops the worker mid-search, and says the search stopped', async () => {
    provider.results.splice(
      0,
      provider.results.length,
      { path: '/bench-c50845a7/', title: 'NASA picks SpaceX and Blue Origin', domain: 'space.com' },
      { path: '/held/', title: 'Xinjiang: held', domain: 'held.example' },
    );
    await storeSettings(suite, { ...settingsFor(provider.origin), enabled: true, pageTimeoutSeconds: 60 });
    await popup.reload();
    await popup.getByTestId('discover-find').click();
    // Accepted before: the search starts at once, no consent screen.
    await expect.poll(() => outlets.requests.includes('/held/'), WAIT).toBe(true);
    await expect.poll(() => popup.getByTestId('discover-found-item').allTextContents(), WAIT).toEqual([expect.stringMatching(/NASA/)]);
    await stopServiceWorker(extension().context);
    await expect.poll(() => popup.getByTestId('discover-error').innerText(), WAIT).toMatch(/search stopped/);
    const next = await currentServiceWorker(extension().context, extension().extensionId);
    const origin = await next.evaluate(
      async () =>
        new Promise<string | null>((resolve, reject) => {
          const open = indexedDB.open('framelens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const rows = open.result.transaction('articles').objectStore('articles').getAll();
            rows.onsuccess = () =>
              resolve(
                (rows.result as { origin: string; record: { url: string | null } }[]).find((r) => /space\.com/.test(r.record.url ?? ''))
                  ?.origin ?? null,
              );
          };
        }),
    );
    expect(origin).toBe('found');
  });

  it('Cancel stops a search: the page being read is abandoned and the popup says what stays', async () => {
    provider.results.splice(0, provider.results.length, { path: '/held/', title: 'Xinjiang: held', domain: 'held.example' });
    const held = outlets.requests.filter((p) => p === '/held/').length;
    await popup.reload();
    await popup.getByTestId('discover-find').click();
    await expect.poll(() => outlets.requests.filter((p) => p === '/held/').length, WAIT).toBe(held + 1);
    await popup.getByTestId('discover-cancel').click();
    await expect
      .poll(() => popup.getByTestId('discover-progress').innerText(), WAIT)
      .toMatch(/Search cancelled; 0 found so far stay in the archive/);
    expect(await popup.getByTestId('discover-cancel').count()).toBe(0);
    expect(await popup.getByTestId('discover-find').isEnabled()).toBe(true);
    await popup.close();
  });
});

describe('the same flow in Firefox ESR', () => {
  let firefox: FirefoxExtensionSession;
  let fixtures: FixtureServer;
  let outlets: StandIn;
  let provider: Provider;

  beforeAll(async () => {
    fixtures = await startFixtureServer();
    outlets = await startOutlets();
    provider = await startProvider(outlets.origin);
    firefox = await launchFirefoxExtension();
  });

  afterAll(async () => {
    await firefox?.close();
    await Promise.all([fixtures?.close(), outlets?.close(), provider?.close()]);
  });

  it('finds the reports, read with DOMParser in the background page, and lists them in the popup', async () => {
    const pageUrl = fixtures.url(CBC);
    await firefox.openPage(pageUrl);
    const options = await firefox.openExtensionPage('options.html');
    await firefox.evaluate(options, `browser.storage.local.set({ discoverySettings: ${JSON.stringify(settingsFor(provider.origin))} })`);
    const tabId = await firefox.evaluate<number>(
      options,
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(pageUrl)}).id)`,
    );
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    const click = (testid: string) =>
      firefox.evaluate<boolean>(
        popup,
        `(() => { const b = document.querySelector('[data-testid="${testid}"]'); b?.click(); return Boolean(b); })()`,
      );
    const text = (selector: string) =>
      firefox.evaluate<string>(popup, `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent).join('\\n')`);
    await expect.poll(() => click('discover-find'), WAIT).toBe(true);
    await expect.poll(() => text('[data-testid="discover-query"]'), WAIT).toMatch(/\p{L}{3,}/u);
    const shown = (await text('[data-testid="discover-query"]')).trim();
    expect(provider.requests).toEqual([]);
    await click('discover-accept');
    await expect.poll(() => text('[data-testid="related-title"]'), WAIT).toMatch(/China invites EU diplomats/);
    await expect.poll(() => text('[data-testid="discover-progress"]'), WAIT).toMatch(/Found \d+ reports? online/);
    expect(await text('[data-testid="discover-failed-item"]')).toMatch(/not found/);
    expect(new URL(provider.requests[0] ?? '/', 'http://x').searchParams.get('query')).toBe(shown);
    expect(await firefox.pageErrors(popup)).toEqual([]);
  });
});
