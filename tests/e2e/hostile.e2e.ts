/**
 * Hostile pages (tests/fixtures/hostile/) in real Chromium with the built extension: the
 * popup for a representative set, including the generated 50 MB, 100k-element and deeply
 * nested pages. Throughout: no dialog and no console or uncaught error in the extension's
 * pages and worker (the pages' own alerts are theirs), and not one network request by the
 * extension. Page text shows as text in the popup, the options page and the full
 * comparison; pages that are not articles or too large get a message saying so.
 * Legacy-encoded fixtures are left to the unit test: the fixture server labels every page
 * UTF-8, which would override their <meta charset>.
 */
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepNesting5000, inlineData, links10k, nodes100k, nodes250k, visibleText } from '../fixtures/hostile/large';
import { launchFirefoxExtension, type FirefoxExtensionSession } from './harness-firefox';
import {
  currentServiceWorker,
  openPopupFor,
  REPO_DIR,
  startSuite,
  tabIdFor,
  type ExtensionSession,
  type FixtureServer,
  type Problems,
  type SuiteSession,
} from './harness';

const HTML_AS_TEXT = '<img src=x onerror=alert(1)>';

let pagesDir: string;
let extension: ExtensionSession;
let fixtures: FixtureServer;
let problems: Problems;
let network: SuiteSession['network'];
let suite: SuiteSession;

