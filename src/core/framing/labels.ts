import { stem, tokenize } from '../text';
import { lemma, sameWord } from './inflection';
import labelsData from './lexicon/contested-labels.json';
import placesData from './lexicon/places.json';
import { HONORIFIC } from './referenceWords';
import type { CoverageEntry, NamingEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';

interface LabelConcept {
  concept: string;
  source: string;
  labels: string[][];
  /** Label groups that are plain words for the referent: a choice between two of them is no framing. */
  neutral?: number[];
  /** Topic words, one of which must be near a label for it to be meant in the concept's sense. */
  context?: string[];
}

const SOURCES = labelsData.sources as Record<string, string>;
const CONCEPTS = labelsData.concepts as LabelConcept[];
/** Lexicon phrases as lemma sequences (inflections only: "according" is not "accord"), indexed by their first lemma. */
const PHRASES_BY_FIRST = new Map<string, { concept: number; label: number; order: number; ph: string[] }[]>();
CONCEPTS.forEach((c, concept) => {
  let order = 0;
  c.labels.forEach((phrases, label) => {
    for (const phrase of phrases) {
      const ph = tokenize(phrase).map((t) => lemma(t.lower));
      PHRASES_BY_FIRST.set(ph[0]!, [...(PHRASES_BY_FIRST.get(ph[0]!) ?? []), { concept, label, order: order++, ph }]);
    }
  });
});
/** One-word place forms to their country ("Pyongyang" → "north korea"), so a label beside either names one referent. */
const PLACE_OF = new Map(
  placesData.places.flatMap((p) => p.forms.filter((f) => !f.includes(' ')).map((f) => [f, p.concept.toLowerCase()] as const)),
);
const CONTEXT = CONCEPTS.map((c) =>
  c.context
    ? c.context.map((w) =>
        tokenize(w)
          .map((t) => stem(t.lower))
          .join(' '),
      )
    : null,
);

/** Lemmas of the words of every label outside a concept's neutral groups: the loaded words. */
export const LOADED_LABELS: ReadonlySet<string> = new Set(
  CONCEPTS.flatMap((c) =>
    c.labels
      .filter((_, i) => !c.neutral?.includes(i))
      .flat()
      .map((ph) =>
        tokenize(ph)
          .map((t) => lemma(t.lower))
          .join(' '),
      ),
  ),
);

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

interface Occurrence {
  article: number;
  label: number;
  form: string;
  si: number;
  /** Capitalised words next to the label (4-letter prefixes: "Iranian regime" and "Iran" agree). */
  names: Set<string>;
}

const cap = (t: { text: string } | undefined) => !!t && /^\p{Lu}/u.test(t.text) && t.text.length > 1 && !HONORIFIC.test(t.text);

/**
 * The names a label is attached to: capitalised words right before it ("Kim regime",
 * "Iranian regime", "North Korean dictator"), right after it ("dictator Kim Jong Un", "its
 * leader, Kim Jong-un") or after "of" / "in" ("the regime in Pyongyang"), as 4-letter
 * prefixes with places as their country ("Iranian" and "Iran" agree, "Pyongyang" is North Korea).
 */
function attachedNames(p: PreparedArticle, toks: PreparedArticle['tokens'][number], from: number, to: number): Set<string> {
  const out = new Set<string>();
  const add = (k: number) => {
    for (const w of (PLACE_OF.get(toks[k]!.text) ?? toks[k]!.lower).split(' ')) out.add(w.slice(0, 4));
  };
  const gap = (a: number, b: number) => p.article.text.slice(toks[a]!.end, toks[b]!.start);
  // Before, over a possessive: "Trump's administration", "the Kim regime"; never a sentence's first word.
  for (let k = from - 1; k >= 1 && cap(toks[k]) && /^(\s|['’]s?\s)$/.test(gap(k, k + 1)); k--) add(k);
  let k = to;
  if (toks[k] && /^(of|in)$/.test(toks[k]!.lower)) k += toks[k + 1]?.lower === 'the' ? 2 : 1;
  for (; k < toks.length && cap(toks[k]) && (k === to || /^[\s,]+$/.test(gap(k - 1, k))); k++) {
    add(k);
    if (k > to && !/^\s$/.test(gap(k - 1, k))) break;
  }
  return out;
}

/** Every lexicon match in one article, longest first, a word inside a match not matched again. */
function matches(p: PreparedArticle, i: number, out: Occurrence[][]): void {
  const usable = usableSentences(p);
  const stemsNear = (si: number) => [si - 1, si, si + 1].flatMap((k) => p.stems[k] ?? []).join(' ');
  for (const si of usable) {
    const toks = p.tokens[si]!;
    const lm = toks.map((t) => lemma(t.lower));
    const found: { concept: number; label: number; order: number; k: number; n: number }[] = [];
    for (let k = 0; k < lm.length; k++) {
      for (const c of PHRASES_BY_FIRST.get(lm[k]!) ?? []) {
        if (c.ph.every((x, d) => lm[k + d] === x)) found.push({ concept: c.concept, label: c.label, order: c.order, k, n: c.ph.length });
      }
    }
    found.sort((a, b) => a.concept - b.concept || b.n - a.n || a.order - b.order || a.k - b.k);
    const taken = new Set<string>();
    let near: string | null = null;
    for (const f of found) {
      const cells = Array.from({ length: f.n }, (_, d) => `${f.concept}:${f.k + d}`);
      if (cells.some((x) => taken.has(x))) continue;
      for (const x of cells) taken.add(x);
      // Inside a longer capitalised name the words name that ("Office of Refugee Resettlement").
      const first = toks[f.k]!;
      const last = toks[f.k + f.n - 1]!;
      const capJoined = (a: { end: number }, b: { text: string; start: number } | undefined) =>
        !!b && /^\p{Lu}/u.test(b.text) && p.article.text.slice(a.end, b.start) === ' ';
      if (f.k > 0 && /^\p{Lu}/u.test(first.text) && (capJoined(toks[f.k - 1]!, first) || capJoined(last, toks[f.k + f.n]))) continue;
      const context = CONTEXT[f.concept];
      if (context) {
        near ??= ` ${stemsNear(si)} `;
        if (!context.some((w) => near!.includes(` ${w} `))) continue;
      }
      const names = attachedNames(p, toks, f.k, f.k + f.n);
      out[f.concept]!.push({
        article: i,
        label: f.label,
        form: p.article.text.slice(toks[f.k]!.start, toks[f.k + f.n - 1]!.end).toLowerCase(),
        si,
        names,
      });
    }
  }
}

/**
 * Contested labels from the curated lexicon. A concept is reported when two articles name
 * one referent with labels of different groups, at least one of them outside the concept's
 * neutral groups (regime / government, not government / administration), and it is a
 * choice (one article does not also use the other's label). One referent: for a topic
 * concept, both labels near the concept's context words; otherwise a capitalised name next
 * to both labels, or sentences the coverage aligns as reporting the same thing.
 */
export function contestedLabels(prepared: PreparedArticle[], coverage: CoverageEntry[] = []): NamingEntry[] {
  const occ: Occurrence[][] = CONCEPTS.map(() => []);
  prepared.forEach((p, i) => matches(p, i, occ));
  const aligned = new Set<string>();
  coverage.forEach((c, i) => {
    for (const a of c.aligned ?? []) {
      const j = prepared.findIndex((p) => p.id === a.other.article);
      if (a.score >= 0.3 && j >= 0) aligned.add(`${i}:${a.index}|${j}:${a.other.index}`).add(`${j}:${a.other.index}|${i}:${a.index}`);
    }
  });
  const out: NamingEntry[] = [];
  CONCEPTS.forEach((c, ci) => {
    const os = occ[ci]!;
    if (os.length < 2) return;
    const uses = prepared.map((_, i) => new Set(os.filter((o) => o.article === i).map((o) => o.label)));
    const neutral = new Set(c.neutral ?? []);
    const kept = new Set<Occurrence>();
    os.forEach((x, xi) => {
      for (const y of os.slice(xi + 1)) {
        if (x.label === y.label || (neutral.has(x.label) && neutral.has(y.label))) continue;
        // Across articles, a choice: one of them does not also use the other's label. Within
        // one, two framings side by side ("re-education camps", which Beijing describes as
        // "vocational training centres"), neither of them a plain word.
        if (
          x.article !== y.article
            ? uses[x.article]!.has(y.label) && uses[y.article]!.has(x.label)
            : neutral.has(x.label) || neutral.has(y.label)
        )
          continue;
        const linked =
          !!CONTEXT[ci] || [...x.names].some((n) => y.names.has(n)) || aligned.has(`${x.article}:${x.si}|${y.article}:${y.si}`);
        if (!linked) continue;
        kept.add(x).add(y);
      }
    });
    if (!kept.size) return;
    // One shown form per word ("leader" and "leaders", "undocumented" and "undocumented
    // immigrants" are one choice), the most used one; only forms that take part in a choice.
    const lemmas = (f: string) =>
      tokenize(f)
        .map((t) => lemma(t.lower))
        .join(' ');
    const keyOf = (o: Occurrence) => {
      const k = lemmas(o.form);
      const same = [...kept]
        .filter(
          (x) =>
            x.label === o.label &&
            (` ${lemmas(x.form)} `.includes(` ${k} `) || ` ${k} `.includes(` ${lemmas(x.form)} `) || sameWord(x.form, o.form)),
        )
        .map((x) => lemmas(x.form));
      return `${o.label}\u0000${[k, ...same].sort()[0]}`;
    };
    const keptKeys = new Set([...kept].map((o) => `${o.article}\u0000${keyOf(o)}`));
    const surface = new Map<string, Map<string, number>>();
    const group = os.filter((o) => keptKeys.has(`${o.article}\u0000${keyOf(o)}`));
    for (const o of group) {
      const m = surface.get(keyOf(o)) ?? new Map<string, number>();
      surface.set(keyOf(o), m.set(o.form, (m.get(o.form) ?? 0) + 1));
    }
    const variants = new Map<string, NamingEntry['variants'][number] & { label: number; sentences: number[] }>();
    for (const o of group) {
      const form = [...surface.get(keyOf(o))!].sort((a, b) => b[1] - a[1])[0]![0];
      const key = `${o.article}\u0000${form}`;
      const v = variants.get(key) ?? { article: prepared[o.article]!.id, form, count: 0, sentences: [], label: o.label };
      v.count++;
      if (!v.sentences.includes(o.si)) v.sentences.push(o.si);
      variants.set(key, v);
    }
    const vs = [...variants.values()];
    // Evidence: uses in each article, a loaded label weighing more than a neutral one.
    const evidence = vs.reduce((a, v) => a + Math.log2(1 + v.count) * (neutral.has(v.label) ? 1 : 1.5), 0);
    out.push({
      concept: c.concept,
      kind: 'label',
      source: sourceText(c.source),
      strength: Math.round((100 * evidence) / (evidence + 2)) / 100,
      variants: vs.map((v) => ({ ...v, sentences: v.sentences.sort((a, b) => a - b) })),
    });
  });
  return out;
}
