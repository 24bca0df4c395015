/** Dates, numbers and sizes follow the browser's UI language. */
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/options/bytes';
import { installI18n } from '../../src/shared/i18n';
import { formatDate, formatDateGap, formatScore } from '../../src/ui/format';

const inLanguage = (lang: string) => installI18n({ getMessage: () => '', getUILanguage: () => lang });

describe('formatting in the reader’s locale', () => {
  afterEach(() => installI18n(undefined));

  it('writes dates the reader’s way, in UTC so a date-only value never shifts a day', () => {
    inLanguage('de');
    expect(formatDate('2020-09-15')).toBe('15. Sept. 2020');
    inLanguage('en-US');
    expect(formatDate('2020-09-15')).toBe('Sep 15, 2020');
    expect(formatDate('2020-09-15', 'en-GB')).toBe('15 Sept 2020');
  });

  it('writes percentages and sizes with the locale’s digits and separators', () => {
    inLanguage('fr');
    expect(formatScore(0.873)).toMatch(/^87\s%$/);
    expect(formatBytes(1_500)).toMatch(/^1,5\sko$/);
    inLanguage('en');
    expect(formatBytes(999)).toBe('999 bytes');
  });

  it('falls back to the English messages when the browser has none', () => {
    inLanguage('de');
    expect(formatDateGap(3)).toBe('3 days apart');
    expect(formatDate(null)).toBe('date unknown');
  });
});
