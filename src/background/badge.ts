import type { Browser } from 'webextension-polyfill';
import type { AnalyzeResponse } from '../shared/messages';

/** Same-story coverage the popup lists first (the matcher's sameStory, as the popup splits it). */
export function sameStoryCount(result: AnalyzeResponse): number {
  return result.status === 'ok' ? result.related.filter((r) => r.sameStory !== false).length : 0;
}

/**
 * Shows on the toolbar icon, for this tab only, how many same-story articles the archive
 * holds for the page just read; nothing when there are none or the page could not be read.
 * The badge is a hint, never a reason to fail the analysis.
 */
export async function showRelatedCount(browser: Browser, tabId: number, result: AnalyzeResponse): Promise<void> {
  const count = sameStoryCount(result);
  try {
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b6bcb' });
  } catch (e) {
    console.warn('Framelens: badge not updated', e);
  }
}

/** A page that starts loading is a new page: its predecessor's count no longer applies. */
export function clearOnNavigation(browser: Browser, tabId: number, status: string | undefined): void {
  if (status !== 'loading') return;
  void browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
}
