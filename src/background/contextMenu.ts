import type { Browser, Menus, Tabs } from 'webextension-polyfill';

/**
 * "Compare coverage" in the context menu (the "contextMenus" permission):
 *  - on selected text, the options page searching the archive for the selection;
 *  - on a page, the popup's analysis of that page (the click grants activeTab for the tab,
 *    as a toolbar click would).
 * Firefox for Android has no context menus: without the API the entry is simply not offered.
 */
export const COMPARE_MENU_ID = 'framelens-compare-coverage';
/** The longest selection searched for: a headline or a sentence, not a whole article. */
const MAX_QUERY_CHARS = 500;

type MenusApi = Browser['contextMenus'] | undefined;

export function createCompareMenu(browser: Browser): void {
  const menus = browser.contextMenus as MenusApi;
  if (!menus) return;
  // Created on install and update only (menus persist); removeAll first so an update does not duplicate it.
  void menus
    .removeAll()
    .then(() => {
      menus.create({
        id: COMPARE_MENU_ID,
        title: browser.i18n.getMessage('contextCompareCoverage') || 'Compare coverage',
        contexts: ['page', 'selection'],
      });
    })
    .catch((e: unknown) => console.warn('Framelens: context menu not created', e));
}

/** The options page searching the archive for the selected text, or null when nothing usable was selected. */
export function searchPageUrl(browser: Browser, info: Menus.OnClickData): string | null {
  if (info.menuItemId !== COMPARE_MENU_ID) return null;
  const query = (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  if (!query) return null;
  return browser.runtime.getURL(`options.html?q=${encodeURIComponent(query)}`);
}

/**
 * A click on the entry. On a page: the toolbar popup where `action.openPopup` works (Chrome
 * 127+, Firefox with the click as user action), else the popup opened in a tab next to the
 * page, as `popup.html?tab=<id>`.
 */
export async function onCompareMenuClick(browser: Browser, info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== COMPARE_MENU_ID) return;
  const search = searchPageUrl(browser, info);
  if (search) {
    await browser.tabs.create({ url: search });
    return;
  }
  if (tab?.id === undefined) return;
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?tab=${tab.id}`), index: tab.index + 1 });
  }
}
