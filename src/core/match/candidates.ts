import { findEntry, type Postings } from './postings';
import type { ArticleStore } from './store';
import type { QueryVector } from './vectors';
import { idfOf, type Vocabulary } from './vocabulary';

/**
 * First stage of a query: only the postings of the query's most informative terms are
 * read (the rest would add little to any cosine but cost the most: common terms have the
 * longest lists), each posting adding the term's query weight × IDF to its article. The
 * best-scoring articles, lightly normalised by length, go on to the full model.
 */
export interface CandidateOptions {
  /** How many query terms to probe. */
  probeTerms: number;
  /** Terms in more than this share of the archive are not probed. */
  maxDocShare: number;
  /** How many articles go on to the full model. */
  candidates: number;
  /** Exponent of the length normalisation of the first-stage score. */
  lengthPower: number;
}

export const DEFAULT_CANDIDATE_OPTIONS: Readonly<CandidateOptions> = {
  probeTerms: 40,
  maxDocShare: 0.1,
  candidates: 200,
  lengthPower: 0.5,
};

interface Probe {
  term: number;
  weight: number;
}

/**
 * The query's terms by weight × IDF, counting only articles that may be returned: when the
 * query is itself archived, its own rare words would otherwise be the "most informative"
 * probes and find nothing but itself.
 */
function chooseProbes(q: QueryVector, vocab: Vocabulary, logN1: number, store: ArticleStore, excluded: ReadonlySet<number>, o: CandidateOptions): Probe[] {
  const maxDf = Math.max(64, store.live * o.maxDocShare);
  const excludedEntries = [...excluded].map((s) => store.view(s));
  const probes: (Probe & { key: string })[] = [];
  for (let i = 0; i < q.entries.length; i++) {
    const term = q.entries[i]! >>> 8;
    let df = vocab.df[term]!;
    for (const entries of excludedEntries) if (findEntry(entries, term) >= 0) df--;
    if (df <= 0 || df > maxDf) continue;
    probes.push({ term, weight: q.body[i]! * idfOf(vocab, logN1, df), key: q.keys[i]! });
  }
  // Ties broken by key, not term id: ids differ between an index and its restored snapshot.
  probes.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return probes.slice(0, o.probeTerms);
}

export class CandidateFinder {
  private acc = new Float64Array(0);
  private touched = new Uint32Array(0);

  find(
    q: QueryVector,
    store: ArticleStore,
    postings: Postings,
    vocab: Vocabulary,
    logN1: number,
    excluded: ReadonlySet<number>,
    o: CandidateOptions = DEFAULT_CANDIDATE_OPTIONS,
  ): number[] {
    if (this.acc.length < store.slots) {
      this.acc = new Float64Array(store.slots * 2);
      this.touched = new Uint32Array(store.slots * 2);
    }
    const acc = this.acc;
    const touched = this.touched;
    let count = 0;
    if (store.live - excluded.size <= o.candidates) return everyArticle(store, excluded);
    const probes = chooseProbes(q, vocab, logN1, store, excluded, o);
    for (const p of probes) count = postings.accumulate(p.term, p.weight, acc, touched, count);
    for (let s = postings.slotCount; s < store.slots; s++) {
      if (!store.alive(s)) continue;
      const entries = store.view(s);
      for (const p of probes) {
        if (findEntry(entries, p.term) < 0) continue;
        if (acc[s] === 0) touched[count++] = s;
        acc[s]! += p.weight;
      }
    }
    const ranked: { slot: number; score: number; id: string }[] = [];
    for (let i = 0; i < count; i++) {
      const s = touched[i]!;
      const raw = acc[s]!;
      acc[s] = 0;
      if (excluded.has(s) || !store.alive(s)) continue;
      ranked.push({ slot: s, score: raw / Math.pow(Math.max(1, store.lengths[s]!), o.lengthPower), id: store.ids[s]! });
    }
    return topSlots(ranked, o.candidates);
  }
}

/** A small archive is scored in full: exact, and still fast. */
function everyArticle(store: ArticleStore, excluded: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let s = 0; s < store.slots; s++) if (store.alive(s) && !excluded.has(s)) out.push(s);
  return out;
}

/** The best `k` by score (ties by id), without sorting the whole list. */
function topSlots(ranked: { slot: number; score: number; id: string }[], k: number): number[] {
  const before = (a: { score: number; id: string }, b: { score: number; id: string }) => a.score > b.score || (a.score === b.score && a.id < b.id);
  if (ranked.length > k * 4) {
    // A quickselect-style cut: keep those above the k-th best score estimate, then sort.
    const scores = Float64Array.from(ranked, (r) => r.score).sort();
    const cut = scores[scores.length - k]!;
    ranked = ranked.filter((r) => r.score >= cut);
  }
  ranked.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return ranked.slice(0, k).map((r) => r.slot);
}
