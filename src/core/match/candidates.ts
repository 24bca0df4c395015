import { findEntry, type Postings } from './postings';
import { dateFactor, type ScoreWeights } from './score';
import type { ArticleStore } from './store';
import type { QueryVector } from './vectors';
import { idfOf, type Vocabulary } from './vocabulary';

/**
 * First stage of a query: only the postings of the query's most informative terms are
 * read (the rest would add little to any cosine but cost the most: common terms have the
 * longest lists), each posting adding the term's query weight × IDF to its article. The
 * best-scoring articles, lightly normalised by length and times the date factor of the full
 * model (score.ts), go on to it: in an archive of years of news about the same people, the
 * reports of this week's event would otherwise lose their places to same-topic articles of
 * other months before the date is read at all.
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
  probeTerms: 50,
  maxDocShare: 0.03,
  candidates: 100,
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
function chooseProbes(
  q: QueryVector,
  vocab: Vocabulary,
  logN1: number,
  store: ArticleStore,
  excluded: ReadonlySet<number>,
  o: CandidateOptions,
): Probe[] {
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
    date?: { day: number | null; weights: Readonly<ScoreWeights> },
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
    const best = new TopK(o.candidates, store.ids);
    const day = date?.day ?? null;
    for (let i = 0; i < count; i++) {
      const s = touched[i]!;
      const raw = acc[s]!;
      acc[s] = 0;
      if (excluded.has(s) || !store.alive(s)) continue;
      let score = raw / Math.pow(Math.max(1, store.lengths[s]!), o.lengthPower);
      if (day !== null) {
        const d = store.day(s);
        if (d !== null) score *= dateFactor(Math.abs(day - d), date!.weights);
      }
      best.offer(s, score);
    }
    return best.slots();
  }
}

/** A small archive is scored in full: exact, and still fast. */
function everyArticle(store: ArticleStore, excluded: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let s = 0; s < store.slots; s++) if (store.alive(s) && !excluded.has(s)) out.push(s);
  return out;
}

/**
 * The best k slots by score (ties by id, so the order never depends on slot numbers),
 * kept in a binary min-heap: O(n log k) over the touched articles, no full sort.
 */
class TopK {
  private scores: Float64Array;
  private heap: Int32Array;
  private size = 0;

  constructor(
    private readonly k: number,
    private readonly ids: readonly (string | null)[],
  ) {
    this.scores = new Float64Array(k);
    this.heap = new Int32Array(k);
  }

  /** True when (scoreA, slotA) ranks below (scoreB, slotB). */
  private worse(scoreA: number, slotA: number, scoreB: number, slotB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && this.ids[slotA]! > this.ids[slotB]!);
  }

  offer(slot: number, score: number): void {
    if (this.k <= 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(score, slot, this.scores[parent]!, this.heap[parent]!)) break;
        this.scores[i] = this.scores[parent]!;
        this.heap[i] = this.heap[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.heap[i] = slot;
      return;
    }
    if (!this.worse(this.scores[0]!, this.heap[0]!, score, slot)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child =
        right < this.size && this.worse(this.scores[right]!, this.heap[right]!, this.scores[left]!, this.heap[left]!) ? right : left;
      if (!this.worse(this.scores[child]!, this.heap[child]!, score, slot)) break;
      this.scores[i] = this.scores[child]!;
      this.heap[i] = this.heap[child]!;
      i = child;
    }
    this.scores[i] = score;
    this.heap[i] = slot;
  }

  /** The kept slots, best first. */
  slots(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) =>
      this.worse(this.scores[a]!, this.heap[a]!, this.scores[b]!, this.heap[b]!)
        ? 1
        : this.worse(this.scores[b]!, this.heap[b]!, this.scores[a]!, this.heap[a]!)
          ? -1
          : 0,
    );
    return order.map((i) => this.heap[i]!);
  }
}
