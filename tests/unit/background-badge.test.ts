import type { Browser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { badgeTitle } from '../../src/background/badge';

/** Just the i18n the button title reads. */
const browser = {
  i18n: {
    getMessage: (key: string, subs?: string[]) =>
      (({ badgeTitle_one: `${subs?.[0]} related article` }) as Record<string, string>)[key] ?? '',
    getUILanguage: () => 'en',
  },
} as unknown as Browser;

describe('the toolbar button title', () => {
  it('says the related count in words, in the right plural form', () => {
    expect(badgeTitle(browser, 1)).toBe('1 related article');
  });
});
