/**
 * The article's most distinctive names and terms, for a search query. There is no corpus
 * frequency at hand (the reader's archive may be empty), so distinctiveness comes from the
 * article itself: names (runs of capitalised words, as the matcher finds them) mentioned
 * often and in the headline, then headline words the text repeats. A name carries a story
 * far better than a common word, so names come first.
 */
import { extractEntities, foldKey } from '../match/entities';
import { STOPWORDS, tokenize } from '../text';
import type { ArticleRecord } from '../types';

export interface QueryTerm {
  /** As written in the article ("Kim Jong Un", "summit"). */
  text: string;
  /** Folded key, one per term. */
  key: string;
  /** More than one word: sent as a quoted phrase. */
  phrase: boolean;
  name: boolean;
  weight: number;
}

// Words too common in news to narrow a search, beyond the stop words.
const NEWS_COMMON = new Set(
  `said says say told news report reports reported according year years week weeks day days time people new
  just like also first last one two three many much more most other over after before could would should
  make made get got take took back still even well way since around says including amid among while`.split(/\s+/),
);

/** Letters only, 3 or more (the provider's minimum for a keyword). */
const QUERY_WORD = /^\p{L}[\p{L}'’-]{2,}$/u;

function usableWord(lower: string): boolean {
  return QUERY_WORD.test(lower) && !STOPWORDS.has(lower) && !NEWS_COMMON.has(lower);
}

// Roles written before a name ("CIA Director Mike Pompeo"): other outlets name the person without them.
const ROLES = new Set(
  `president director counsel mayor minister secretary chairman chairwoman chair leader chief spokesman spokeswoman
  ambassador senator governor general judge attorney pm ceo king queen prince pope commissioner speaker`.split(/\s+/),
);

/**
 * The parts of a name run worth searching for: split at "and" and at "of" after a full
 * name ("Shinzo Abe of Japan"), roles and dotted initials dropped, hyphens as spaces (the
 * index reads "Kim Jong-un" as three words). Dotted acronyms ("F.B.I.") are left out.
 */
function nameParts(surface: string): string[] {
  if (/\p{L}\.\p{L}\./u.test(surface)) return [];
  const out: string[] = [];
  for (const part of surface.split(/\s+and\s+/)) {
    const of = /^(\S+\s+\S+.*?)\s+of\s+(.+)$/.exec(part);
    for (const piece of of ? [of[1]!, of[2]!] : [part]) {
      let words = piece.replace(/-/g, ' ').split(/\s+/).filter((w) => !/^\p{L}\.$/u.test(w));
      const role = words.map((w) => ROLES.has(w.toLowerCase())).lastIndexOf(true);
      if (role >= 0 && role < words.length - 1) words = words.slice(role + 1);
      if (words.length > 4 || !words.every((w) => /^\p{L}[\p{L}'’]*$/u.test(w))) continue;
      if (words.some((w) => w.length >= 3)) out.push(words.join(' '));
    }
  }
  return out;
}

/**
 * Ranked query terms: names first by mentions (headline mentions count triple), then
 * headline words by how often the text uses them. A name's single words (a surname) are
 * dropped when the full name is kept.
 */
export function queryTerms(article: Pick<ArticleRecord, 'title' | 'text'>, limit = 8): QueryTerm[] {
  const title = article.title ?? '';
  const text = article.text ?? '';
  const titleFolded = ` ${foldKey(tokenize(title).map((t) => t.text).join(' '))} `;
  const names = new Map<string, QueryTerm>();
  // Names from the text only: headlines in Title Case make every word look like a name.
  for (const e of extractEntities(text, tokenize(text))) {
    for (const surface of nameParts(e.surface)) {
      const key = foldKey(surface.replace(/’/g, "'"));
      if (key.length < 3 || STOPWORDS.has(key) || NEWS_COMMON.has(key)) continue;
      const term = names.get(key) ?? { text: surface, key, phrase: /\s/.test(surface), name: true, weight: 0 };
      term.weight += 1;
      names.set(key, term);
    }
  }
  for (const term of names.values()) {
    if (titleFolded.includes(` ${term.key} `)) term.weight *= 3;
    // Longer names are more specific; a single short acronym is the least.
    if (term.phrase) term.weight *= 1.5;
  }
  // A surname alone adds nothing once the full name is a term: fold its weight into the name.
  const phrases = [...names.values()].filter((t) => t.phrase);
  for (const t of [...names.values()]) {
    if (t.phrase) continue;
    const owner = phrases.find((p) => ` ${p.key} `.includes(` ${t.key} `));
    if (owner) {
      owner.weight += t.weight / 2;
      names.delete(t.key);
    }
  }
  const nameWords = new Set([...names.keys()].flatMap((k) => k.split(' ')));
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) counts.set(foldKey(t.lower), (counts.get(foldKey(t.lower)) ?? 0) + 1);
  const words = new Map<string, QueryTerm>();
  for (const t of tokenize(title.replace(/-/g, ' '))) {
    const key = foldKey(t.lower);
    if (!usableWord(t.lower) || nameWords.has(key) || words.has(key)) continue;
    words.set(key, { text: t.lower, key, phrase: false, name: false, weight: 0.5 + (counts.get(key) ?? 0) * 0.5 });
  }
  const ranked = [...names.values()].sort(byWeight).slice(0, Math.ceil(limit * 0.6));
  const rest = [...words.values()].sort(byWeight);
  return [...ranked, ...rest].slice(0, limit).sort(byWeight);
}

function byWeight(a: QueryTerm, b: QueryTerm): number {
  return b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The relaxation ladder: from the most specific query to the loosest, each a set of terms
 * all required: the two strongest names and the strongest headline word; the two names;
 * the strongest name with the headline word (another direction than the step before, so
 * a report naming only one of the two people is still found); the name alone. Duplicate
 * steps are dropped.
 */
export function relaxationSteps(terms: readonly QueryTerm[], steps = 3): QueryTerm[][] {
  if (!terms.length) return [];
  const names = terms.filter((t) => t.name);
  const words = terms.filter((t) => !t.name);
  const pick = (n: number, w: number): QueryTerm[] => {
    const chosen = [...names.slice(0, n), ...words.slice(0, w)];
    // Too few names: fill with more words, so a step never has fewer terms than asked.
    for (const t of terms) if (chosen.length < n + w && !chosen.includes(t)) chosen.push(t);
    return chosen;
  };
  const ladder = [pick(2, 1), pick(2, 0), pick(1, 1), pick(1, 0)];
  const out: QueryTerm[][] = [];
  const seen = new Set<string>();
  for (const step of ladder) {
    const key = step.map((t) => t.key).sort().join('|');
    if (!step.length || seen.has(key)) continue;
    seen.add(key);
    out.push(step);
  }
  return out.slice(0, steps);
}
