/**
 * The starter directory in the built extension, in Debian's Chromium. The test loads a copy
 * of dist-test/ whose directory file is the bundled one with two entries (CBC News, Daily
 * Mail) pointed at feeds on a local server, whose items are the fixture pages: open the
 * directory, search and group it, tick the two outlets, subscribe in one click, and find
 * their feeds in the list, their articles archived and labelled, and their country groups
 * filled. A refused permission subscribes nothing and says so; a damaged entry is left out with
 * its reason. The build itself is unchanged. Then the same copy in Firefox ESR: the directory
 * read from the extension, searched and grouped.
 */
import AxeBuilder from '@axe-core/playwright';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuite, TEST_BUILD_DIR, type SuiteSession } from './harness';
import { launchFirefoxExtension, type FirefoxExtensionSession } from './harness-firefox';

const WAIT = { timeout: 30_000 };

interface Entry {
  id: string;
  site: string;
  feeds: string[];
}

let suite: SuiteSession;
let server: ReturnType<typeof createServer>;
let origin = '';
let buildCopy = '';
let page: Page;
/** What the feed server was asked for. */
const requests: string[] = [];
const feeds = new Map<string, () => string>();

const rss = (title: string, links: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${title}</title><link>/</link>\n${links
    .map((link, i) => `<item><title>Item ${i}</title><link>${link}</link><pubDate>Tue, 15 Sep 2020 1${i}:00:00 GMT</pubDate></item>`)
    .join('\n')}\n</channel></rss>`;

beforeAll(async () => {
  // The feeds; their items are fixture pages on the suite's page server.
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const feed = feeds.get(path);
    if (feed) res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed());
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  feeds.set('/cbc.xml', () => rss('CBC World', [suite.fixtures.url('cbc-xinjiang-un')]));
  feeds.set('/mail.xml', () => rss('Mail World', [suite.fixtures.url('dailymail-xinjiang-eu')]));

  // The shipped directory, with two entries' addresses on the local server (the only host the test build may read).
  buildCopy = await mkdtemp(join(tmpdir(), 'framelens-directory-'));
  await cp(TEST_BUILD_DIR, buildCopy, { recursive: true });
  const file = join(buildCopy, 'directory/outlets.json');
  const data = JSON.parse(await readFile(file, 'utf8')) as { outlets: Entry[] };
  const local: Record<string, string> = { cbc: '/cbc.xml', 'daily-mail': '/mail.xml' };
  for (const entry of data.outlets) {
    const path = local[entry.id];
    if (path) Object.assign(entry, { site: `${origin}/`, feeds: [`${origin}${path}`] });
  }
  // A damaged entry: left out with its reason, the others kept.
  data.outlets.push({ ...data.outlets[0]!, id: 'damaged', feeds: ['javascript:alert(1)'] });
  await writeFile(file, JSON.stringify(data));

  suite = await startSuite({ extensionDir: buildCopy });
  page = await suite.extension.context.newPage();
  await page.goto(`chrome-extension://${suite.extension.extensionId}/options.html`);
});

afterAll(async () => {
  await suite?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (buildCopy) await rm(buildCopy, { recursive: true, force: true });
});

const byTestId = (id: string) => page.getByTestId(id);
const outletRow = (id: string) => page.locator(`[data-testid="directory-outlet"][data-id="${id}"]`);

async function openDirectory(): Promise<void> {
  if (!(await byTestId('directory').evaluate((d) => (d as HTMLDetailsElement).open))) await byTestId('directory-open').click();
  await expect
    .poll(
      () =>
        byTestId('directory-count')
          .innerText()
          .catch(() => ''),
      WAIT,
    )
    .toMatch(/^Showing \d+ of \d+ outlets$/);
}

async function search(text: string): Promise<void> {
  await byTestId('directory-search').fill(text);
}

