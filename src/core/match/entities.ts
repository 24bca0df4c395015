import { STOPWORDS, type Token } from '../text';

/**
 * Named entities by a cheap orthographic heuristic: maximal runs of capitalised words that
 * are not merely sentence-initial, and acronyms. A sentence-initial capitalised word counts
 * only when the same word is also capitalised mid-sentence elsewhere in the text (so
 * "Xinjiang" opening a sentence is kept, "Officials" is not). This is the classic
 * capitalisation cue of early NER systems; a tagger would cost far more per article and
 * the matcher only needs stable keys shared across outlets.
 */

// Words that join the parts of one name ("Bank of England", "Ruud van Nistelrooy").
const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'la', 'le', 'van', 'von', 'der', 'al', 'bin', 'da', 'du', 'and']);
// Titles and roles stripped from the front of a name, so "President Obama" and "Obama" meet.
const HONORIFICS = new Set(
  `mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary senator sen rep
  representative gov governor gen general col colonel capt captain lt sgt officer judge justice chief
  king queen prince princess pope rev father sister brother mayor chairman chancellor ambassador
  spokesman spokeswoman spokesperson former late actor actress singer star`.split(/\s+/),
);
// Capitalised by convention, not names: they carry no story identity.
const CALENDAR = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december today yesterday`.split(/\s+/),
);

/** Strips diacritics and lower-cases, so "Özil" and "Ozil" share a key. */
export function foldKey(s: string): string {
  for (let i = 0; i < s.length; i++) {
    // Only non-ASCII text can carry diacritics: skip the costly normalisation otherwise.
    if (s.charCodeAt(i) > 127)
      return s
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
  }
  return s.toLowerCase();
}

const CAPITAL_RE = /^\p{Lu}/u;

/** Whether a word starts with a capital letter (ASCII without a regex: this runs per token). */
function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL_RE.test(word);
}
const ACRONYM = /^\p{Lu}[\p{Lu}\d]{1,5}$/u;
const SENTENCE_END = /[.!?\n]/;
const OPENERS = /[\s"'“‘«([—–-]/;

/** True when the token opens a sentence (or a paragraph, or the text). */
export function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && OPENERS.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || SENTENCE_END.test(text[i]!);
}

export interface EntityMention {
  /** Folded key ("tara reid"). */
  key: string;
  /** As written in the text ("Tara Reid"). */
  surface: string;
}

/**
 * Entity mentions of a text, in order. A later bare surname ("Reid") is a mention of its
 * own, so two reports that both use the full name and the surname share both keys.
 */
export function extractEntities(text: string, tokens: Token[]): EntityMention[] {
  // Only capitalised tokens need to know whether they open a sentence.
  const caps = tokens.map((t) => capitalised(t.text));
  const starts = tokens.map((t, i) => caps[i]! && atSentenceStart(text, t.start));
  const midCaps = new Set<string>();
  tokens.forEach((t, i) => {
    if (caps[i] && !starts[i]) midCaps.add(t.lower);
  });
  const isNameWord = (i: number): boolean => {
    const t = tokens[i]!;
    if (t.text.length < 2 || !caps[i]) return false;
    return !starts[i] || midCaps.has(t.lower) || ACRONYM.test(t.text);
  };
  const joined = (a: Token, b: Token): boolean => /^[ \t\u00a0-]{1,2}$/.test(text.slice(a.end, b.start));

  const out: EntityMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(i)) {
      i++;
      continue;
    }
    const run = [tokens[i]!];
    let j = i + 1;
    while (j < tokens.length && joined(tokens[j - 1]!, tokens[j]!)) {
      if (isNameWord(j)) run.push(tokens[j++]!);
      else if (CONNECTORS.has(tokens[j]!.lower) && j + 1 < tokens.length && isNameWord(j + 1) && joined(tokens[j]!, tokens[j + 1]!)) {
        run.push(tokens[j]!, tokens[j + 1]!);
        j += 2;
      } else break;
    }
    i = j;
    pushName(run, out);
  }
  for (const m of text.matchAll(/\b(?:\p{Lu}\.){2,}/gu)) {
    out.push({ key: foldKey(m[0].replace(/\./g, '')), surface: m[0] });
  }
  return out;
}

function pushName(run: Token[], out: EntityMention[]): void {
  let s = 0;
  while (s < run.length && (STOPWORDS.has(run[s]!.lower) || HONORIFICS.has(run[s]!.lower))) s++;
  let e = run.length;
  while (e > s && CONNECTORS.has(run[e - 1]!.lower)) e--;
  const words = run.slice(s, e);
  if (!words.length) return;
  if (words.length === 1 && (CALENDAR.has(words[0]!.lower) || STOPWORDS.has(words[0]!.lower))) return;
  const key = foldKey(words.map((w) => w.text).join(' '));
  out.push({ key, surface: words.map((w) => w.text).join(' ') });
}
