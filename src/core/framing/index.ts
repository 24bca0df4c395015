/**
 * compareFraming: how two or more articles tell the same story differently, each
 * difference pointing at the sentences it comes from. The first article is the reader's
 * page. Pure and synchronous: it runs in the service worker at every popup open.
 */
import type { Article } from '../types';
import type { TermPrior } from './prior';
import { coverage } from './coverage';
import { contestedLabels } from './labels';
import { spellingVariants } from './spellingVariants';
import { alignedSwaps } from './swaps';
import { frames } from './frames';
import { headline } from './headline';
import { hedging } from './hedging';
import { prepareArticle } from './prepare';
import { rankNaming } from './rank';
import { acronymVariants } from './acronyms';
import { placeVariants } from './places';
import { referenceVariants } from './references';
import { possessiveVariants } from './possessives';
import { judgingModifiers } from './modifiers';
import { distinctiveTerms } from './terms';
import { tone } from './tone';
import type { FramingReport } from './types';
import { articleQuotes, voices } from './voices';

export type { TermPrior } from './prior';
export { buildTermPrior, updateTermPrior } from './prior';
export type * from './types';

export interface CompareOptions {
  /** Archive-wide counts for the terms' Dirichlet prior (else the compared articles). */
  background?: TermPrior;
}

export function compareFraming(input: Article[], options: CompareOptions = {}): FramingReport {
  // Every entry names its article by id, so ids must be unique: a repeated id gets a suffix.
  const ids = new Set<string>();
  const articles = input.map((a) => {
    let id = a.id;
    for (let n = 2; ids.has(id); n++) id = `${a.id}#${n}`;
    ids.add(id);
    return id === a.id ? a : { ...a, id };
  });
  const prepared = articles.map(prepareArticle);
  const spelling = spellingVariants(prepared);
  const alias = (s: string) => spelling.alias.get(s) ?? s;
  const cov = coverage(prepared, alias);
  const places = placeVariants(prepared);
  const plain = (form: string) =>
    form
      .replace(/\./g, '')
      .toLowerCase()
      .replace(/^the\s+/, '');
  const placeForms = new Set(places.flatMap((n) => n.variants.map((v) => plain(v.form))));
  // An acronym pair the places lexicon already shows (EU / European Union) is not repeated.
  const acronyms = acronymVariants(prepared).filter((n) => !n.variants.every((v) => placeForms.has(plain(v.form))));
  const quotes = prepared.map(articleQuotes);
  // A swap whose words another entry already shows ("dictator" / "leader" as a label) is not repeated.
  const references = referenceVariants(prepared);
  const found = [
    ...spelling.entries,
    ...references,
    ...possessiveVariants(prepared, references),
    ...places,
    ...acronyms,
    ...contestedLabels(prepared, cov),
    ...judgingModifiers(prepared),
  ];
  return {
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      published: a.published,
      words: a.words,
      ...(a.incomplete ? { incomplete: a.incomplete } : {}),
    })),
    terms: distinctiveTerms(prepared, options.background),
    naming: rankNaming([
      ...found,
      ...alignedSwaps(prepared, cov).filter(
        (sw) => !found.some((n) => sw.variants.every((v) => n.variants.some((x) => x.form.toLowerCase() === v.form.toLowerCase()))),
      ),
    ]),
    voices: voices(prepared, quotes),
    coverage: cov,
    tone: prepared.map(tone),
    frames: prepared.flatMap(frames),
    hedging: prepared.flatMap((p, i) => hedging(p, quotes[i]!.scare)),
    headline: prepared.map(headline),
    sentences: Object.fromEntries(
      prepared.map((p) => [
        p.id,
        p.sentences.map((s) => ({
          index: s.index,
          text: s.text,
          paragraph: s.paragraph,
          ...(p.skip[s.index] ? { skip: p.skip[s.index]! } : {}),
        })),
      ]),
    ),
  };
}

/**
 * Runs the engine once on two tiny texts so its patterns are compiled before the first
 * real comparison: the service worker can call this when it starts, off the popup's path
 * (a cold first call costs a few hundred milliseconds of regex compilation).
 */
export function warmUpFraming(): void {
  const text = (id: string, t: string): Article => ({
    id,
    url: null,
    title: t,
    outlet: '',
    published: null,
    text: t,
    byline: null,
    lang: 'en',
    words: 0,
  });
  compareFraming([
    text('warm-a', '"We will go," Jane Doe, a spokesperson for the ministry, said on Monday. Officials said 12 people were detained.'),
    text('warm-b', 'According to John Roe, the talks failed. "It is over," he added, calling the deal a "disaster."'),
  ]);
}
