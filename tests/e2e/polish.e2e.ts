/**
 * What makes Framelens feel finished, in real Chromium: the first-run page, the
 * theme setting shared by every page, the toolbar badge, the shortcut shown where the reader
 * looks for it, and the README's light and dark screenshots.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { CBC, compareWithDailyMail, openExtensionPage as openPage, SCREENSHOTS_DIR as SHOTS, scrollsSideways, sendMessage } from './pages';

const SAMPLE = readFileSync(`${REPO_DIR}public/sample/sample.ndjson`, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { outlet: string; published: string | null; text: string });

let extension: ExtensionSession;
let fixtures: FixtureServer;
let problems: Problems;
let suite: SuiteSession;

beforeAll(async () => {
  ({ extension, fixtures, problems } = suite = await startSuite());
});

afterAll(() => suite?.close());

const pageUrl = (name: string) => `chrome-extension://${extension.extensionId}/${name}`;

const openExtensionPage = (name: string) => openPage(extension, name);

async function archiveCount(page: Page): Promise<number> {
  return Number((await sendMessage(page, 'archive/stats', {})).data?.count);
}

describe('the first-run page', () => {
  let welcome: Page;
  beforeAll(async () => {
    // Installing the extension (launchExtension) opened it: no test code asked for it.
    const opened = (candidate: Page) => candidate.url() === pageUrl('welcome.html');
    welcome =
      extension.context.pages().find(opened) ?? (await extension.context.waitForEvent('page', { predicate: opened, timeout: 15_000 }));
    await welcome.waitForLoadState();
    await welcome.setViewportSize({ width: 1000, height: 900 });
  });
  afterAll(() => welcome?.close());

  it('opened by itself on install', () => {
    expect(welcome.url()).toBe(pageUrl('welcome.html'));
  });

  it('says in three lines what Framelens does and that nothing leaves the device', async () => {
    const lines = welcome.getByTestId('welcome-pitch').locator('li');
    expect(await lines.count()).toBe(3);
    expect(await lines.nth(2).innerText()).toMatch(/Nothing leaves your device/);
    expect(await welcome.title()).toBe('Welcome to Framelens');
  });

  it('shows the shortcut the browser has and where the options are', async () => {
    await expect.poll(() => welcome.getByTestId('shortcut-keys').innerText()).toBe('Alt+Shift+F');
    const opened = extension.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html') });
    await welcome.getByTestId('welcome-open-options').click();
    await (await opened).close();
  });

  it('has no axe violations in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page: welcome }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
    }
    await welcome.emulateMedia({ colorScheme: 'light' });
    await welcome.screenshot({ path: `${SHOTS}/welcome.png` });
  });

  it('reflows at 200% zoom without scrolling sideways', async () => {
    await welcome.setViewportSize({ width: 640, height: 450 });
    expect(await scrollsSideways(welcome)).toBe(false);
    await welcome.setViewportSize({ width: 1000, height: 900 });
  });

  it('loads the sample archive with one click', async () => {
    expect(await archiveCount(welcome)).toBe(0);
    await welcome.getByTestId('welcome-load-sample').click();
    await expect
      .poll(() => welcome.getByTestId('welcome-status').innerText(), { timeout: 30_000 })
      .toMatch(/sample archive is loaded: [\d,]+ articles/);
    expect(await archiveCount(welcome)).toBeGreaterThan(50);
    expect(await welcome.getByTestId('welcome-load-sample').isDisabled()).toBe(true);
  });
});

describe('the theme setting', () => {
  it('follows the system until the reader forces one, and every page follows the change', async () => {
    const compareLike = await openExtensionPage('welcome.html');
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    const themeOf = (p: Page) => p.evaluate(() => document.documentElement.dataset.theme ?? 'system');
    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await themeOf(popup)).toBe('system');
    await popup.emulateMedia({ colorScheme: 'dark' });
    const systemDark = await background(popup);
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(await background(popup)).not.toBe(systemDark);

    await compareLike.getByTestId('theme').selectOption('dark');
    // The open popup follows through storage; the reader's system still says light.
    await expect.poll(() => themeOf(popup)).toBe('dark');
    expect(await background(popup)).toBe(systemDark);
    // A page opened later starts in the stored theme.
    const options = await openExtensionPage('popup.html');
    await expect.poll(() => themeOf(options)).toBe('dark');
    await options.close();

    await compareLike.getByTestId('theme').selectOption('system');
    await expect.poll(() => themeOf(popup)).toBe('system');
    await compareLike.close();
    await popup.close();
    await page.close();
  });
});

describe('the toolbar badge', () => {
  it('shows how many same-story articles the archive holds for the page once it has been read', async () => {
    // A wire rewrite of the CBC story (its first paragraphs under another headline and URL):
    // same story, not the same article, whatever the matcher thinks of the sample's pair.
    const cbc = SAMPLE.find((r) => r.outlet === 'CBC News');
    if (!cbc) throw new Error('the sample archive has no CBC News record');
    const rewrite = {
      id: 'wire:xinjiang',
      url: 'https://wire.example/xinjiang-un-visit',
      title: 'Beijing says UN may visit Xinjiang but rejects a guilty-until-proven inquiry',
      outlet: 'Example Wire',
      published: cbc.published,
      text: cbc.text.split('\n\n').slice(0, 6).join('\n\n'),
    };
    const helper = await openExtensionPage('options.html');
    await helper.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ type: 'archive/import', payload: { records: [rewrite] } })})`);
    await helper.close();
    const { page, popup, tabId } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    await popup.getByTestId('related-item').first().waitFor({ state: 'attached', timeout: 30_000 });
    // The popup marks the matcher's same-story results; the badge counts exactly those.
    const sameStory = await popup.locator('[data-testid="related-item"]:has(.same-story)').count();
    const badge = () =>
      currentServiceWorker(extension.context, extension.extensionId).then((sw) =>
        sw.evaluate(
          (id: number) =>
            (
              globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }
            ).chrome.action.getBadgeText({ tabId: id }),
          tabId,
        ),
      );
    expect(sameStory).toBeGreaterThan(0);
    await expect.poll(badge).toBe(String(sameStory));
    // Another tab keeps its own badge: the count belongs to the page that was read.
    const other = await extension.context.newPage();
    await other.goto(fixtures.url('section-front-world'));
    const otherId = await tabIdFor(
      await currentServiceWorker(extension.context, extension.extensionId),
      fixtures.url('section-front-world'),
    );
    const otherBadge = await (
      await currentServiceWorker(extension.context, extension.extensionId)
    ).evaluate(
      (id: number) =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }
        ).chrome.action.getBadgeText({ tabId: id }),
      otherId,
    );
    expect(otherBadge).toBe('');
    // Reloading the page clears it until the page is read again.
    await page.reload();
    await expect.poll(badge).toBe('');
    // The README screenshots below show the sample archive only.
    await popup.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ type: 'archive/delete', payload: { ids: [rewrite.id] } })})`);
    await other.close();
    await popup.close();
    await page.close();
  });
});

describe('the options page', () => {
  it('shows the shortcut with a way to change it, and the shared theme setting', async () => {
    const options = await openExtensionPage('options.html');
    await expect.poll(() => options.getByTestId('shortcut-keys').innerText()).toBe('Alt+Shift+F');
    const settings = extension.context.waitForEvent('page', { predicate: (p) => p.url().startsWith('chrome://extensions/shortcuts') });
    await options.getByTestId('change-shortcut').click();
    await (await settings).close();
    expect(await options.getByTestId('theme').inputValue()).toBe('system');
    await options.close();
  });

  it('reflows at 200% zoom without scrolling sideways', async () => {
    const options = await openExtensionPage('options.html');
    await options.setViewportSize({ width: 640, height: 450 });
    await options.getByTestId('archive-row').first().waitFor({ timeout: 15_000 });
    expect(await scrollsSideways(options)).toBe(false);
    await options.close();
  });

  it('opens searching the archive for a selection (the context menu on selected text)', async () => {
    const options = await openExtensionPage(`options.html?q=${encodeURIComponent('Xinjiang')}`);
    expect(await options.getByTestId('archive-search').inputValue()).toBe('Xinjiang');
    await options.getByTestId('archive-row').first().waitFor({ timeout: 15_000 });
    const titles = await options.getByTestId('archive-row').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(await archiveCount(options));
    await options.close();
  });
});

describe('screenshots for the README', () => {
  it('takes the options page in light and dark', async () => {
    const options = await openExtensionPage('options.html');
    await options.setViewportSize({ width: 1100, height: 760 });
    await options.getByTestId('archive-row').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => options.getByTestId('shortcut-keys').isVisible()).toBe(true);
    await options.screenshot({ path: `${SHOTS}/options.png` });
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.screenshot({ path: `${SHOTS}/options-dark.png` });
    await options.close();
  });

  it('takes the popup in dark mode', async () => {
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 480, height: 1400 });
    await compareWithDailyMail(popup);
    await popup.locator('main').screenshot({ path: `${SHOTS}/popup-dark.png` });
    await popup.close();
    await page.close();
  });

  it('raised no error along the way', () => {
    expect(problems.all()).toEqual([]);
  });
});
