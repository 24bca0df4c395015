/**
 * The archive search's words: lower case without accents, split on anything that is not
 * a letter or a digit, so "Uyghur" finds "uyghur" and "Zürich" finds "zurich". The index
 * and the query use the same function, so what is indexed is what can be found.
 */
export function searchWords(text: string): string[] {
  // match() is about twice as fast as split() with a filter on news text.
  return fold(text).match(WORD) ?? [];
}

const WORD = /[\p{L}\p{N}]+/gu;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Decomposing is the costly part; only text with accented letters needs it.
  return LATIN_ACCENTED.test(lower) ? lower.normalize('NFKD').replace(/\p{M}+/gu, '') : lower;
}

const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/;
