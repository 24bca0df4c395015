import { combineScore, type ScoreWeights } from './score';
import type { ArticleStore } from './store';
import { PARTS, articleVector, cosines, type PartValues, type QueryVector } from './vectors';
import type { Vocabulary } from './vocabulary';

/** An article voting in the feedback: its vector, which parts it has, its day. */
interface Voter {
  slot: number;
  v: ReturnType<typeof articleVector>;
  has: Record<keyof PartValues, boolean>;
  day: number | null;
}

function voter(slot: number, store: ArticleStore, vocab: Vocabulary, logN1: number): Voter {
  const v = articleVector(store.view(slot), vocab, logN1);
  const has = Object.fromEntries(PARTS.map((p) => [p, v.norms[p] > 0])) as Record<keyof PartValues, boolean>;
  return { slot, v, has, day: store.day(slot) };
}

/**
 * Negative feedback (Rocchio's γ term): ecbplus-like neighbourhoods hold a second event of
 * the same kind. The pooled result least like the first result, when it is unlike enough
 * (below `contrastMax`), stands for that other event, and every pooled result loses
 * γ × its similarity to it.
 */
function applyContrast(
  pool: Scored[],
  toFirst: Map<Scored, number>,
  store: ArticleStore,
  vocab: Vocabulary,
  logN1: number,
  w: Readonly<ScoreWeights>,
  similarity: (t: Voter, r: Scored) => number,
): void {
  if (w.contrast <= 0 || pool.length < 2) return;
  let other: Scored | null = null;
  let least = Infinity;
  for (const r of pool) {
    const s = toFirst.get(r);
    if (s !== undefined && s < least) {
      least = s;
      other = r;
    }
  }
  if (!other || least >= w.contrastMax) return;
  const against = voter(other.slot, store, vocab, logN1);
  for (const r of pool) r.score -= w.contrast * (r === other ? 1 : similarity(against, r));
}

/** A first-stage result: the article's slot, its score and its agreement with the query. */
export interface Scored {
  slot: number;
  id: string;
  score: number;
  /** The plain score against the query, before any rescoring: the same-story decision reads it. */
  base: number;
  parts: PartValues;
  gap: number | null;
}

/**
 * Pseudo-relevance feedback at the score level (in the spirit of Rocchio 1971 and of
 * Miranda et al.'s cluster-level similarity): the best few first results are almost always
 * the same story (MRR ≈ 0.99 on ecbplus), so an article that also resembles them is likely
 * the same event, while a same-topic article about another event resembles the query only
 * in the topic's vocabulary. Each pooled result gains β × its mean score against the top
 * results other than itself; `scored` must be sorted best first and is re-sorted after
 * its first entry.
 */
export function applyFeedback(scored: Scored[], store: ArticleStore, vocab: Vocabulary, logN1: number, w: Readonly<ScoreWeights>): void {
  const depth = Math.min(w.feedbackDepth, scored.length);
  if (w.feedback <= 0 || depth < 1 || scored.length < 2) return;
  // The first result keeps its place: it is right ~99% of the time (that is why feedback
  // works) and its agreement with the others would only blur that.
  const first = scored[0]!;
  const pool = scored.slice(1, Math.min(w.feedbackPool, scored.length));
  const similarity = (t: Voter, r: Scored): number => {
    const day = store.day(r.slot);
    const gap = t.day !== null && day !== null ? Math.abs(t.day - day) : null;
    return combineScore(cosines(t.v, store.view(r.slot), vocab, logN1), t.has, gap, w);
  };
  // Voters: the first result, and the next best ones that resemble it. Two top results
  // unlike the first (another story that happens to rank high) would otherwise vote for
  // each other and climb above it.
  const firstVoter = voter(first.slot, store, vocab, logN1);
  const tops = [firstVoter, ...scored.slice(1, depth).filter((r) => similarity(firstVoter, r) >= w.voterMin).map((r) => voter(r.slot, store, vocab, logN1))];
  const toFirst = new Map<Scored, number>();
  for (const r of pool) {
    let sum = 0;
    let n = 0;
    for (const t of tops) {
      if (t.slot === r.slot) continue;
      const s = similarity(t, r);
      if (t.slot === first.slot) toFirst.set(r, s);
      sum += s;
      n++;
    }
    if (n) r.score += (w.feedback * sum) / n;
  }
  applyContrast(pool, toFirst, store, vocab, logN1, w, similarity);
  const rest = scored.slice(1).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  first.score = Math.max(first.score, rest[0]?.score ?? 0);
  scored.splice(0, scored.length, first, ...rest);
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
  const local: QueryVector = { entries: q.entries, title: q.title.slice(), lead: q.lead.slice(), body: q.body.slice(), norms: { ...q.norms }, keys: q.keys };
  const sq = { title: q.norms.title ** 2, lead: q.norms.lead ** 2, body: q.norms.body ** 2 };
  for (let qi = 0; qi < n; qi++) {
    const f = 1 - (w.localIdf * shared[qi]!) / pool.length;
    for (const p of ['title', 'lead', 'body'] as const) {
      const before = q[p][qi]!;
      local[p][qi] = before * f;
      sq[p] += (before * f) ** 2 - before ** 2;
    }
  }
  for (const p of ['title', 'lead', 'body'] as const) local.norms[p] = Math.sqrt(Math.max(0, sq[p]));
  for (const r of pool) {
    r.parts = cosines(local, store.view(r.slot), vocab, logN1);
    r.score = combineScore(r.parts, queryHas, r.gap, w);
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
