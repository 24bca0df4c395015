import { stem, tokenize } from '../text';

/**
 * A word's inflectional lemma, by its ending only: plural and possessive endings go
 * (meetings → meeting, authorities → authority, leaders' → leader), nothing else does, so
 * words the Porter stemmer would merge stay apart (according / accord, resistance / resist).
 */
export function lemma(word: string): string {
  const w = word.toLowerCase().replace(/['’]s?$/, '');
  if (w.length <= 3 || /(ss|us|is|ics)$/.test(w)) return w;
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/** Lemmas of a phrase's words, space-joined. */
export const lemmaKey = (phrase: string): string =>
  tokenize(phrase)
    .map((t) => lemma(t.lower))
    .join(' ');

/**
 * Whether two forms are one word inflected or derived (meeting / meetings, investigated /
 * investigation, suit / lawsuits, rally / rallied): the same Porter stems, or one word whose
 * stem ends with the other's (a compound of it).
 */
export function sameWord(a: string, b: string): boolean {
  const x = tokenize(a).map((t) => stem(t.lower));
  const y = tokenize(b).map((t) => stem(t.lower));
  if (x.join(' ') === y.join(' ')) return true;
  if (x.length !== 1 || y.length !== 1) return false;
  const [s, l] = x[0]!.length <= y[0]!.length ? [x[0]!, y[0]!] : [y[0]!, x[0]!];
  return s.length >= 4 && l.endsWith(s);
}
