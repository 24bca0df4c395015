import { isStopword } from '../text';
import type { PreparedArticle } from './prepare';

/** A word or phrase occurrence: its stem key, its surface text and the sentence it is in. */
export interface Gram {
  key: string;
  surface: string;
  sentence: number;
}

const MAX_N = 3;

/** A token that may start or end a phrase: a content word, not a bare number. */
function isContent(lower: string): boolean {
  return lower.length > 1 && !isStopword(lower) && !/^\d[\d.,]*$/.test(lower);
}

/**
 * Words and phrases of the usable sentences: content unigrams, and bigrams/trigrams that
 * neither start nor end with a stopword ("presumption of guilt", "forced labour"), keyed
 * by their stems so "camp"/"camps" count together. Words of the outlet's name are left out.
 */
export function articleGrams(p: PreparedArticle, sentenceIndexes: number[]): Gram[] {
  const out: Gram[] = [];
  const text = p.article.text;
  for (const si of sentenceIndexes) {
    const toks = p.tokens[si]!;
    const stems = p.stems[si]!;
    for (let i = 0; i < toks.length; i++) {
      const first = toks[i]!;
      if (!isContent(first.lower) || p.outletWords.has(first.lower)) continue;
      out.push({ key: stems[i]!, surface: first.text, sentence: si });
      for (let n = 2; n <= MAX_N && i + n <= toks.length; n++) {
        const last = toks[i + n - 1]!;
        const inner = toks.slice(i + 1, i + n - 1);
        if (inner.some((t) => p.outletWords.has(t.lower) || /^\d/.test(t.lower))) break;
        // Tokens separated by punctuation ("Xinjiang, China") do not form a phrase.
        const gap = text.slice(toks[i + n - 2]!.end, last.start);
        if (!/^\s+$/.test(gap)) break;
        if (!isContent(last.lower) || p.outletWords.has(last.lower)) continue;
        out.push({ key: stems.slice(i, i + n).join(' '), surface: text.slice(first.start, last.end), sentence: si });
      }
    }
  }
  return out;
}

/** Stem keys of a plain text, the same way as `articleGrams` (for archive-wide counts). */
export function textGramKeys(tokens: { lower: string; start: number; end: number }[], stems: string[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!isContent(first.lower)) continue;
    out.push(stems[i]!);
    for (let n = 2; n <= MAX_N && i + n <= tokens.length; n++) {
      const last = tokens[i + n - 1]!;
      if (!/^\s+$/.test(text.slice(tokens[i + n - 2]!.end, last.start))) break;
      if (tokens.slice(i + 1, i + n - 1).some((t) => /^\d/.test(t.lower))) break;
      if (!isContent(last.lower)) continue;
      out.push(stems.slice(i, i + n).join(' '));
    }
  }
  return out;
}