async function groupValues(): Promise<Record<string, string>> {
  const names = await byTestId('group-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const outlets = await byTestId('group-outlets').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  return Object.fromEntries(names.map((n, i) => [n, outlets[i] ?? '']));
}

describe('the starter directory in the options page', () => {
  it('reads nothing from the network to list it, and searches and groups it', async () => {
    await openDirectory();
    const total = Number(/of (\d+) outlets/.exec(await byTestId('directory-count').innerText())?.[1]);
    expect(total).toBeGreaterThanOrEqual(150);
    expect(await byTestId('directory-group').count()).toBeGreaterThanOrEqual(30);
    expect(await byTestId('directory-skipped').innerText()).toBe(
      '1 directory entry was left out: damaged (feeds.0 is not an http or https address).',
    );
    await search('PAGINA');
    await expect.poll(() => byTestId('directory-outlet').allInnerTexts()).toEqual([expect.stringContaining('Página/12')]);
    await search('no such outlet');
    await expect
      .poll(() => byTestId('directory-no-match').innerText())
      .toBe('No outlet matches “no such outlet”. Try a name, a site, a country or a language.');
    await byTestId('directory-group-by').selectOption('language');
    await search('');
    await expect
      .poll(() => page.locator('[data-testid="directory-group"][data-key="ja"] legend').innerText())
      .toMatch(/Japanese \(\d+ outlets\)/);
    expect(await page.locator('[data-testid="directory-group"][data-key="pt"]').innerText()).toMatch(/Folha de S\.Paulo[\s\S]*PÚBLICO/);
    await byTestId('directory-group-by').selectOption('country');
    expect(requests).toEqual([]);
    expect(suite.network.fromExtension()).toEqual([]);
  });

  it('says plainly when access is refused, and subscribes nothing', async () => {
    await search('cbc news');
    await outletRow('cbc').getByRole('checkbox').check();
    await expect.poll(() => byTestId('directory-subscribe').innerText()).toBe('Subscribe to 1 outlet');
    // The reader says no to the browser's prompt.
    await page.evaluate(() => {
      (globalThis as unknown as { chrome: { permissions: { request: unknown } } }).chrome.permissions.request = (
        _p: unknown,
        done?: (ok: boolean) => void,
      ) => {
        done?.(false);
        return Promise.resolve(false);
      };
    });
    await byTestId('directory-subscribe').click();
    await expect
      .poll(() => byTestId('directory-refused').innerText(), WAIT)
      .toBe(
        'Access was refused, so nothing was subscribed. Following 1 outlet needs permission to read 127.0.0.1: its feeds and the articles they link to.',
      );
    expect(await byTestId('feeds-empty').isVisible()).toBe(true);
    expect(suite.network.fromExtension()).toEqual([]);
  });

  it('ticks two outlets (one by keyboard), subscribes in one click, lists their feeds, archives their articles and fills their country groups', async () => {
    await page.reload();
    await openDirectory();
    await search('cbc news');
    const cbc = outletRow('cbc').getByRole('checkbox', { name: 'CBC News' });
    await cbc.focus();
    await page.keyboard.press('Space');
    expect(await cbc.isChecked()).toBe(true);
    await search('daily mail');
    await expect.poll(() => byTestId('directory-outlet').count()).toBe(1);
    await outletRow('daily-mail').getByRole('checkbox').check();
    await expect.poll(() => byTestId('directory-subscribe').innerText()).toBe('Subscribe to 2 outlets');
    await byTestId('directory-subscribe').click();
    await expect
      .poll(() => byTestId('directory-notice').innerText(), WAIT)
      .toMatch(/^Subscribed to 2 outlets \(new feeds: 2\)\. .* The outlet groups Canada & United Kingdom list them\.$/);

    for (const path of ['/cbc.xml', '/mail.xml']) {
      const row = page.locator(`[data-testid="feed-row"][data-url="${origin}${path}"]`);
      await expect
        .poll(
          () =>
            row
              .getByTestId('feed-status')
              .innerText()
              .catch(() => ''),
          WAIT,
        )
        .toMatch(/OK/);
      await expect.poll(() => row.getByTestId('feed-counts').innerText(), WAIT).toMatch(/1 in the feed, 1 archived/);
    }
    // Only the chosen outlets' feeds and the articles they list were fetched.
    expect(new Set(suite.network.fromExtension().map((r) => r.url))).toEqual(
      new Set([
        `${origin}/cbc.xml`,
        `${origin}/mail.xml`,
        suite.fixtures.url('cbc-xinjiang-un'),
        suite.fixtures.url('dailymail-xinjiang-eu'),
      ]),
    );
    // Followed now: ticked and marked, not offered again.
    await search('');
    await expect.poll(() => outletRow('cbc').getByTestId('directory-followed').innerText()).toBe('Following');
    expect(await outletRow('daily-mail').getByRole('checkbox').isDisabled()).toBe(true);
    expect(await byTestId('directory-subscribe').isDisabled()).toBe(true);

    const groups = await groupValues();
    expect(groups['Canada']?.split('\n')).toEqual(['CBC News', 'CBC', '127.0.0.1']);
    expect(groups['United Kingdom']?.split('\n')).toEqual(['Daily Mail', 'Mail Online', 'MailOnline', '127.0.0.1']);
    // The archived articles name their outlets as the groups do: each row carries its country.
    await page.reload();
    const row = (outlet: string) =>
      page
        .locator('[data-testid="archive-row"]')
        .filter({ has: page.locator('[data-testid="row-outlet"]', { hasText: new RegExp(`^${outlet}$`) }) });
    await expect.poll(() => row('CBC News').getByTestId('group-label').allInnerTexts(), WAIT).toEqual(['Canada']);
    await expect.poll(() => row('Daily Mail').getByTestId('group-label').allInnerTexts(), WAIT).toEqual(['United Kingdom']);
  });

  it('has no accessibility violations with the directory open (axe, WCAG 2 AA), in light and dark', async () => {
    await openDirectory();
    await search('canada');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).include('[data-testid="directory"]').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id} (${v.nodes.length})`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('the starter directory on the welcome page', () => {
  it('is offered there too, shows the outlets already followed, and passes axe', async () => {
    const welcome = await suite.extension.context.newPage();
    await welcome.goto(`chrome-extension://${suite.extension.extensionId}/welcome.html`);
    await welcome.getByTestId('directory-open').click();
    await welcome.getByTestId('directory-search').fill('canada');
    await expect
      .poll(() => welcome.locator('[data-testid="directory-outlet"][data-id="cbc"] [data-testid="directory-followed"]').count(), WAIT)
      .toBe(1);
    expect(await welcome.locator('[data-testid="directory-outlet"][data-id="radio-canada"] input').isDisabled()).toBe(false);
    const { violations } = await new AxeBuilder({ page: welcome }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    await welcome.close();
    expect(suite.problems.all()).toEqual([]);
  });
});

