import { stemmer } from 'stemmer';
import { isStopword, tokenizeArticle, type ArticleTokens, type Token } from '../text';
import type { ArticleRecord } from '../types';
import { atSentenceStart, extractEntities, foldKey } from './entities';
import { hashString, sketchHashes } from './sketch';

/**
 * What the matcher reads from a record: term counts per field (Miranda et al. 2018,
 * "Multilingual Clustering of Streaming News", keep title, body and entities as separate
 * sub-vectors), numbers, the publication day and a near-duplicate sketch. `story` is never read.
 */
export interface RecordFeatures {
  /** Stem → count in the title. */
  title: Map<string, number>;
  /** Stem → count in the lead (first two paragraphs, at most LEAD_WORDS words). */
  lead: Map<string, number>;
  /** Stem → count in title and text together. */
  body: Map<string, number>;
  /** ENTITY_PREFIX + folded name → mentions. */
  entities: Map<string, number>;
  /** NUMBER_PREFIX + normalised number → mentions. */
  numbers: Map<string, number>;
  /** Days since 1970-01-01 (UTC), null when unknown. */
  day: number | null;
  /** MinHash of the text's word 4-grams. */
  sketch: Uint32Array;
  /** Key → the words as first written, for reasons a reader can read. */
  surface: Map<string, string>;
}

export const LEAD_WORDS = 60;
export const ENTITY_PREFIX = '@';
export const NUMBER_PREFIX = '#';

/** Day number of an ISO date, null when absent or unreadable. */
export function dayOf(published: string | null | undefined): number | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : null;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const DIGIT = /^\p{N}/u;

/** Number key: "1,000" → "1000"; single digits carry no story identity and are skipped. */
function numberKey(word: string): string | null {
  const n = word.replace(/,/g, '');
  return n.length >= 2 ? NUMBER_PREFIX + n : null;
}

/** End offset of the lead: two paragraphs or LEAD_WORDS tokens, whichever ends first. */
function leadEnd(text: string, tokens: Token[]): number {
  const first = text.indexOf('\n\n');
  const second = first < 0 ? -1 : text.indexOf('\n\n', first + 2);
  const byParagraphs = second < 0 ? text.length : second;
  const byWords = tokens.length > LEAD_WORDS ? tokens[LEAD_WORDS]!.start : text.length;
  return Math.min(byParagraphs, byWords);
}

/**
 * The features of a record. `tokens`: its title and text already tokenised (shared with the
 * archive catalog on a bulk import). `surface` false skips the readable forms, which only a
 * query's reasons read: an archived article never needs them.
 */
export function extractFeatures(record: ArticleRecord, tokens?: ArticleTokens, surface = true): RecordFeatures {
  const f: RecordFeatures = {
    title: new Map(),
    lead: new Map(),
    body: new Map(),
    entities: new Map(),
    numbers: new Map(),
    day: dayOf(record.published),
    sketch: sketchHashes([]),
    surface: new Map(),
  };
  const { title: titleTokens, text: textTokens } = tokens ?? tokenizeArticle(record);
  const text = record.text ?? '';

  for (const t of titleTokens) {
    const key = contentKey(t, wordInfo(t.lower), f, surface);
    if (key) {
      bump(f.title, key);
      bump(f.body, key);
      if (surface && !f.surface.has(key)) f.surface.set(key, t.lower);
    }
  }
  const end = leadEnd(text, textTokens);
  const hashes = new Array<number>(textTokens.length);
  for (let i = 0; i < textTokens.length; i++) {
    const t = textTokens[i]!;
    const info = wordInfo(t.lower);
    hashes[i] = info.hash;
    const key = contentKey(t, info, f, surface);
    if (!key) continue;
    bump(f.body, key);
    if (t.start < end) bump(f.lead, key);
    if (surface && !f.surface.has(key)) f.surface.set(key, atSentenceStart(text, t.start) ? t.lower : t.text);
  }
  for (const e of extractEntities(text, textTokens)) {
    const key = ENTITY_PREFIX + e.key;
    bump(f.entities, key);
    if (surface && !f.surface.has(key)) f.surface.set(key, e.surface);
  }
  f.sketch = sketchHashes(hashes);
  return f;
}

/** The stem of a content word; numbers go to `f.numbers` instead (and yield null). */
function contentKey(t: Token, info: WordInfo, f: RecordFeatures, surface: boolean): string | null {
  if (info.number !== undefined) {
    if (info.number !== null) {
      bump(f.numbers, info.number);
      if (surface && !f.surface.has(info.number)) f.surface.set(info.number, t.text);
    }
    return null;
  }
  return info.key;
}

/**
 * What the matcher reads of a lower-cased word, worked out once: its content key (the folded
 * Porter stem; null for stopwords and one-letter words), its number key when it is a number
 * (null when too short to tell a story apart), and the hash of its folded form for the sketch.
 */
interface WordInfo {
  key: string | null;
  number: string | null | undefined;
  hash: number;
}

function computeInfo(lower: string): WordInfo {
  const hash = hashString(foldKey(lower));
  const c = lower.charCodeAt(0);
  if (c < 128 ? c >= 48 && c <= 57 : DIGIT.test(lower)) return { key: null, number: numberKey(lower), hash };
  const key = lower.length < 2 || isStopword(lower) ? null : stemmer(foldKey(lower));
  return { key, number: undefined, hash };
}

/**
 * Word information, cached: the same words recur across an archive, and a bulk import reads
 * hundreds of thousands of tokens. Two generations of at most WORD_CACHE_SIZE entries each
 * (a word used in the last generation moves to the new one), so common words stay cached
 * while the memory stays bounded (a few MB) at any archive size.
 */
const WORD_CACHE_SIZE = 1 << 14;
let words = new Map<string, WordInfo>();
let previous = new Map<string, WordInfo>();

function wordInfo(lower: string): WordInfo {
  let info = words.get(lower);
  if (info !== undefined) return info;
  info = previous.get(lower) ?? computeInfo(lower);
  if (words.size >= WORD_CACHE_SIZE) {
    previous = words;
    words = new Map();
  }
  words.set(lower, info);
  return info;
}
