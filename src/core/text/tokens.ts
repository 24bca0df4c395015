import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords';

/** A word in a text, with its offsets so the UI can highlight it in place. */
export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased, curly apostrophes folded, diacritics kept. */
  lower: string;
  start: number;
  end: number;
}

// Letters and digits, allowing inner apostrophes and hyphens (don't, re-education, 1,000).
const WORD = /[\p{L}\p{N}]+(?:[''’\-.,][\p{L}\p{N}]+)*/gu;

/** Splits text into word tokens with offsets. Punctuation is dropped. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // "1,000" and "3.5" stay whole; "end.Next" (missing space) splits on the period.
    if (/[.,]/.test(word) && !/^\d[\d.,]*\d$/.test(word)) {
      let offset = m.index;
      for (const part of word.split(/[.,]/)) {
        if (part) out.push(makeToken(part, offset));
        offset += part.length + 1;
      }
      continue;
    }
    if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
    out.push(makeToken(word, m.index));
  }
  return out;
}

function makeToken(word: string, start: number): Token {
  return { text: word, lower: normalizeWord(word), start, end: start + word.length };
}

/** Lower-cases and folds typographic apostrophes. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'");
}

const stemCache = new Map<string, string>();

/** Porter stem of a lower-cased word, cached (the same words recur across an archive). */
export function stem(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = /^\p{N}/u.test(lower) ? lower : stemmer(lower);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(lower, s);
  }
  return s;
}

export function isStopword(lower: string): boolean {
  return STOPWORDS.has(lower);
}

/** Content words of a text, stemmed, stopwords and one-letter words removed. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (t.lower.length < 2 || STOPWORDS.has(t.lower)) continue;
    out.push(stem(t.lower));
  }
  return out;
}

/** A word that starts with a capital letter (a candidate name). */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
