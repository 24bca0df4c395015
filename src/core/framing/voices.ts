import { stem, tokenize } from '../text';
import { isLoadedVerb } from './lexicon/speech-verbs';
import type { PreparedArticle } from './prepare';
import { extractQuotes, type Quote, type ScareQuote } from './quotes';
import type { VoiceEntry } from './types';

// Leading words that are titles or roles, not part of a person's name.
const TITLE_WORDS = new Set(
  `mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. prof prof. president prime minister secretary general chancellor senator governor
  representative speaker leader chief director spokesman spokeswoman spokesperson ambassador foreign state deputy vice former then
  commission council chairman chairwoman commissioner high attorney judge justice king queen prince princess pope premier mayor
  un eu us u.s. u.n. uk u.k. cia fbi nato white house german chinese french british american russian canadian north south korean
  japanese iranian israeli syrian supreme leader lawmaker congressman congresswoman house press`.split(/\s+/),
);

/** True when a speaker is a person or organisation named with capitals, not a description. */
function isName(speaker: string): boolean {
  return speaker.split(/\s+/).every((w) => /^[\p{Lu}\d]/u.test(w) || /^(von|van|der|den|de|la|le|du|da|bin|ibn|al|el|di|dos)$/.test(w));
}

/** "UN Secretary General Antonio Guterres" → "Antonio Guterres"; "Mr. Kim" → "Kim". */
export function personName(speaker: string): string {
  const words = speaker.split(/\s+/);
  while (words.length > 1 && TITLE_WORDS.has(words[0]!.toLowerCase())) words.shift();
  return words.join(' ');
}

/** Four-letter prefixes of content stems: "Chinese"/"China's", "spokesman"/"spokesperson" agree. */
function roleKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    if (t.lower.length < 3 || /^(the|a|an|for|of|from|at|with|in|to|on|and|one|another)$/.test(t.lower)) continue;
    out.add(stem(t.lower).slice(0, 4));
  }
  return out;
}

interface Named {
  name: string;
  role: string | null;
}

/**
 * Maps each raw speaker to one canonical name across all articles: titles stripped, a last
 * (or, for Chinese and Korean names, first) name alone merged with the full name that has
 * it, and an unnamed description ("a spokesperson for China's foreign ministry") merged
 * with the named speaker whose role the text gives in the same words.
 */
export function speakerCanonicalizer(perArticle: Quote[][]): (article: number, raw: string) => string {
  const fullNames = new Map<string, Named>();
  const rolesByArticle: Named[][] = perArticle.map(() => []);
  perArticle.forEach((quotes, i) => {
    for (const q of quotes) {
      if (!q.speaker || !isName(q.speaker)) continue;
      const name = personName(q.speaker);
      if (name.split(/\s+/).length >= 2 && !fullNames.has(name)) fullNames.set(name, { name, role: q.role });
      if (q.role) rolesByArticle[i]!.push({ name, role: q.role });
    }
  });
  const byPart = new Map<string, Set<string>>();
  for (const name of fullNames.keys()) {
    const parts = name.split(/\s+/);
    for (const p of [parts[0]!, parts[parts.length - 1]!]) {
      if (!byPart.has(p)) byPart.set(p, new Set());
      byPart.get(p)!.add(name);
    }
  }
  const canonicalName = (name: string): string => {
    if (name.split(/\s+/).length >= 2) return name;
    const options = byPart.get(name);
    return options && options.size === 1 ? [...options][0]! : name;
  };
  return (article, raw) => {
    if (isName(raw)) return canonicalName(personName(raw));
    const keys = roleKeys(raw);
    let best: string | null = null;
    let bestScore = 0;
    for (const r of rolesByArticle[article] ?? []) {
      const rk = roleKeys(r.role!);
      let n = 0;
      for (const k of keys) if (rk.has(k)) n++;
      const score = n / Math.max(1, keys.size);
      if (score > bestScore) [best, bestScore] = [canonicalName(r.name), score];
    }
    return best && bestScore >= 0.75 ? best : raw.replace(/^(the|a|an)\s+/i, '');
  };
}

export interface ArticleQuotes {
  quotes: Quote[];
  scare: ScareQuote[];
}

export function articleQuotes(p: PreparedArticle): ArticleQuotes {
  return extractQuotes(p.article.text, p.sentences, (i) => !p.skip[i]);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Who is quoted in each article, how often and at what length, with which verbs; a
 * voice is `only` when no other article quotes the same (canonical) speaker.
 */
export function voices(prepared: PreparedArticle[], quotes: ArticleQuotes[]): VoiceEntry[] {
  const canonical = speakerCanonicalizer(quotes.map((q) => q.quotes));
  const entries: (VoiceEntry & { index: number })[] = [];
  prepared.forEach((p, i) => {
    const bySpeaker = new Map<string, VoiceEntry & { index: number }>();
    for (const q of quotes[i]!.quotes) {
      if (!q.speaker) continue;
      const speaker = canonical(i, q.speaker);
      let e = bySpeaker.get(speaker);
      if (!e) bySpeaker.set(speaker, (e = { index: i, article: p.id, speaker, role: null, quotes: 0, words: 0, verbs: [], direct: 0, indirect: 0, loadedVerbs: [], sentences: [], items: [] }));
      e.quotes++;
      if (q.kind === 'direct') {
        e.direct!++;
        e.words += countWords(q.text);
      } else e.indirect!++;
      if (!e.role && q.role) e.role = q.role;
      if (q.verb && !e.verbs.includes(q.verb)) e.verbs.push(q.verb);
      if (q.verb && isLoadedVerb(q.verb) && !e.loadedVerbs!.includes(q.verb)) e.loadedVerbs!.push(q.verb);
      if (!e.sentences!.includes(q.sentence)) e.sentences!.push(q.sentence);
      e.items!.push({ kind: q.kind, text: q.text, sentence: q.sentence, verb: q.verb });
    }
    entries.push(...bySpeaker.values());
  });
  for (const e of entries) e.only = !entries.some((o) => o.index !== e.index && o.speaker === e.speaker);
  entries.sort((a, b) => a.index - b.index || b.words - a.words || b.quotes - a.quotes);
  return entries.map(({ index: _index, ...e }) => e);
}
