import type { Article } from '../core/types';
import { getBrowser } from '../shared/browser';
import { send } from '../ui/client';
import type { AnalyzeResponse, Coverage } from '../shared/messages';
import type { FramingReport } from '../core/framing/types';
import { errorText } from '../core/errors';

/**
 * The popup's one connector to the background. A popup opened in a tab (tests, or a reader
 * who pins it) names its target with `?tab=<id>`; the toolbar popup uses the active tab.
 */
export function targetTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * The analysis of the popup's tab. It never rejects: the answer may arrive before anything
 * listens (main.tsx asks while the page is still starting), and a failure is one of the
 * popup's states like the others. The `framelens:ask` and `framelens:answer` marks on the
 * page's performance timeline let `npm run bench -- popup` split click-to-result time.
 */
export async function analyzeTab(tabId: number | undefined): Promise<AnalyzeResponse> {
  performance.mark('framelens:ask');
  try {
    return await send('tab/analyze', tabId === undefined ? {} : { tabId });
  } catch (e) {
    return { status: 'error', message: errorText(e) };
  } finally {
    performance.mark('framelens:answer');
  }
}

/** The related coverage of an article already read (asked again while new articles are being indexed). */
export function relatedTo(article: Article): Promise<Coverage> {
  return send('tab/related', { article });
}

export function saveArticle(article: Article): Promise<{ id: string; created: boolean }> {
  return send('archive/save', { article });
}

export async function compareWith(article: Article, id: string): Promise<FramingReport> {
  return (await send('framing/compare', { article, ids: [id] })).report;
}

/** URL of the full comparison page for this tab's article against `ids`. */
export function compareUrl(tabId: number | undefined, ids: string[]): string {
  const params = new URLSearchParams();
  if (tabId !== undefined) params.set('tab', String(tabId));
  params.set('ids', ids.join(','));
  return getBrowser().runtime.getURL(`compare.html?${params.toString()}`);
}

export function openOptions(): void {
  void getBrowser().runtime.openOptionsPage();
}

export function openPage(url: string): void {
  void getBrowser().tabs.create({ url });
}
