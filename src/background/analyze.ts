import * as v from 'valibot';
import type { Browser } from 'webextension-polyfill';
import type { Article } from '../core/types';
import type { AnalyzeResponse, Coverage } from '../shared/messages';
import { ArticleSchema } from '../shared/schemas';
import type { Archive } from './archive';
import { relatedItems } from './archiveView';
import { showRelatedCount } from './badge';
import { forbiddenFromError, forbiddenReason } from './forbidden';
import type { MatchIndexStore } from './matchIndexStore';
import { measure } from './mirror';
import { t } from '../shared/i18n';
import { errorText } from '../core/errors';

export const RELATED_TOP = 10;

export interface AnalyzeDeps {
  browser: Browser;
  archive: Archive;
  matches: MatchIndexStore;
  /** How long a page may take to answer before it is reported as not responding (default READ_TIMEOUT_MS). */
  readTimeoutMs?: number;
}

/** A page whose main thread is blocked never lets the content script run; the reader gets an answer by then. */
export const READ_TIMEOUT_MS = 10_000;

/** What the content script's extract() answers (src/core/types ExtractResult), checked: it carries page text. */
const ExtractResultSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), article: ArticleSchema }),
  v.object({ ok: v.literal(false), reason: v.string(), message: v.string() }),
]);

/**
 * Reads the article in a tab with the content script and finds related archived coverage.
 * The framing report is asked for separately ('framing/compare'), so the popup lists the
 * coverage without waiting for it. Every failure becomes a status with a sentence the popup
 * can show as it is.
 */
export async function analyzeTab(deps: AnalyzeDeps, tabId: number | undefined): Promise<AnalyzeResponse> {
  const { browser } = deps;
  const tab =
    tabId === undefined
      ? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]
      : await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.id) return { status: 'error', message: t('errTabClosed') };
  const fileAccess = tab.url?.startsWith('file:') ? await browser.extension.isAllowedFileSchemeAccess() : true;
  const forbidden = forbiddenReason(tab.url, fileAccess);
  if (forbidden) return { status: 'forbidden', message: forbidden };

  let answer: unknown;
  const target = { tabId: tab.id };
  const read = async () => {
    await browser.scripting.executeScript({ target, files: ['content.js'] });
    const [result] = await browser.scripting.executeScript({
      target,
      func: () => (globalThis as { __framelens?: { extract(): unknown } }).__framelens?.extract(),
    });
    return result?.result;
  };
  const reading = performance.now();
  try {
    const answered = await withinTime(read(), deps.readTimeoutMs ?? READ_TIMEOUT_MS);
    measure('framelens:read', reading);
    if (!answered.inTime)
      return {
        status: 'error',
        message: 'This page is not responding, so Framelens cannot read it. Wait until it responds or reload it, then try again.',
      };
    answer = answered.value;
  } catch (e) {
    const message = errorText(e);
    const refused = forbiddenFromError(message);
    if (refused) return { status: 'forbidden', message: refused };
    return { status: 'error', message: t('errReadFailed', [message]) };
  }
  const result = await readResult(deps, answer);
  // The badge follows the answer instead of delaying it (three calls to the browser).
  void showRelatedCount(browser, tab.id, result);
  return result;
}

/** The promise's value if it settles within `ms`; a later failure of an abandoned promise is dropped. */
export async function withinTime<T>(promise: Promise<T>, ms: number): Promise<{ inTime: true; value: T } | { inTime: false }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ inTime: false }>((resolve) => {
    timer = setTimeout(() => resolve({ inTime: false }), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ inTime: true as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
    promise.catch(() => undefined);
  }
}

async function readResult(deps: AnalyzeDeps, answer: unknown): Promise<AnalyzeResponse> {
  const extracted = v.safeParse(ExtractResultSchema, answer);
  if (!extracted.success) return { status: 'error', message: t('errReaderNoAnswer') };
  if (!extracted.output.ok) return { status: 'no-article', message: extracted.output.message };
  return { status: 'ok', ...(await relatedCoverage(deps, extracted.output.article)) };
}

/**
 * The article's related archived coverage, best first (never itself or an archived copy of
 * it). During a large catch-up it covers the articles indexed so far and says how far
 * indexing is (`indexing`).
 */
export async function relatedCoverage(deps: Omit<AnalyzeDeps, 'browser'>, article: Article): Promise<Coverage> {
  const { archive } = deps;
  const looking = performance.now();
  const archivedRow = await archive.findStoredByUrl(article.url);
  measure('framelens:lookup', looking);
  const archivedCopy = archivedRow?.record ?? null;
  const exclude = new Set([article.id]);
  if (archivedCopy) exclude.add(archivedCopy.id);
  const { items: related, sameArticle } = await relatedItems(deps, article, exclude, RELATED_TOP);
  const saved = archivedCopy !== null || sameArticle;
  const capturedAt = archivedRow?.origin === 'captured' ? { capturedAt: archivedRow.savedAt } : {};
  const progress = deps.matches.progress();
  const indexing = progress && progress.total - progress.indexed > 0 ? { indexing: progress } : {};
  // The match index's size is the archive's once it has caught up (and what was searched
  // before): IndexedDB's count() walks the whole store (130-170 ms at 10k in Chromium).
  return { article, saved, related, ...capturedAt, archiveSize: deps.matches.size, ...indexing };
}
