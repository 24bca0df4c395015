import type { Browser, Menus } from 'webextension-polyfill';

/**
 * "Search the Framelens archive for …" on selected text: opens the options page with the
 * selection as its search. Needs the "contextMenus" permission; without it (the API is
 * absent) the menu is simply not offered.
 */
export const SEARCH_MENU_ID = 'framelens-search-archive';

export function createSearchMenu(browser: Browser): void {
  const menus = browser.contextMenus as Browser['contextMenus'] | undefined;
  if (!menus) return;
  // Created on install and update only (menus persist); removeAll first so an update does not duplicate it.
  void menus.removeAll().then(() => {
    menus.create({ id: SEARCH_MENU_ID, title: 'Search the Framelens archive for “%s”', contexts: ['selection'] });
  }).catch((e: unknown) => console.warn('Framelens: context menu not created', e));
}

export function searchPageUrl(browser: Browser, info: Menus.OnClickData): string | null {
  if (info.menuItemId !== SEARCH_MENU_ID) return null;
  const query = (info.selectionText ?? '').trim().slice(0, 500);
  if (!query) return null;
  return browser.runtime.getURL(`options.html?q=${encodeURIComponent(query)}`);
}