describe('the same build in Firefox ESR', () => {
  let firefox: FirefoxExtensionSession;

  beforeAll(async () => {
    firefox = await launchFirefoxExtension(buildCopy);
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('reads the directory from the extension, searches it without accents and groups it', async () => {
    const welcome = await firefox.openExtensionPage('welcome.html');
    const read = (testId: string) =>
      firefox.evaluate<string[]>(welcome, `[...document.querySelectorAll('[data-testid="${testId}"]')].map((e) => e.innerText.trim())`);
    // The page renders after its messages and theme are read.
    await expect
      .poll(() => firefox.evaluate<boolean>(welcome, `Boolean(document.querySelector('[data-testid="directory-open"]'))`), WAIT)
      .toBe(true);
    await firefox.evaluate(welcome, `document.querySelector('[data-testid="directory-open"]').click(), true`);
    await expect.poll(async () => (await read('directory-count'))[0] ?? '', WAIT).toMatch(/^Showing \d+ of \d+ outlets$/);
    await firefox.evaluate(
      welcome,
      `(() => { const box = document.querySelector('[data-testid="directory-search"]'); box.value = 'suddeutsche'; box.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
    );
    await expect
      .poll(async () => (await read('directory-outlet')).join('|'), WAIT)
      .toMatch(/^Süddeutsche Zeitung sueddeutsche\.de · German · commercial$/);
    expect(await read('directory-group')).toEqual([expect.stringMatching(/^Germany \(1 outlet\)/)]);
    expect(await firefox.pageErrors(welcome)).toEqual([]);
  });
});