beforeAll(async () => {
  pagesDir = mkdtempSync(join(tmpdir(), 'framelens-hostile-'));
  cpSync(`${REPO_DIR}tests/fixtures/hostile`, pagesDir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  for (const page of [inlineData(50), visibleText(50), nodes100k(), nodes250k(), deepNesting5000(), links10k()]) {
    mkdirSync(join(pagesDir, page.slug));
    writeFileSync(join(pagesDir, page.slug, 'source.html'), page.html);
  }
  ({ extension, fixtures, problems, network } = suite = await startSuite({ pagesDir }));
}, 120_000);

afterAll(async () => {
  await suite?.close();
  if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
});

/** What the popup settles on: the article's headline, or the state message it shows instead. */
async function settle(popup: Page): Promise<{ title: string | null; state: string }> {
  // allInnerTexts never waits: a transient state (the framing report's "Comparing…") may be
  // gone between counting it and reading it.
  const titles = () => popup.getByTestId('article-title').allInnerTexts();
  const states = () => popup.getByTestId('state-message').allInnerTexts();
  await expect
    .poll(async () => (await titles()).length > 0 || (await states()).some((s) => !s.includes('Reading this page')), { timeout: 60_000 })
    .toBe(true);
  return { title: (await titles())[0] ?? null, state: (await states())[0] ?? '' };
}

/** Nothing in an extension page may carry markup that came from a page: no handlers, frames or plugins. */
async function activeContent(page: Page): Promise<number> {
  return page
    .locator(
      '[onerror], [onload], [onclick], [onmouseover], [onfocus], [ontoggle], iframe, object, embed, frame, img[src="x"], a[href^="javascript:"]',
    )
    .count();
}

async function popupFor(slug: string) {
  const session = await openPopupFor(extension.context, extension.extensionId, fixtures.url(slug));
  const shown = await settle(session.popup);
  expect(await activeContent(session.popup), slug).toBe(0);
  return { ...session, shown };
}

describe('the popup on hostile pages', () => {
  const articles: Array<[string, RegExp]> = [
    ['script-in-body', /Council votes to close Riverside bus depot/],
    ['event-handlers', /Council votes/],
    ['javascript-links', /Council votes/],
    ['markup-in-metadata', /Council votes/],
    ['iframes', /Council votes/],
    ['shadow-dom', /Council votes/],
    ['mxss-vectors', /Council votes/],
    ['bidi-override', /Council votes/],
    ['arabic-rtl-article', /مجلس المدينة/],
    ['self-rewriting', /Council votes|Rewritten/],
    ['hidden-display-none', /Council votes/],
  ];
  for (const [slug, title] of articles) {
    it(`${slug}: shows the article, nothing from the page runs`, async () => {
      const { page, popup, shown } = await popupFor(slug);
      expect(shown.title, shown.state).toMatch(title);
      await popup.close();
      await page.close();
    });
  }

  it('text-looks-like-html: the headline that quotes markup is shown as those characters', async () => {
    const { page, popup, shown } = await popupFor('text-looks-like-html');
    expect(shown.title).toBe(`Why ${HTML_AS_TEXT} is not an image`);
    await popup.close();
    await page.close();
  });

  it("prototype-tampering: the page's replaced built-ins and fake reader are not seen by the extension", async () => {
    const { page, popup, shown } = await popupFor('prototype-tampering');
    expect(shown.title).toBe('Council votes to close Riverside bus depot');
    expect(shown.title).not.toMatch(/FAKE/);
    await popup.close();
    await page.close();
  });

  const refused: Array<[string, RegExp]> = [
    ['not-an-article', /No article here/],
    ['paywall-empty', /No article here|no article text/i],
    ['empty-page', /No article here/],
    ['text-only-frameset', /No article here/],
  ];
  for (const [slug, message] of refused) {
    it(`${slug}: says there is no article`, async () => {
      const { page, popup, shown } = await popupFor(slug);
      expect(shown.title).toBeNull();
      expect(shown.state).toMatch(message);
      await popup.close();
      await page.close();
    });
  }
});

describe('the popup on generated large pages', () => {
  const cases: Array<[string, RegExp]> = [
    ['huge-inline-data-50mb', /Harbour sea wall approved/],
    ['huge-visible-text-50mb', /too large/],
    ['nodes-100k', /Harbour sea wall approved/],
    ['nodes-250k', /too large/],
    // Chromium's parser stops nesting at 512 levels; extraction's own bound may refuse before that.
    ['deep-nesting-5000', /Harbour sea wall approved|too deeply nested/],
    ['links-10k', /Harbour sea wall approved/],
  ];
  for (const [slug, expected] of cases) {
    it(`${slug}: the popup shows the article or says the page is too large`, async () => {
      const page = await extension.context.newPage();
      await page.goto(fixtures.url(slug), { timeout: 60_000 });
      const tabId = await tabIdFor(await currentServiceWorker(extension.context, extension.extensionId), fixtures.url(slug));
      // Timed from the click (the popup opening), not the page load.
      const started = Date.now();
      const popup = await extension.context.newPage();
      await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
      const shown = await settle(popup);
      console.log(`${slug}: popup answered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(shown.title ?? shown.state).toMatch(expected);
      expect(await activeContent(popup)).toBe(0);
      await popup.close();
      await page.close();
    }, 120_000);
  }
});

describe('page text stays text in the archive and the comparison', () => {
  it('saves the markup-quoting article, lists it as text and compares it as text', async () => {
    const slug = 'text-looks-like-html';
    const { page, popup } = await popupFor(slug);
    const save = popup.getByTestId('save');
    await expect.poll(() => save.isEnabled(), { timeout: 15_000 }).toBe(true);
    await save.click();
    await expect.poll(() => save.innerText()).toMatch(/saved/i);
    await popup.close();
    await page.close();

    // A second outlet's version of the story, with markup in its headline too, through the options page.
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const other = {
      id: 'hostile:other',
      url: 'https://other.example/depot',
      title: `Depot vote: ${HTML_AS_TEXT} <script>alert(2)</script>`,
      outlet: '<b onmouseover=alert(3)>Other Outlet</b>',
      published: '2024-03-05',
      text: `The city council voted seven to two to close the Riverside bus depot and sell the land for housing.\n\nSecurity researchers type ${HTML_AS_TEXT} into forms; a safe site shows it exactly as typed.\n\nThe drivers' union said moving the buses twelve kilometres away would lengthen the first and last journeys.`,
    };
    // And a record whose address is a script: listed as plain text, never as a link.
    const scriptUrl = {
      id: 'hostile:script-url',
      url: 'javascript:alert(4)',
      title: 'Weather warning for the coast',
      outlet: 'Script URL',
      published: null,
      text: 'Gales are expected overnight along the coast.',
    };
    await options.getByTestId('import-file').setInputFiles({
      name: 'other.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${JSON.stringify(other)}\n${JSON.stringify(scriptUrl)}`),
    });
    await expect.poll(() => options.getByTestId('import-status').innerText(), { timeout: 20_000 }).toContain('Imported 2 records');
    await options.getByTestId('archive-search').fill('gales');
    await expect.poll(() => options.getByTestId('archive-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await options.getByTestId('archive-row').locator('a').count()).toBe(0);
    await options.getByTestId('archive-search').fill('depot');
    await expect.poll(() => options.getByTestId('archive-row').count(), { timeout: 15_000 }).toBe(2);
    const rows = (await options.getByTestId('archive-row').allInnerTexts()).join('\n');
    expect(rows).toContain(`Why ${HTML_AS_TEXT} is not an image`);
    expect(rows).toContain('<script>alert(2)</script>');
    expect(rows).toContain('<b onmouseover=alert(3)>Other Outlet</b>');
    expect(await activeContent(options)).toBe(0);
    const selfId = await options.getByTestId('archive-row').filter({ hasText: 'is not an image' }).getAttribute('data-id');
    expect(selfId).toBeTruthy();
    await options.close();

    const compare = await extension.context.newPage();
    const params = new URLSearchParams({ self: selfId ?? '', ids: other.id });
    await compare.goto(`chrome-extension://${extension.extensionId}/compare.html?${params.toString()}`);
    await compare.getByTestId('compare-article').nth(1).waitFor({ timeout: 30_000 });
    const texts = await compare.getByTestId('compare-article').allInnerTexts();
    expect(texts[0]).toContain(HTML_AS_TEXT);
    expect(texts[1]).toContain(HTML_AS_TEXT);
    expect(texts.join('\n')).toContain('<script>alert(2)</script>');
    expect(await activeContent(compare)).toBe(0);
    await compare.close();
  }, 120_000);
});

describe('web pages cannot reach the extension', () => {
  it("a page has no channel to the background (no externally_connectable) and does not see the content script's reader", async () => {
    // After the popup read the page, so the content script has been injected into it.
    const { page, popup } = await popupFor('script-in-body');
    const seen = await page.evaluate(() => ({
      sendMessage: typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
      reader: typeof (globalThis as { __framelens?: unknown }).__framelens,
    }));
    expect(seen).toEqual({ sendMessage: 'undefined', reader: 'undefined' });
    await popup.close();
    await page.close();
  });
});

describe('a page that freezes its own main thread', () => {
  // Last among the page tests: Chromium may put later pages of the same site in the frozen renderer.
  it('busy-main-thread: the popup says the page is not responding instead of waiting forever', async () => {
    const page = await extension.context.newPage();
    await page.goto(fixtures.url('busy-main-thread'));
    // The page starts its endless loop just after it loads: wait until it stops answering.
    const answers = () =>
      Promise.race([
        page.evaluate(() => 'answering').catch(() => 'closed'),
        new Promise<string>((resolve) => setTimeout(() => resolve('frozen'), 500)),
      ]);
    await expect.poll(answers, { timeout: 10_000 }).toBe('frozen');
    const tabId = await tabIdFor(await currentServiceWorker(extension.context, extension.extensionId), fixtures.url('busy-main-thread'));
    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
    const shown = await settle(popup);
    expect(shown.title).toBeNull();
    expect(shown.state).toMatch(/not responding/i);
    await popup.close();
    await page.close({ runBeforeUnload: false });
  }, 90_000);
});

describe('the same pages in Firefox ESR', () => {
  let firefox: FirefoxExtensionSession;

  beforeAll(async () => {
    firefox = await launchFirefoxExtension();
  }, 90_000);

  afterAll(async () => {
    await firefox?.close();
  });

  async function popupInFirefox(slug: string): Promise<{ popup: string; title: string }> {
    const pageUrl = fixtures.url(slug);
    await firefox.openPage(pageUrl);
    const options = await firefox.openExtensionPage('options.html');
    const tabId = await firefox.evaluate<number>(
      options,
      `browser.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === ${JSON.stringify(pageUrl)}).at(-1).id)`,
    );
    const popup = await firefox.openExtensionPage(`popup.html?tab=${tabId}`);
    const title = () => firefox.evaluate<string>(popup, `document.querySelector('[data-testid="article-title"]')?.textContent ?? ''`);
    await expect.poll(title, { timeout: 20_000 }).not.toBe('');
    return { popup, title: await title() };
  }

  it('text-looks-like-html: the headline shows the markup as characters, nothing runs', async () => {
    const { popup, title } = await popupInFirefox('text-looks-like-html');
    expect(title).toBe(`Why ${HTML_AS_TEXT} is not an image`);
    expect(await firefox.evaluate<number>(popup, `document.querySelectorAll('[onerror], img[src="x"], script:not([src])').length`)).toBe(0);
    expect(await firefox.pageErrors(popup)).toEqual([]);
  });

  it("prototype-tampering: Firefox's content-script sandbox does not see the page's replaced built-ins or fake reader", async () => {
    const { popup, title } = await popupInFirefox('prototype-tampering');
    expect(title).toBe('Council votes to close Riverside bus depot');
    expect(await firefox.pageErrors(popup)).toEqual([]);
  });
});

describe('throughout the session', () => {
  it('the extension made no network request and raised no error or dialog', () => {
    expect(network.fromExtension()).toEqual([]);
    expect(problems.all()).toEqual([]);
    // The pages did try: their own alerts and requests happened in their own tabs.
    expect(network.requests.filter((r) => r.origin === 'web-page').length).toBeGreaterThan(0);
  });
});
