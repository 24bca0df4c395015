import { isStopword, stem, tokenize } from '../text';
import { SPEECH_VERBS } from './lexicon/speechVerbs';
import type { HeadlineEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';

const SPEECH = new Set(SPEECH_VERBS);

/** Body words in at least this many sentences count as what the body stresses. */
const PROMINENT = 3;

/**
 * Headline against body (after Dor 2003, "On newspaper headlines as relevance optimizers"):
 * content words the headline uses that the body hardly does (at most one sentence), and the
 * body's most widespread content words the headline leaves out.
 */
export function headline(p: PreparedArticle): HeadlineEntry {
  const title = tokenize(p.article.title).filter((t) => t.lower.length > 1 && !isStopword(t.lower) && !p.outletWords.has(t.lower));
  const spread = new Map<string, { sentences: Set<number>; surfaces: Map<string, number> }>();
  for (const si of usableSentences(p)) {
    p.tokens[si]!.forEach((t, k) => {
      if (t.lower.length < 2 || isStopword(t.lower) || /^\d/.test(t.lower) || p.outletWords.has(t.lower) || SPEECH.has(t.lower)) return;
      const key = p.stems[si]![k]!;
      const e = spread.get(key) ?? { sentences: new Set<number>(), surfaces: new Map<string, number>() };
      e.sentences.add(si);
      e.surfaces.set(t.text, (e.surfaces.get(t.text) ?? 0) + 1);
      spread.set(key, e);
    });
  }
  const titleStems = new Set(title.map((t) => stem(t.lower)));
  const stressed = title
    .filter(
      (t, i, all) => (spread.get(stem(t.lower))?.sentences.size ?? 0) <= 1 && all.findIndex((x) => stem(x.lower) === stem(t.lower)) === i,
    )
    .map((t) => t.text);
  const omitted = [...spread]
    .filter(([k, e]) => !titleStems.has(k) && e.sentences.size >= PROMINENT)
    .sort((a, b) => b[1].sentences.size - a[1].sentences.size || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([, e]) => [...e.surfaces].sort((a, b) => b[1] - a[1])[0]![0]);
  return { article: p.id, stressed, omitted };
}
