import { Neighbourhood, type NeighbourhoodScratch } from './neighbourhood';
import { CONTEXT_MIN_FIRST, combineScore, type ScoreWeights } from './score';
import type { ArticleStore } from './store';
import { TermKind } from './entries';
import { PARTS, cosines, type PartValues, type QueryVector } from './vectors';
import type { Vocabulary } from './vocabulary';

const WORD_PARTS = ['title', 'lead', 'body'] as const;

/** A first-stage result: the article's slot, its score and its agreement with the query. */
export interface Scored {
  slot: number;
  id: string;
  score: number;
  /** The plain score against the query, before any rescoring. */
  base: number;
  /** The score with the query's topic words discounted (applyLocalIdf), before the neighbourhood votes. */
  event?: number;
  parts: PartValues;
  gap: number | null;
}

/** Sorts all results but the first by score (ties by id); the first keeps its place and the top score. */
function resortAfterFirst(scored: Scored[]): void {
  const first = scored[0]!;
  const rest = scored.slice(1).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  first.score = Math.max(first.score, rest[0]?.score ?? 0);
  scored.splice(0, scored.length, first, ...rest);
}

/**
 * Neighbourhood rescoring, after applyLocalIdf: the pairwise similarities of the best
 * first results (neighbourhood.ts) are computed once, then read by the contextual
 * similarity and by the feedback. `scored` must be sorted best first.
 */
export function rescoreNeighbourhood(
  scored: Scored[],
  store: ArticleStore,
  vocab: Vocabulary,
  logN1: number,
  w: Readonly<ScoreWeights>,
  scratch: NeighbourhoodScratch,
): void {
  if (scored.length < 2 || (w.context <= 0 && w.feedback <= 0)) return;
  const size = Math.min(scored.length, Math.max(w.contextPool, w.feedbackPool));
  const hood = new Neighbourhood(
    scored.slice(0, size).map((r) => r.slot),
    store,
    vocab,
    logN1,
    w,
    scratch,
  );
  const index = new Map(scored.slice(0, size).map((r, i) => [r, i]));
  applyContext(scored, hood, index, w);
  applyFeedback(scored, hood, index, w);
}

/**
 * Contextual similarity (in the spirit of k-reciprocal re-ranking, Zhong et al. 2017, and
 * of shared-nearest-neighbour similarity, Jarvis and Patrick 1973): two reports of one
 * event have the same neighbours, while a report of another event of the same kind
 * resembles the query only in the topic's vocabulary and has its own event's reports as
 * nearest neighbours. Each pooled result is described by its similarities to the others,
 * keeping its `contextK` nearest only; the query by its scores against them, likewise;
 * a result gains λ × the cosine of the two descriptions (its own entry left out).
 *
 * It assumes the query's own story fills much of its neighbourhood, so it applies only
 * when the first result is clearly the same story (plain score ≥ CONTEXT_MIN_FIRST).
 * Otherwise, in a sparse archive, the neighbourhood is mostly other stories, and the
 * densest of them would be lifted as a whole: the CBC seed's first results in the sample
 * archive are its Daily Mail pair (0.23) and five reports of one tariffs story (≤ 0.17).
 */
function applyContext(scored: Scored[], hood: Neighbourhood, index: ReadonlyMap<Scored, number>, w: Readonly<ScoreWeights>): void {
  const m = Math.min(w.contextPool, hood.size);
  if (w.context <= 0 || m < 3) return;
  const pool = scored.slice(0, m);
  const at = pool.map((r) => index.get(r)!);
  const query = nearest(
    Float64Array.from(pool, (r) => r.base),
    w.contextK,
  );
  const row = new Float64Array(m);
  if (pool[0]!.base < CONTEXT_MIN_FIRST) return;
  for (let j = 1; j < m; j++) {
    for (let x = 0; x < m; x++) row[x] = x === j ? 0 : hood.sim(at[j]!, at[x]!);
    const mine = nearest(row, w.contextK);
    let dot = 0;
    let a = 0;
    let b = 0;
    for (let x = 0; x < m; x++) {
      if (x === j) continue;
      dot += query[x]! * mine[x]!;
      a += query[x]! * query[x]!;
      b += mine[x]! * mine[x]!;
    }
    if (a > 0 && b > 0) pool[j]!.score += (w.context * dot) / Math.sqrt(a * b);
  }
  resortAfterFirst(scored);
}

/** The row with all but its k largest values set to 0 (ties at the k-th all kept). */
function nearest(row: Float64Array, k: number): Float64Array {
  if (k >= row.length) return row;
  const cut = Float64Array.from(row).sort()[row.length - k]!;
  return row.map((x) => (x >= cut ? x : 0));
}

