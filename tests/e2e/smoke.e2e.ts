/**
 * Smoke test of the built extension (dist-test/) in Debian's Chromium and Firefox ESR: it
 * loads, its background starts, its pages render without errors, and the content script
 * reads an article.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../src/core/types';
import { launchFirefoxExtension, type FirefoxExtensionSession } from './harness-firefox';
import {
  currentServiceWorker,
  extractInTab,
  loadedManifest,
  manifestIssues,
  openPopupFor,
  startFixtureServer,
  startSuite,
  tabIdFor,
  type ExtensionSession,
  type FixtureServer,
  type Problems,
  type SuiteSession,
} from './harness';
import { CBC as ARTICLE } from './pages';
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let extension: ExtensionSession;
let fixtures: FixtureServer;
let problems: Problems;
let network: SuiteSession['network'];

let suite: SuiteSession;

beforeAll(async () => {
  ({ extension, fixtures, problems, network } = suite = await startSuite());
});

afterAll(() => suite?.close());

describe('the built extension', () => {
  it('loads with its module service worker running', async () => {
    expect(extension.extensionId).toMatch(/^[a-p]{32}$/);
    expect(extension.serviceWorker.url()).toBe(`chrome-extension://${extension.extensionId}/background.js`);
    const manifest = await loadedManifest(extension.serviceWorker);
    expect(manifest.name).toBe('Framelens');
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
  });

  it.each(['options.html', 'welcome.html', 'compare.html'])('renders %s without errors', async (path) => {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/${path}`);
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).not.toBe('');
    expect(problems.all()).toEqual([]);
    await page.close();
  });

  it('renders the popup for an article page without errors', async () => {
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(ARTICLE));
    await popup.waitForLoadState('load');
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).not.toBe('');
    expect(problems.all()).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('reads the article through the injected content script', async () => {
    const page = await extension.context.newPage();
    await page.goto(fixtures.url(ARTICLE));
    const tabId = await tabIdFor(extension.serviceWorker, fixtures.url(ARTICLE));
    const result = await extractInTab(extension.serviceWorker, tabId);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.article.url).toContain('cbc.ca');
    expect(result.article.title).toMatch(/uyghur|xinjiang|china/i);
    expect(result.article.words).toBeGreaterThan(200);
    expect(result.article.text).toMatch(/Uyghur/);
    // A second injection (the reader clicks twice) must not break: the IIFE just replaces the global.
    expect((await extractInTab(extension.serviceWorker, tabId))?.ok).toBe(true);
    // Extraction worked on a clone: the live page still has its navigation and scripts.
    expect(await page.locator('nav, header').count()).toBeGreaterThan(0);
    expect(problems.all()).toEqual([]);
    await page.close();
  });

  it('sent nothing over the network while it did all that', () => {
    expect(network.fromExtension()).toEqual([]);
  });

  // Last: it reloads the extension (developer mode), restarting the service worker.
  it('has a manifest Chrome accepts without warnings beyond the cross-browser background key', async () => {
    const issues = await manifestIssues(extension.context, extension.extensionId);
    // One manifest for both browsers (docs/platform.md): Chrome notes and ignores Firefox's background.scripts.
    expect(issues.filter((issue) => issue.manifestKey !== 'background.scripts')).toEqual([]);
    const worker = await currentServiceWorker(extension.context, extension.extensionId);
    expect(worker.url()).toBe(`chrome-extension://${extension.extensionId}/background.js`);
  });
});

describe('the same build in Firefox ESR', () => {
  let firefox: FirefoxExtensionSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefoxExtension();
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('installs, renders the options page and its background answers', async () => {
    const options = await firefox.openExtensionPage('options.html');
    expect(await firefox.evaluate<string>(options, 'browser.runtime.getManifest().version')).toBe(PACKAGE_VERSION);
    await expect.poll(() => firefox.evaluate<string>(options, 'document.body.innerText'), { timeout: 10_000 }).toMatch(/Framelens/);
    const stats = await firefox.evaluate<{ ok: boolean }>(options, "browser.runtime.sendMessage({ type: 'archive/stats', payload: {} })");
    expect(stats.ok).toBe(true);
    expect(await firefox.pageErrors(options)).toEqual([]);
  });

  it('reads the article through the injected content script', async () => {
    const pageUrl = server.url(ARTICLE);
    await firefox.openPage(pageUrl);
    const options = await firefox.openExtensionPage('options.html');
    const result = await firefox.evaluate<ExtractResult | null>(
      options,
      `(async () => {
      const [tab] = (await browser.tabs.query({})).filter((t) => t.url === ${JSON.stringify(pageUrl)});
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
      const [frame] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => globalThis.__framelens?.extract() ?? null });
      return frame.result;
    })()`,
    );
    expect(result?.ok).toBe(true);
    if (result?.ok) expect(result.article.text).toMatch(/Uyghur/);
  });

  it('shows the article in the popup for that tab', async () => {
    const pageUrl = server.url(ARTICLE);
    await firefox.openPage(pageUrl);
    const options = await firefox.openExtensionPage('options.html');
    const tabId = await firefox.evaluate<number>(
      options,
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(pageUrl)}).id)`,
    );
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    const title = () => firefox.evaluate<string>(popup, `document.querySelector('[data-testid="article-title"]')?.textContent ?? ''`);
    await expect.poll(title, { timeout: 15_000 }).toMatch(/Xinjiang/);
    expect(await firefox.pageErrors(popup)).toEqual([]);
  });
});
