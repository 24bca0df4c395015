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
    // The button's title says it in words: screen readers announce the title, not the badge.
    await browser.action.setTitle({ tabId, title: count > 0 ? badgeTitle(browser, count) : browser.i18n.getMessage('actionTitle') });
  } catch (e) {
    console.warn('Framelens: badge not updated', e);
  }
}

/** "Framelens: 3 related articles in your archive", in the plural form the UI language needs (CLDR). */
export function badgeTitle(browser: Browser, count: number): string {
  const form = new Intl.PluralRules(browser.i18n.getUILanguage()).select(count);
  return browser.i18n.getMessage(`badgeTitle_${form}`, [String(count)]) || browser.i18n.getMessage('badgeTitle_other', [String(count)]);
}

/** A page that starts loading is a new page: its predecessor's count no longer applies. */
export function clearOnNavigation(browser: Browser, tabId: number, status: string | undefined): void {
  if (status !== 'loading') return;
  void browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
}
