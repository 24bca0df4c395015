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
  // Lower-casing the whole text once is cheaper than once a word, and gives the same
  // words when every character maps to one (same length) and no Greek capital sigma's
  // lower case depends on its neighbours (the only context-sensitive mapping).
  const lowered = text.toLowerCase();
  const whole = lowered.length === text.length && !text.includes('Σ') ? lowered : null;
  // exec with lastIndex: matchAll's iterator costs more per match, and this runs per article.
  const re = new RegExp(WORD);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let word = m[0];
    const at = m.index;
    // "1,000" and "3.5" stay whole; "end.Next" (missing space) splits on the period.
    if ((word.includes('.') || word.includes(',')) && !NUMBER.test(word)) {
      let offset = at;
      for (const part of word.split(/[.,]/)) {
        if (part) out.push(makeToken(part, offset, whole));
        offset += part.length + 1;
      }
      continue;
    }
    if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
    out.push(makeToken(word, at, whole));
  }
  return out;
}

const NUMBER = /^\d[\d.,]*\d$/;

function makeToken(word: string, start: number, lowered: string | null): Token {
  const end = start + word.length;
  const lower = lowered === null ? word.toLowerCase() : lowered.slice(start, end);
  return { text: word, lower: lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower, start, end };
}

/** Lower-cases and folds typographic apostrophes. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower;
}

/** An article's title and text as tokens, read once and shared by the indexes that take them. */
export interface ArticleTokens {
  title: Token[];
  text: Token[];
}

/** The tokens of a record's title and text (what MatchIndex.add and ArchiveCatalog.add read). */
export function tokenizeArticle(r: { title?: string | null; text?: string | null }): ArticleTokens {
  return { title: tokenize(r.title ?? ''), text: tokenize(r.text ?? '') };
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
