/**
 * The article's most distinctive names and terms, for a search query: names (runs of
 * capitalised words, as the matcher finds them) mentioned often and in the headline, then
 * headline words the text repeats, each weighed by how rare it is in other articles (the
 * archive's or the bundled sample's). A name carries a story far better than a common word,
 * so names come first; each in the form other reports write too: the place as the article
 * writes it most ("Xinjiang", not the "Xinjiang Autonomous Region" of its first mention), a
 * person by surname when the article does so after the first mention ("Comey").
 */
import { extractEntities, foldKey } from '../match/entities';
import { STOPWORDS, tokenize } from '../text';
import type { ArticleRecord } from '../types';
import { NO_CONTEXT, type DocFrequency } from './frequency';
import { nameParts, PLACE_TAIL, ROLES } from './names';

export { ContextFrequency, type DocFrequency } from './frequency';

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
  return QUERY_WORD.test(lower) && !STOPWORDS.has(lower) && !NEWS_COMMON.has(lower) && !ROLES.has(lower);
}

/**
 * Ranked query terms: names first by mentions (headline mentions count triple), then
 * headline words by how often the text uses them. A name's single words (a surname) are
 * dropped when the full name is kept.
 */
export function queryTerms(
  article: Pick<ArticleRecord, 'title' | 'text' | 'outlet'>,
  limit = 8,
  df: DocFrequency = NO_CONTEXT,
): QueryTerm[] {
  const title = article.title ?? '';
  const text = article.text ?? '';
  const outlet = foldKey(article.outlet ?? '');
  const titleFolded = ` ${foldKey(
    tokenize(title)
      .map((t) => t.text)
      .join(' '),
  )} `;
  const names = new Map<string, QueryTerm>();
  const mentions = new Map<string, number>();
  // Names from the text only: headlines in Title Case make every word look like a name.
  // Where each name is first mentioned: a full name is introduced before its short form.
  const first = new Map<string, number>();
  let order = 0;
  for (const e of extractEntities(text, tokenize(text))) {
    order++;
    for (const surface of nameParts(e.surface)) {
      const key = foldKey(surface.replace(/’/g, "'"));
      if (key.length < 3 || STOPWORDS.has(key) || NEWS_COMMON.has(key) || key === outlet || key.startsWith(`${outlet} `)) continue;
      const term = names.get(key) ?? { text: surface, key, phrase: /\s/.test(surface), name: true, weight: 0 };
      term.weight += 1;
      names.set(key, term);
      mentions.set(key, (mentions.get(key) ?? 0) + 1);
      if (!first.has(key)) first.set(key, order);
    }
  }
  for (const term of names.values()) {
    if (titleFolded.includes(` ${term.key} `)) term.weight *= 3;
    // Longer names are more specific; a single short acronym is the least.
    if (term.phrase) term.weight *= 1.5;
  }
  // Two names run together ("the United States Donald Trump") are two names when each is one elsewhere.
  for (const t of [...names.values()]) {
    const parts = t.key.split(' ');
    for (let cut = 1; t.phrase && cut < parts.length; cut++) {
      const left = names.get(parts.slice(0, cut).join(' '));
      const right = names.get(parts.slice(cut).join(' '));
      if (left && right && left !== t && right !== t) {
        left.weight += t.weight;
        right.weight += t.weight;
        names.delete(t.key);
        break;
      }
    }
  }
  // An official long form ("Xinjiang Autonomous Region") names the place its head names, and
  // reports write the head alone: when the article itself does so as often, the head is the term.
  for (const long of [...names.values()]) {
    const words = long.key.split(' ');
    if (!long.phrase || !PLACE_TAIL.has(words[words.length - 1]!)) continue;
    const heads = words
      .slice(1)
      .map((_, i) => names.get(words.slice(0, i + 1).join(' ')))
      .filter((h): h is QueryTerm => !!h);
    const head = heads.sort((a, b) => mentions.get(b.key)! - mentions.get(a.key)!)[0];
    if (!head || mentions.get(head.key)! < mentions.get(long.key)!) continue;
    head.weight += long.weight;
    mentions.set(head.key, mentions.get(head.key)! + mentions.get(long.key)!);
    names.delete(long.key);
  }
  // A demonym beside its place ("North Korean" and "North Korea", "Russian" and "Russia",
  // "Israeli" and "Israel") is one term: reports write either, and the place more surely.
  const demonyms = new Set<string>();
  for (const t of [...names.values()]) {
    const bases = ['n', 'an', 'ian', 'i']
      .filter((end) => t.key.length > end.length + 2 && t.key.endsWith(end))
      .map((end) => t.key.slice(0, -end.length));
    const place = bases
      .flatMap((b) => [b, `${b}a`])
      .map((k) => names.get(k))
      .find((p) => p && p !== t);
    if (!place) continue;
    place.weight += t.weight;
    mentions.set(place.key, mentions.get(place.key)! + mentions.get(t.key)!);
    names.delete(t.key);
    for (const w of t.key.split(' ')) demonyms.add(w);
  }
  // A surname alone adds nothing once the full name is a term: fold its weight into the name
  // it ends (the most mentioned one: "Trump" is Donald Trump's, not Melania Trump's), else
  // into a name holding it. When the article writes the surname alone at
  // least as often as the full name, as reports name a person after the first mention, the
  // query asks for the surname: other outlets may never write the first name at all (not for
  // a short one such as "Kim", which names too many people).
  // First names of people the query names by surname: not headline words either.
  const given = new Set<string>();
  const phrases = [...names.values()].filter((t) => t.phrase).sort((a, b) => mentions.get(b.key)! - mentions.get(a.key)!);
  for (const t of [...names.values()]) {
    if (t.phrase) continue;
    const ends = phrases.find((p) => p.key.endsWith(` ${t.key}`));
    // A word some longer name holds is that name's short form when the name came first ("Kim"
    // after "Kim Jong Un"), not when the word did ("Trump", then once "Trump Tower").
    const shortOf = (p: QueryTerm) => ` ${p.key} `.includes(` ${t.key} `) && (first.get(p.key) ?? 0) <= (first.get(t.key) ?? 0);
    const owner = ends ?? phrases.find(shortOf);
    if (!owner || !names.has(owner.key)) continue;
    owner.weight += t.weight / 2;
    names.delete(t.key);
    if (ends && t.key.length >= 4 && mentions.get(t.key)! >= mentions.get(owner.key)! && !df.lowercase(t.text)) {
      names.delete(owner.key);
      const short = { ...owner, text: t.text, key: t.key, phrase: false };
      for (const w of owner.key.split(' ')) given.add(w);
      names.set(t.key, short);
      mentions.set(t.key, mentions.get(t.key)! + mentions.get(owner.key)!);
      const i = phrases.indexOf(owner);
      phrases.splice(i, 1);
    }
  }
  for (const t of names.values()) t.weight *= df.rarity(t.key);
  const ranked = [...names.values()].sort(byWeight).slice(0, Math.ceil(limit * 0.6));
  // A headline word the query's names already carry adds nothing; one only a minor name holds
  // ("memos" of a passing "James Comey Memos") is still the story's word.
  const nameWords = new Set(ranked.flatMap((t) => t.key.split(' ')).concat([...given, ...demonyms]));
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) counts.set(foldKey(t.lower), (counts.get(foldKey(t.lower)) ?? 0) + 1);
  const words = new Map<string, QueryTerm>();
  for (const t of tokenize(title.replace(/-/g, ' '))) {
    const key = foldKey(t.lower);
    if (!usableWord(t.lower) || nameWords.has(key) || words.has(key)) continue;
    words.set(key, { text: t.lower, key, phrase: false, name: false, weight: (0.5 + (counts.get(key) ?? 0) * 0.5) * df.rarity(key) });
  }
  const rest = [...words.values()].sort(byWeight);
  return [...ranked, ...rest].slice(0, limit).sort(byWeight);
}

