import { stem, tokenize } from '../text';
import labelsData from './lexicon/contested-labels.json';
import type { NamingEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';

interface LabelConcept {
  concept: string;
  source: string;
  labels: string[][];
}

const SOURCES = labelsData.sources as Record<string, string>;
const CONCEPTS = labelsData.concepts as LabelConcept[];
/** Lexicon phrases as stem sequences, indexed by their first stem. */
const PHRASES_BY_FIRST = new Map<string, { concept: number; label: number; order: number; ph: string[] }[]>();
CONCEPTS.forEach((c, concept) => {
  let order = 0;
  c.labels.forEach((phrases, label) => {
    for (const phrase of phrases) {
      const ph = tokenize(phrase).map((t) => stem(t.lower));
      PHRASES_BY_FIRST.set(ph[0]!, [...(PHRASES_BY_FIRST.get(ph[0]!) ?? []), { concept, label, order: order++, ph }]);
    }
  });
});

/** Expands the lexicon's short source keys ("zenz; ap: 'x'") into full references. */
function sourceText(source: string): string {
  return source
    .split(/;\s*/)
    .map((part) => {
      const [key, ...rest] = part.split(':');
      const full = SOURCES[key!.trim()];
      return full ? full + (rest.length ? `,${rest.join(':')}` : '') : part;
    })
    .join('; ');
}

/**
 * Contested labels from the curated lexicon: a concept is reported when the articles use
 * at least two of its labels, across articles or within one ("Beijing describes its camps
 * as vocational training centres" beside "re-education camps").
 */
export function contestedLabels(prepared: PreparedArticle[]): NamingEntry[] {
  const variants = CONCEPTS.map(() => new Map<string, NamingEntry['variants'][number] & { label: number }>());
  const usedBy = CONCEPTS.map(() => prepared.map(() => new Set<number>()));
  prepared.forEach((p, i) => {
    for (const si of usableSentences(p)) {
      const st = p.stems[si]!;
      const toks = p.tokens[si]!;
      // Every lexicon phrase found here, then per concept the longest first, a word already
      // inside a match not matched again ("vocational training centres" is not also
      // "vocational training").
      const found: { concept: number; label: number; order: number; k: number; n: number }[] = [];
      for (let k = 0; k < st.length; k++) {
        for (const c of PHRASES_BY_FIRST.get(st[k]!) ?? []) {
          if (c.ph.every((x, d) => st[k + d] === x)) found.push({ concept: c.concept, label: c.label, order: c.order, k, n: c.ph.length });
        }
      }
      // Longest first, then the lexicon's own order (its first phrases are the usual ones).
      found.sort((a, b) => a.concept - b.concept || b.n - a.n || a.order - b.order || a.k - b.k);
      const taken = new Set<string>();
      for (const f of found) {
        const cells = Array.from({ length: f.n }, (_, d) => `${f.concept}:${f.k + d}`);
        if (cells.some((x) => taken.has(x))) continue;
        for (const x of cells) taken.add(x);
        const form = p.article.text.slice(toks[f.k]!.start, toks[f.k + f.n - 1]!.end).toLowerCase();
        const key = `${i}\u0000${form}`;
        const v = variants[f.concept]!.get(key) ?? { article: p.id, form, count: 0, sentences: [], label: f.label };
        v.count++;
        if (!v.sentences!.includes(si)) v.sentences!.push(si);
        variants[f.concept]!.set(key, v);
        usedBy[f.concept]![i]!.add(f.label);
      }
    }
  });
  const out: NamingEntry[] = [];
  CONCEPTS.forEach((c, ci) => {
    const vs = [...variants[ci]!.values()];
    const labelsUsed = new Set(usedBy[ci]!.flatMap((s) => [...s]));
    // Reported when two framings of the concept are used, or when articles name it with
    // different words of one framing ("summit" here, "talks" there).
    const formsBy = prepared.map((p) => new Set(vs.filter((v) => v.article === p.id).map((v) => v.form))).filter((s) => s.size > 0);
    const differ = formsBy.length >= 2 && formsBy.some((a) => formsBy.some((b) => [...a].some((f) => !b.has(f))));
    if (labelsUsed.size >= 2 || differ) out.push({ concept: c.concept, kind: 'label', source: sourceText(c.source), variants: vs });
  });
  return out;
}