/**
 * Pseudo-relevance feedback at the score level (in the spirit of Rocchio 1971 and of
 * Miranda et al.'s cluster-level similarity): the best few first results are almost always
 * the same story (MRR ≈ 0.99 on ecbplus), so an article that also resembles them is likely
 * the same event, while a same-topic article about another event resembles the query only
 * in the topic's vocabulary. Each pooled result gains β × its mean score against the top
 * results other than itself.
 *
 * Then negative feedback (Rocchio's γ term): the pooled result least like the first result,
 * when it is unlike enough (below `contrastMax`), stands for another event of the same
 * kind, and every pooled result loses γ × its similarity to it.
 */
function applyFeedback(scored: Scored[], hood: Neighbourhood, index: ReadonlyMap<Scored, number>, w: Readonly<ScoreWeights>): void {
  const depth = Math.min(w.feedbackDepth, scored.length);
  if (w.feedback <= 0 || depth < 1) return;
  // The first result keeps its place: it is right ~99% of the time (that is why feedback
  // works) and its agreement with the others would only blur that.
  const first = index.get(scored[0]!)!;
  const pool = scored.slice(1, Math.min(w.feedbackPool, scored.length));
  // Voters: the first result, and the next best ones that resemble it. Two top results
  // unlike the first (another story that happens to rank high) would otherwise vote for
  // each other and climb above it.
  const tops = [
    first,
    ...scored
      .slice(1, depth)
      .map((r) => index.get(r)!)
      .filter((t) => hood.sim(first, t) >= w.voterMin),
  ];
  let other = -1;
  let least = Infinity;
  for (const r of pool) {
    const j = index.get(r)!;
    let sum = 0;
    for (const t of tops) if (t !== j) sum += hood.sim(t, j);
    const n = tops.length - (tops.includes(j) ? 1 : 0);
    if (n) r.score += (w.feedback * sum) / n;
    const toFirst = hood.sim(first, j);
    if (toFirst < least) {
      least = toFirst;
      other = j;
    }
  }
  if (w.contrast > 0 && pool.length >= 2 && other >= 0 && least < w.contrastMax) {
    for (const r of pool) {
      const j = index.get(r)!;
      r.score -= w.contrast * (j === other ? 1 : hood.sim(other, j));
    }
  }
  resortAfterFirst(scored);
}

/**
 * Event over topic: query terms that nearly every one of the best first results shares
 * are the topic's vocabulary ("fire", "church", "Palin" for every report of any Palin
 * fire); terms only some of them share tell one event from another. Like an IDF computed
 * within the neighbourhood, each query term's weight is scaled by 1 - γ × (its share of
 * the first `localPool` results, at least `keep`); those are re-scored with the new
 * weights and the others dropped.
 */
export function applyLocalIdf(
  q: QueryVector,
  queryHas: Readonly<Record<keyof PartValues, boolean>>,
  scored: Scored[],
  store: ArticleStore,
  vocab: Vocabulary,
  logN1: number,
  w: Readonly<ScoreWeights>,
  keep: number,
): void {
  if (w.localIdf <= 0 || scored.length < 4) return;
  // Only the re-scored results stay: the rest would keep scores on another scale.
  scored.length = Math.min(scored.length, Math.max(w.localPool, keep));
  const pool = scored;
  const n = q.entries.length;
  const shared = new Float64Array(n);
  for (const r of pool) {
    const doc = store.view(r.slot);
    let di = 0;
    for (let qi = 0; qi < n; qi++) {
      const term = q.entries[qi]! >>> 8;
      while (di < doc.length && doc[di]! >>> 8 < term) di++;
      if (di < doc.length && doc[di]! >>> 8 === term) shared[qi]!++;
    }
  }
  const local: QueryVector = {
    entries: q.entries,
    title: q.title.slice(),
    lead: q.lead.slice(),
    body: q.body.slice(),
    norms: { ...q.norms },
    keys: q.keys,
  };
  const sq: PartValues = {
    title: q.norms.title ** 2,
    lead: q.norms.lead ** 2,
    body: q.norms.body ** 2,
    entities: q.norms.entities ** 2,
    numbers: q.norms.numbers ** 2,
  };
  for (let qi = 0; qi < n; qi++) {
    const f = 1 - (w.localIdf * shared[qi]!) / pool.length;
    const kind = vocab.kind[q.entries[qi]! >>> 8]!;
    // A name every neighbour mentions is the topic's too ("Trump", "Mueller"): entities and
    // numbers keep their weight in `body` but their norms are their own parts'.
    const parts = kind === TermKind.Word ? WORD_PARTS : ([kind === TermKind.Entity ? 'entities' : 'numbers'] as const);
    for (const p of parts) {
      const from = p === 'title' || p === 'lead' ? p : 'body';
      const before = q[from][qi]!;
      local[from][qi] = before * f;
      sq[p] += (before * f) ** 2 - before ** 2;
    }
  }
  for (const p of PARTS) local.norms[p] = Math.sqrt(Math.max(0, sq[p]));
  for (const r of pool) {
    r.parts = cosines(local, store.view(r.slot), vocab, logN1);
    r.score = combineScore(r.parts, queryHas, r.gap, w);
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
