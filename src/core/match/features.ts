import { stemmer } from 'stemmer';
import { isStopword, tokenize, type Token } from '../text';
import type { ArticleRecord } from '../types';
import { atSentenceStart, extractEntities, foldKey } from './entities';
import { sketchWords } from './sketch';

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

export function extractFeatures(record: ArticleRecord): RecordFeatures {
  const f: RecordFeatures = {
    title: new Map(),
    lead: new Map(),
    body: new Map(),
    entities: new Map(),
    numbers: new Map(),
    day: dayOf(record.published),
    sketch: sketchWords([]),
    surface: new Map(),
  };
  const titleTokens = tokenize(record.title ?? '');
  const text = record.text ?? '';
  const tokens = tokenize(text);

  for (const t of titleTokens) {
    const key = contentKey(t, f);
    if (key) {
      bump(f.title, key);
      bump(f.body, key);
      if (!f.surface.has(key)) f.surface.set(key, t.lower);
    }
  }
  const end = leadEnd(text, tokens);
  for (const t of tokens) {
    const key = contentKey(t, f);
    if (!key) continue;
    bump(f.body, key);
    if (t.start < end) bump(f.lead, key);
    if (!f.surface.has(key)) f.surface.set(key, atSentenceStart(text, t.start) ? t.lower : t.text);
  }
  for (const e of extractEntities(text, tokens)) {
    const key = ENTITY_PREFIX + e.key;
    bump(f.entities, key);
    if (!f.surface.has(key)) f.surface.set(key, e.surface);
  }
  f.sketch = sketchWords(tokens.map((t) => foldKey(t.lower)));
  return f;
}

/** The stem of a content word; numbers go to `f.numbers` instead (and yield null). */
function contentKey(t: Token, f: RecordFeatures): string | null {
  const c = t.lower.charCodeAt(0);
  if (c < 128 ? c >= 48 && c <= 57 : DIGIT.test(t.lower)) {
    const key = numberKey(t.lower);
    if (key) {
      bump(f.numbers, key);
      if (!f.surface.has(key)) f.surface.set(key, t.text);
    }
    return null;
  }
  if (t.lower.length < 2 || isStopword(t.lower)) return null;
  return stemOf(t.lower);
}

/**
 * Folded Porter stems of lower-cased words, cached: the same words recur across an archive,
 * and a bulk import stems hundreds of thousands of tokens. The cache is bounded (cleared
 * when full, ~3 MB at most), since every entry is memory the index pays for at any size.
 */
const STEM_CACHE_SIZE = 1 << 15;
const stemCache = new Map<string, string>();

function stemOf(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = stemmer(foldKey(lower));
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stemCache.set(lower, s);
  }
  return s;
}
