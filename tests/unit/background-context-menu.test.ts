import { describe, expect, it } from 'vitest';
import { COMPARE_MENU_ID, searchPageUrl } from '../../src/background/contextMenu';
import { makeFakeBrowser } from './background-fake-browser';

describe('the "Compare coverage" context menu on selected text', () => {
  const { browser } = makeFakeBrowser();
  const click = (selectionText: string | undefined, menuItemId: string = COMPARE_MENU_ID) => searchPageUrl(browser, { menuItemId, selectionText, editable: false, modifiers: [] });

  it('opens the options page searching for the selection', () => {
    expect(click('  Xinjiang & the UN ')).toBe('chrome-extension://framelens-test-id/options.html?q=Xinjiang%20%26%20the%20UN');
  });

  it('ignores other menus and empty selections', () => {
    expect(click('x', 'other')).toBeNull();
    expect(click('   ')).toBeNull();
    expect(click(undefined)).toBeNull();
  });
});
