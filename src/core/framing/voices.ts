import { stem, tokenize } from '../text';
import { isLoadedVerb } from './lexicon/speechVerbs';
import type { PreparedArticle } from './prepare';
import { extractQuotes, type Quote, type ScareQuote } from './quotes';
import type { VoiceEntry } from './types';
import { surnameOfAnother } from './surnames';

// Leading words that are titles or roles, not part of a person's name.
const TITLE_WORDS = new Set(
  `sir dame lord lady mp mep mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. prof prof. president prime minister secretary general chancellor senator governor
  representative speaker leader chief director spokesman spokeswoman spokesperson ambassador foreign state deputy vice former then
  commission council chairman chairwoman commissioner high attorney judge justice king queen prince princess pope premier mayor
  un eu us u.s. u.n. uk u.k. cia fbi nato white house german chinese french british american russian canadian north south korean
  japanese iranian israeli syrian supreme leader lawmaker congressman congresswoman house press majority minority whip patrol agent defense defence homeland security treasury commerce interior`.split(
    /\s+/,
  ),
);

/** True when a speaker is a person or organisation named with capitals, not a description. */
function isName(speaker: string): boolean {
  return speaker.split(/\s+/).every((w) => /^[\p{Lu}\d]/u.test(w) || /^(von|van|der|den|de|la|le|du|da|bin|ibn|al|el|di|dos)$/.test(w));
}

// An abbreviation ("UN", "U.S.") is a title word; a middle initial ("T." in "Michael T. Flynn") is part of the name.
const isTitle = (w: string) => TITLE_WORDS.has(w.toLowerCase()) || (/^[A-Z][A-Z.]+$/.test(w) && /[A-Z][^A-Z]*[A-Z]/.test(w));

/** A title, role or nationality word ("President", "Minister", "UN"), not a name. */
export const isTitleWord = isTitle;

/**
 * Splits titles and roles off a name: "UN Secretary General Antonio Guterres" → name
 * "Antonio Guterres", role "UN Secretary General"; "Mr. Kim" → "Kim". A name made only of
 * such words ("White House") stays whole.
 */
export function splitTitle(speaker: string): { name: string; title: string | null } {
  const words = speaker.split(/\s+/);
  for (let i = words.length - 2; i >= 0; i--) {
    if (isTitle(words[i]!) && !words.slice(i + 1).some(isTitle))
      return { name: words.slice(i + 1).join(' '), title: words.slice(0, i + 1).join(' ') };
  }
  // "Human Rights Michelle Bachelet": a long run of capitals ends in the person's name.
  const caps = words.filter((w) => !/^(von|van|der|den|de|la|le|du|da|bin|ibn|al|el|di|dos)$/.test(w));
  if (caps.length > 3) {
    const keepFrom = words.indexOf(caps[caps.length - 2]!);
    return { name: words.slice(keepFrom).join(' '), title: null };
  }
  return { name: speaker, title: null };
}

