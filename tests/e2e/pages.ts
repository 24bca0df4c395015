/**
 * What the E2E suites do on the extension's pages, written once: the fixture article the
 * reader's path starts from, protocol messages sent as a page's own code would, the popup's
 * state and its comparison with the Daily Mail article.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_DIR, type ExtensionSession } from './harness';

/** The CBC seed article among the fixture pages; the sample archive holds its Daily Mail counterpart. */
export const CBC = 'cbc-xinjiang-un';
/** Where the README's screenshots are written. */
export const SCREENSHOTS_DIR = `${REPO_DIR}docs/screenshots`;
/** Records in the sample archive (public/sample/sample.ndjson). */
export const SAMPLE_COUNT = readFileSync(`${REPO_DIR}public/sample/sample.ndjson`, 'utf8').trim().split('\n').length;

export interface Reply {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: string;
}

/** Sends a protocol message from an extension page, as its own code would. */
export function sendMessage(page: Page, type: string, payload: unknown): Promise<Reply> {
  // A string, so the bundler's helpers never leak into the page.
  return page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`);
}

/** Opens one of the extension's pages (`options.html`, `welcome.html`, …) in a new tab. */
export async function openExtensionPage(extension: ExtensionSession, name: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/${name}`);
  return page;
}

/** The popup's state message once it has read the page (no longer "Reading this page"). */
export async function stateText(popup: Page, timeout = 15_000): Promise<string> {
  const state = popup.getByTestId('state-message').first();
  await expect
    .poll(async () => (await state.count()) > 0 && !(await state.innerText()).includes('Reading this page'), { timeout })
    .toBe(true);
  return state.innerText();
}

export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/**
 * Shows the framing differences with the Daily Mail article, the CBC seed's counterpart in the
 * sample archive, whether the matcher ranks it same-story or among the weaker matches.
 */
export async function compareWithDailyMail(popup: Page): Promise<void> {
  const item = popup.getByTestId('related-item').filter({ hasText: 'China invites EU diplomats' }).first();
  await item.waitFor({ state: 'attached', timeout: 30_000 });
  if (!(await item.isVisible())) await popup.getByTestId('weak-matches').locator('summary').click();
  if ((await item.getAttribute('aria-selected')) !== 'true') await item.click();
  await popup.getByTestId('terms-self').waitFor({ timeout: 30_000 });
}
