import type { Browser, Menus, Tabs } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { COMPARE_MENU_ID, createCompareMenu, onCompareMenuClick, searchPageUrl } from '../../src/background/contextMenu';
import { makeFakeBrowser } from './support/background-fake-browser';

describe('the "Compare coverage" context menu on selected text', () => {
  const { browser } = makeFakeBrowser();
  const click = (selectionText: string | undefined, menuItemId: string = COMPARE_MENU_ID) =>
    searchPageUrl(browser, { menuItemId, selectionText, editable: false, modifiers: [] });

  it('opens the options page searching for the selection', () => {
    expect(click('  Xinjiang & the UN ')).toBe('chrome-extension://framelens-test-id/options.html?q=Xinjiang%20%26%20the%20UN');
  });

  it('ignores other menus and empty selections', () => {
    expect(click('x', 'other')).toBeNull();
    expect(click('   ')).toBeNull();
    expect(click(undefined)).toBeNull();
  });
});

/** Records what the context-menu code asks of the browser. */
function fakeBrowser(options: { openPopup?: () => Promise<void> } = {}) {
  const calls: Array<[string, unknown]> = [];
  const record = (name: string) => async (arg?: unknown) => {
    calls.push([name, arg]);
  };
  const browser = {
    runtime: { getURL: (path: string) => `chrome-extension://id/${path}` },
    i18n: {
      getMessage: (key: string, subs?: string[]) =>
        (({ contextCompareCoverage: 'Compare coverage', badgeTitle_one: `${subs?.[0]} related article` }) as Record<string, string>)[key] ??
        '',
      getUILanguage: () => 'en',
    },
    tabs: { create: record('tabs.create') },
    action: { openPopup: options.openPopup ?? record('action.openPopup') },
    contextMenus: { removeAll: record('contextMenus.removeAll'), create: (props: unknown) => calls.push(['contextMenus.create', props]) },
  };
  return { browser: browser as unknown as Browser, calls };
}

const page = { id: 4, index: 2 } as Tabs.Tab;
const click = (extra: Partial<Menus.OnClickData> = {}) =>
  ({ menuItemId: COMPARE_MENU_ID, editable: false, modifiers: [], ...extra }) as Menus.OnClickData;

describe('the "Compare coverage" context menu', () => {
  it('is offered on pages and on selected text, with its localized title', async () => {
    const { browser, calls } = fakeBrowser();
    createCompareMenu(browser);
    await expect.poll(() => calls.length).toBe(2);
    expect(calls[1]).toEqual(['contextMenus.create', { id: COMPARE_MENU_ID, title: 'Compare coverage', contexts: ['page', 'selection'] }]);
  });

  it('searches the archive for selected text on the options page', async () => {
    const { browser, calls } = fakeBrowser();
    await onCompareMenuClick(browser, click({ selectionText: '  Uyghur\n camps ' }), page);
    expect(calls).toEqual([['tabs.create', { url: 'chrome-extension://id/options.html?q=Uyghur%20camps' }]]);
  });

  it('opens the popup for the page, or the popup in a tab beside it where openPopup is refused', async () => {
    const opened = fakeBrowser();
    await onCompareMenuClick(opened.browser, click(), page);
    expect(opened.calls).toEqual([['action.openPopup', undefined]]);
    const refused = fakeBrowser({ openPopup: () => Promise.reject(new Error('not supported')) });
    await onCompareMenuClick(refused.browser, click(), page);
    expect(refused.calls).toEqual([['tabs.create', { url: 'chrome-extension://id/popup.html?tab=4', index: 3 }]]);
  });

  it('ignores other menu entries', async () => {
    const { browser, calls } = fakeBrowser();
    await onCompareMenuClick(browser, click({ menuItemId: 'other' }), page);
    expect(calls).toEqual([]);
  });
});
