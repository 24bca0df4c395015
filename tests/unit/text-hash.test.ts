/**
 * FNV-1a keeps the values ids and samples were stored with: record ids of long URLs and
 * text-only pages, feed item ids without guid or link, the term background's sample order.
 * The expected values were computed by the hash's earlier copies in those modules.
 */
import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aHex } from '../../src/core/text/hash';

const KNOWN: Array<[string, number, string]> = [
  ['', 2166136261, '811c9dc5'],
  ['a', 3826002220, 'e40c292c'],
  ['foobar', 3214735720, 'bf9cf968'],
  ['https://www.cbc.ca/news/world/china-uyghur-1.5960000', 824853403, '312a439b'],
  ['Uyghur – “quoted” é 😀', 2621748439, '9c44b4d7'],
];

describe('fnv1a', () => {
  it.each(KNOWN)('hashes %j to the stored value', (text, value, hex) => {
    expect(fnv1a(text)).toBe(value);
    expect(fnv1aHex(text)).toBe(hex);
  });

  it('is an unsigned 32-bit integer and pads its hex form to 8 digits', () => {
    for (const text of ['x', 'yy', 'zzz', 'a longer line of text']) {
      const h = fnv1a(text);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
      expect(fnv1aHex(text)).toMatch(/^[0-9a-f]{8}$/);
    }
  });
});
