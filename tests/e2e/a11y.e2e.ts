/**
 * Accessibility of the popup and the comparison page in real Chromium: axe-core
 * finds no WCAG 2 A/AA violation in light and dark, every control works from the keyboard
 * with a visible focus ring, the popup fits Chrome's 800x600 popup limit and 200% zoom
 * without sideways scrolling, and loading states show instead of blank panes.
 * (The options page has its own axe check in options.e2e.ts.)
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentServiceWorker,
  openPopupFor,
  startSuite,
  tabIdFor,
  type ExtensionSession,
  type FixtureServer,
  type Problems,
  type SuiteSession,
} from './harness';
import { CBC, compareWithDailyMail, openExtensionPage, scrollsSideways, sendMessage } from './pages';

let extension: ExtensionSession;
let fixtures: FixtureServer;
let problems: Problems;
let suite: SuiteSession;

beforeAll(async () => {
  ({ extension, fixtures, problems } = suite = await startSuite());
  const page = await openExtensionPage(extension, 'options.html');
  await sendMessage(page, 'archive/loadSample', {});
  await page.close();
});

afterAll(() => suite?.close());

/**
 * Runs in the page before its scripts: records the text of every state message as it
 * appears, so a test can tell what the reader saw first.
 */
const RECORD_STATES = `
  globalThis.__states = [];
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('[data-testid="state-message"], [data-testid="compare-loading"]')) {
      const text = el.textContent.trim();
      if (text && globalThis.__states.at(-1) !== text) globalThis.__states.push(text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/** WCAG 2 A and AA violations axe finds, as "scheme: rule (nodes)" lines. */
async function axeViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map(
    (v) =>
      `${colorScheme}: ${v.id} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')})`,
  );
}

/** The focused element has a visible outline (theme.css's :focus-visible ring). */
async function focusRingVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
  });
}

async function openAnalysedPopup(): Promise<{ page: Page; popup: Page }> {
  const session = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
  await compareWithDailyMail(session.popup);
  return session;
}

describe('the popup', () => {
  it('shows a loading state first, never a blank pane', async () => {
    const page = await extension.context.newPage();
    await page.goto(fixtures.url(CBC));
    const tabId = await tabIdFor(await currentServiceWorker(extension.context, extension.extensionId), fixtures.url(CBC));
    const popup = await extension.context.newPage();
    await popup.addInitScript(RECORD_STATES);
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('related-item').first().waitFor({ state: 'attached', timeout: 30_000 });
    const seen = await popup.evaluate(() => (globalThis as unknown as { __states: string[] }).__states);
    // The first thing shown in the content area is the reading state.
    expect(seen[0]).toMatch(/Reading this page/);
    await popup.close();
    await page.close();
  });

  it('has no axe violations in light and dark', async () => {
    const { page, popup } = await openAnalysedPopup();
    await popup.setViewportSize({ width: 460, height: 600 });
    expect([...(await axeViolations(popup, 'light')), ...(await axeViolations(popup, 'dark'))]).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('fits 800x600 and 200% zoom without scrolling sideways', async () => {
    const { page, popup } = await openAnalysedPopup();
    await popup.setViewportSize({ width: 800, height: 600 });
    expect(await scrollsSideways(popup)).toBe(false);
    // 200% zoom of Chrome's largest popup: half the CSS pixels.
    await popup.setViewportSize({ width: 400, height: 300 });
    expect(await scrollsSideways(popup)).toBe(false);
    // Text stays at a readable size (zoom scales it; nothing shrinks it back).
    const bodySize = await popup.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(12);
    await popup.close();
    await page.close();
  });

  it('works from the keyboard: the related list is one tab stop, arrows move, Enter compares', async () => {
    const { page, popup } = await openAnalysedPopup();
    // The weaker matches open from the keyboard too.
    const details = popup.getByTestId('weak-matches');
    if ((await details.getAttribute('open')) === null) {
      await details.locator('summary').focus();
      await popup.keyboard.press('Enter');
    }
    await expect.poll(() => details.getAttribute('open')).not.toBeNull();
    // Tab from the page start reaches the first option, with a focus ring.
    await popup.locator('body').focus();
    for (let i = 0; i < 10; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.evaluate(() => document.activeElement?.getAttribute('role') === 'option')) break;
    }
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('related-item');
    expect(await focusRingVisible(popup)).toBe(true);
    // The weaker matches are a second listbox: move into it and choose its second option.
    const weak = popup.getByTestId('weak-matches').getByTestId('related-item');
    await weak.first().focus();
    await popup.keyboard.press('ArrowDown');
    expect(await weak.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await weak.nth(1).getAttribute('tabindex')).toBe('0');
    expect(await weak.first().getAttribute('tabindex')).toBe('-1');
    const title = await weak.nth(1).getByTestId('related-title').innerText();
    await popup.keyboard.press('Enter');
    await expect.poll(() => weak.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => popup.getByTestId('terms-other').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await popup.getByTestId('terms-other').locator('xpath=..').innerText()).not.toBe('');
    expect(title).not.toBe('');
    // Home goes back to the first option of that list.
    await popup.keyboard.press('Home');
    expect(await weak.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.close();
    await page.close();
  });
});

describe('the comparison page', () => {
  let compare: Page;
  let session: { page: Page; popup: Page };

  beforeAll(async () => {
    session = await openAnalysedPopup();
    const opened = extension.context.waitForEvent('page', { predicate: (p) => p.url().includes('/compare.html') });
    await session.popup.getByTestId('open-compare').click();
    compare = await opened;
    await compare.getByTestId('compare-article').nth(1).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await compare?.close();
    await session?.popup.close();
    await session?.page.close();
  });

  it('shows a loading state first, never a blank pane', async () => {
    const again = await extension.context.newPage();
    await again.addInitScript(RECORD_STATES);
    await again.goto(compare.url());
    await again.getByTestId('compare-article').nth(1).waitFor({ timeout: 30_000 });
    const seen = await again.evaluate(() => (globalThis as unknown as { __states: string[] }).__states);
    expect(seen[0]).toMatch(/Comparing the articles/);
    await again.close();
  });

  it('has no axe violations in light and dark', async () => {
    await compare.setViewportSize({ width: 1400, height: 1000 });
    expect([...(await axeViolations(compare, 'light')), ...(await axeViolations(compare, 'dark'))]).toEqual([]);
    await compare.emulateMedia({ colorScheme: 'light' });
  });

  it('reflows at 200% zoom (one column, no sideways scrolling)', async () => {
    await compare.setViewportSize({ width: 640, height: 480 });
    expect(await scrollsSideways(compare)).toBe(false);
    await compare.setViewportSize({ width: 1400, height: 1000 });
  });

  it('works from the keyboard: layer switches and report links move focus to the evidence', async () => {
    const layer = compare.getByTestId('layer-term');
    await layer.focus();
    expect(await focusRingVisible(compare)).toBe(true);
    await compare.keyboard.press('Space');
    expect(await compare.getByTestId('mark-term').count()).toBe(0);
    await compare.keyboard.press('Space');
    expect(await compare.getByTestId('mark-term').count()).toBeGreaterThan(0);
    const jump = compare.getByTestId('report-coverage').locator('button.jump').first();
    await jump.focus();
    expect(await focusRingVisible(compare)).toBe(true);
    await compare.keyboard.press('Enter');
    expect(await compare.evaluate(() => document.activeElement?.classList.contains('sentence') ?? false)).toBe(true);
    expect(await focusRingVisible(compare)).toBe(true);
  });

  it('raised no error along the way', () => {
    expect(problems.all()).toEqual([]);
  });
});
