import { isStopword } from '../text';
import type { CoverageEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';
import { differentlyGiven, findQuantities } from './quantities';

/** Cosine below which a sentence has no counterpart in another article. */
export const ALIGN_THRESHOLD = 0.22;
/** Sentences shorter than this (content words) are too thin to call "only in". */
const MIN_CONTENT = 5;

type Vector = Map<string, number>;

/**
 * Sentence vectors: content stems weighted by IDF over all compared sentences, names and
 * numbers counted double (shared entities and figures are the strongest evidence that two
 * sentences report the same fact). `alias` maps spelling variants to one key (Uighur/Uyghur).
 */
function sentenceVectors(
  prepared: PreparedArticle[],
  alias: (stem: string) => string,
): { vectors: Map<number, Vector>[]; sizes: Map<number, number>[] } {
  const raw: Map<number, Vector>[] = [];
  const sizes: Map<number, number>[] = [];
  const df = new Map<string, number>();
  let n = 0;
  for (const p of prepared) {
    const vs = new Map<number, Vector>();
    const sz = new Map<number, number>();
    for (const si of usableSentences(p)) {
      const v: Vector = new Map();
      p.tokens[si]!.forEach((t, k) => {
        if (t.lower.length < 2 || isStopword(t.lower)) return;
        const key = alias(p.stems[si]![k]!);
        const weight = /^\d/.test(t.text) || (k > 0 && /^\p{Lu}/u.test(t.text)) ? 2 : 1;
        v.set(key, (v.get(key) ?? 0) + weight);
      });
      for (const key of v.keys()) df.set(key, (df.get(key) ?? 0) + 1);
      vs.set(si, v);
      sz.set(si, v.size);
      n++;
    }
    raw.push(vs);
    sizes.push(sz);
  }
  for (const vs of raw) {
    for (const v of vs.values()) {
      let norm = 0;
      for (const [k, w] of v) {
        const x = w * Math.log(1 + n / (df.get(k) ?? 1));
        v.set(k, x);
        norm += x * x;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [k, x] of v) v.set(k, x / norm);
    }
  }
  return { vectors: raw, sizes };
}

/**
 * Aligns each sentence with its closest sentence in every other article; sentences with
 * no counterpart above the threshold are "only in" their article, marked `incomplete` when
 * another article's text is known to be incomplete (it may hold the fact). Quantities about the same
 * thing given differently ("over a million" / "nearly 1 million") are flagged, within and
 * across articles.
 */
export function coverage(prepared: PreparedArticle[], alias: (stem: string) => string = (s) => s): CoverageEntry[] {
  const { vectors, sizes } = sentenceVectors(prepared, alias);
  const entries: CoverageEntry[] = prepared.map((p) => ({ article: p.id, only: [], aligned: [], quantities: [] }));
  // Postings per article (term → sentences and weights): only sentences sharing a term
  // with the one being aligned are scored.
  const postings = vectors.map((vs) => {
    const m = new Map<string, { si: number; w: number }[]>();
    for (const [si, v] of vs) for (const [k, w] of v) m.set(k, [...(m.get(k) ?? []), { si, w }]);
    return m;
  });
  // Missing from a paywalled or truncated text says nothing: such sentences are marked, not claimed as "only".
  const othersIncomplete = prepared.map((_, i) => prepared.some((q, j) => j !== i && !!q.article.incomplete));
  prepared.forEach((p, i) => {
    for (const [si, v] of vectors[i]!) {
      let best: { article: string; index: number; score: number } | null = null;
      prepared.forEach((q, j) => {
        if (j === i) return;
        const acc = new Map<number, number>();
        for (const [k, x] of v) for (const { si: sj, w } of postings[j]!.get(k) ?? []) acc.set(sj, (acc.get(sj) ?? 0) + x * w);
        for (const [sj, score] of acc) if (!best || score > best.score) best = { article: q.id, index: sj, score };
      });
      const found = best as { article: string; index: number; score: number } | null;
      if (found && found.score >= ALIGN_THRESHOLD)
        entries[i]!.aligned!.push({
          index: si,
          other: { article: found.article, index: found.index },
          score: Math.round(found.score * 1000) / 1000,
        });
      else if ((sizes[i]!.get(si) ?? 0) >= MIN_CONTENT) {
        entries[i]!.only.push(
          othersIncomplete[i] ? { index: si, text: p.sentences[si]!.text, incomplete: true } : { index: si, text: p.sentences[si]!.text },
        );
      }
    }
  });
  flagQuantities(prepared, entries, alias);
  return entries;
}

function flagQuantities(prepared: PreparedArticle[], entries: CoverageEntry[], alias: (stem: string) => string): void {
  const all = prepared.flatMap((p, i) =>
    usableSentences(p).flatMap((si) => findQuantities(p.sentences[si]!.text).map((q) => ({ i, si, q }))),
  );
  const sameNoun = (x: string, y: string) => alias(x) === alias(y);
  for (let a = 0; a < all.length; a++) {
    for (let b = a + 1; b < all.length; b++) {
      const x = all[a]!;
      const y = all[b]!;
      if (x.i === y.i && x.si === y.si) continue;
      if (!differentlyGiven(x.q, y.q, sameNoun)) continue;
      const px = prepared[x.i]!;
      const py = prepared[y.i]!;
      entries[x.i]!.quantities!.push({ index: x.si, text: x.q.text, other: { article: py.id, index: y.si, text: y.q.text } });
      entries[y.i]!.quantities!.push({ index: y.si, text: y.q.text, other: { article: px.id, index: x.si, text: x.q.text } });
    }
  }
}