function byWeight(a: QueryTerm, b: QueryTerm): number {
  return b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The query ladder: at most three queries, each sent only when the earlier ones found too
 * little. A report of the story rarely uses every distinctive term of another outlet's, but
 * it nearly always names the main actor with the headline's subject or the two main actors
 * together: so the queries are the pairs of the three strongest terms (the two names and the
 * headline word), each pair all required, and a report with any two of the three is found.
 * Each later pair lacks one term of every earlier one, so it brings reports they could not.
 * Duplicate steps are dropped.
 */
export function relaxationSteps(terms: readonly QueryTerm[]): QueryTerm[][] {
  if (!terms.length) return [];
  const names = terms.filter((t) => t.name);
  const words = terms.filter((t) => !t.name);
  const trio = [...names.slice(0, 2), ...words.slice(0, 1)];
  for (const t of terms) if (trio.length < 3 && !trio.includes(t)) trio.push(t);
  const [a, b, c] = trio;
  const ladder = [
    [a, c],
    [b, c],
    [a, b],
  ].map((step) => step.filter((t): t is QueryTerm => !!t));
  const out: QueryTerm[][] = [];
  const seen = new Set<string>();
  for (const step of ladder) {
    const key = step
      .map((t) => t.key)
      .sort()
      .join('|');
    if (!step.length || seen.has(key)) continue;
    seen.add(key);
    out.push(step);
  }
  return out;
}