export function personName(speaker: string): string {
  return splitTitle(speaker).name;
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
export function speakerCanonicalizer(perArticle: Quote[][], texts: string[] = []): (article: number, raw: string) => string {
  const fullNames = new Map<string, Named>();
  const rolesByArticle: Named[][] = perArticle.map(() => []);
  perArticle.forEach((quotes, i) => {
    for (const q of quotes) {
      if (!q.speaker || !isName(q.speaker)) continue;
      const { name, title } = splitTitle(q.speaker);
      const role = q.role ?? title;
      if (name.split(/\s+/).length >= 2 && !fullNames.has(name)) fullNames.set(name, { name, role });
      if (role) rolesByArticle[i]!.push({ name, role });
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
    if (name.split(/\s+/).length >= 2) {
      // A two-word surname ("Usher Layser") is the one full name that ends with it.
      const longer = [...fullNames.keys()].filter((f) => f.endsWith(` ${name}`));
      return longer.length === 1 ? longer[0]! : name;
    }
    const options = byPart.get(name);
    const only = options && options.size === 1 ? [...options][0]! : null;
    return only && !surnameOfAnother(texts, only) ? only : name;
  };
  return (article, given) => {
    // "the House Nancy Pelosi" (of "Speaker of the House Nancy Pelosi") is a name after its article.
    const raw = /^the\s+\p{Lu}/u.test(given) && isName(given.slice(4)) ? given.slice(4) : given;
    // A title alone ("President said") is the person the article gives that title.
    const holder = isName(raw) && !raw.includes(' ') && isTitle(raw) ? titledName(raw, texts[article] ?? '') : null;
    if (holder) return canonicalName(holder);
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
    if (best && bestScore >= 0.75) return best;
    const titled = titledName(raw, texts[article] ?? '');
    return titled ? canonicalName(titled) : raw.replace(/^(the|a|an)\s+/i, '');
  };
}

/**
 * "the president" → the person the article most often calls "President X" ("Trump").
 * Only for a bare role (one or two words after the article), never for "a spokesman".
 */
function titledName(description: string, text: string): string | null {
  const m =
    /^(?:the\s+)?((?:prime\s+)?(?:president|minister|chancellor|mayor|governor|senator|secretary|premier|king|queen|pope|chairman|director|ambassador))$/i.exec(
      description.trim(),
    );
  if (!m || !text) return null;
  const counts = new Map<string, number>();
  const role = m[1]!.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).replace(/\s+/g, '\\s+');
  // The name may end at punctuation ("President Donald Trump, including …").
  const re = new RegExp(`\\b${role}\\s+((?:\\p{Lu}[\\p{L}'’-]+(?:\\s|$|(?=[,.;:!?)]))){1,3})`, 'gu');
  for (const x of text.matchAll(re)) {
    const name = x[1]!.trim().replace(/['’]s$/, '');
    if (/^\p{Lu}/u.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [k, n] of counts) if (n > bestN) [best, bestN] = [k, n];
  return best;
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
  const canonical = speakerCanonicalizer(
    quotes.map((q) => q.quotes),
    prepared.map((p) => p.article.text),
  );
  const entries: (VoiceEntry & { index: number })[] = [];
  prepared.forEach((p, i) => {
    const bySpeaker = new Map<string, VoiceEntry & { index: number }>();
    for (const q of quotes[i]!.quotes) {
      if (!q.speaker) continue;
      const speaker = canonical(i, q.speaker);
      let e = bySpeaker.get(speaker);
      if (!e)
        bySpeaker.set(
          speaker,
          (e = {
            index: i,
            article: p.id,
            speaker,
            role: null,
            quotes: 0,
            words: 0,
            verbs: [],
            direct: 0,
            indirect: 0,
            loadedVerbs: [],
            sentences: [],
            items: [],
          }),
        );
      e.quotes++;
      if (q.kind === 'direct') {
        e.direct!++;
        e.words += countWords(q.text);
      } else e.indirect!++;
      // An honorific or a lone "State" (of "Secretary of State Mike Pompeo") says nothing as a role.
      if (!e.role) e.role = q.role ?? (isName(q.speaker) ? splitTitle(q.speaker).title : null);
      if (e.role && /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|State|House)\.?$/.test(e.role)) e.role = null;
      if (q.verb && !e.verbs.includes(q.verb)) e.verbs.push(q.verb);
      if (q.verb && isLoadedVerb(q.verb) && !e.loadedVerbs!.includes(q.verb)) e.loadedVerbs!.push(q.verb);
      if (!e.sentences!.includes(q.sentence)) e.sentences!.push(q.sentence);
      e.items!.push({ kind: q.kind, text: q.text, sentence: q.sentence, verb: q.verb });
    }
    entries.push(...bySpeaker.values());
  });
  // A surname alone ("Trump") is the one full name that ends with it ("Donald Trump"), in
  // whichever article the full name appears: one person across outlets.
  const full = [...new Set(entries.map((e) => e.speaker).filter((x) => /^\p{Lu}\S*( \p{Lu}\S*)+$/u.test(x)))];
  for (const e of entries) {
    if (e.speaker.includes(' ') || !/^\p{Lu}\p{Ll}+$/u.test(e.speaker)) continue;
    const texts = prepared.map((p) => p.article.text);
    const owners = full.filter((f) => f.endsWith(` ${e.speaker}`) && !surnameOfAnother(texts, f));
    if (owners.length === 1) e.speaker = owners[0]!;
  }
  for (let k = entries.length - 1; k >= 0; k--) {
    const e = entries[k]!;
    const same = entries.findIndex((o) => o !== e && o.index === e.index && o.speaker === e.speaker);
    if (same < 0 || same > k) continue;
    const o = entries[same]!;
    o.quotes += e.quotes;
    o.words += e.words;
    o.direct! += e.direct!;
    o.indirect! += e.indirect!;
    o.role ??= e.role;
    for (const v of e.verbs) if (!o.verbs.includes(v)) o.verbs.push(v);
    for (const v of e.loadedVerbs!) if (!o.loadedVerbs!.includes(v)) o.loadedVerbs!.push(v);
    o.sentences = [...new Set([...o.sentences!, ...e.sentences!])].sort((a, b) => a - b);
    o.items!.push(...e.items!);
    entries.splice(k, 1);
  }
  for (const e of entries) e.only = !entries.some((o) => o.index !== e.index && o.speaker === e.speaker);
  entries.sort((a, b) => a.index - b.index || b.words - a.words || b.quotes - a.quotes);
  return entries.map(({ index: _index, ...e }) => e);
}
