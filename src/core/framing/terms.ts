import type { TermEntry } from './types';
import type { TermPrior } from './prior';
import { logOddsZ } from './logodds';
import { articleGrams, type Gram } from './ngrams';
import { usableSentences, type PreparedArticle } from './prepare';

/** How many distinctive terms each article gets in the report. */
const TOP = 15;
/** A floor on α_w so a word the archive never saw still has a finite prior. */
const MIN_ALPHA = 0.01;

interface Chosen {
  key: string;
  term: string;
  z: number;
  count: number;
  sentences: number[];
}

interface GramStats {
  count: number;
  surfaces: Map<string, number>;
  sentences: Set<number>;
}

function gather(grams: Gram[]): Map<string, GramStats> {
  const out = new Map<string, GramStats>();
  for (const g of grams) {
    let s = out.get(g.key);
    if (!s) out.set(g.key, (s = { count: 0, surfaces: new Map(), sentences: new Set() }));
    s.count++;
    s.surfaces.set(g.surface, (s.surfaces.get(g.surface) ?? 0) + 1);
    s.sentences.add(g.sentence);
  }
  return out;
}

function mostFrequent(m: Map<string, number>): string {
  let best = '';
  let bestN = -1;
  for (const [k, n] of m) if (n > bestN) [best, bestN] = [k, n];
  return best;
}

/**
 * Distinctive words and phrases of each article against the others, by log-odds with an
 * informative Dirichlet prior (Monroe et al. 2008). The prior's background is the archive
 * when given (mixed half and half with the compared articles, so no term has a zero prior),
 * else the pooled articles; its total weight α_0 equals the number of words compared, so
 * the prior counts as much as the evidence.
 */
export function distinctiveTerms(prepared: PreparedArticle[], background?: TermPrior): TermEntry[] {
  const stats = prepared.map((p) => gather(articleGrams(p, usableSentences(p))));
  const pooled = new Map<string, number>();
  let pooledTotal = 0;
  for (const st of stats) {
    for (const [k, s] of st) {
      pooled.set(k, (pooled.get(k) ?? 0) + s.count);
      pooledTotal += s.count;
    }
  }
  // The prior's shares: half from the archive, half from the compared articles. A word the
  // archive rarely saw (a name in today's story) then keeps a usable prior instead of a
  // near-zero one whose variance would bury its z-score.
  const share = (k: string) => {
    const own = (pooled.get(k) ?? 0) / Math.max(1, pooledTotal);
    return background && background.total > 0 ? 0.5 * own + (0.5 * (background.counts[k] ?? 0)) / background.total : own;
  };
  const out: TermEntry[] = [];
  prepared.forEach((p, i) => {
    const focus = new Map<string, number>();
    const rest = new Map<string, number>();
    for (const [k, s] of stats[i]!) focus.set(k, s.count);
    stats.forEach((st, j) => {
      if (j === i) return;
      for (const [k, s] of st) rest.set(k, (rest.get(k) ?? 0) + s.count);
    });
    const alpha0 = pooledTotal;
    const prior = (k: string) => Math.max(MIN_ALPHA, alpha0 * share(k));
    const scores = logOddsZ({ focus, rest, prior, alpha0 }).filter((s) => s.z > 0 && (focus.get(s.key) ?? 0) >= 2);
    scores.sort((a, b) => b.z - a.z || a.key.localeCompare(b.key));
    const chosen: Chosen[] = [];
    for (const s of scores) {
      if (chosen.length >= TOP) break;
      const st = stats[i]!.get(s.key)!;
      // A word or phrase that only ever occurs inside another chosen one adds nothing.
      const redundant = (short: string, long: string, n: number) => long !== short && ` ${long} `.includes(` ${short} `) && n === st.count;
      if (chosen.some((c) => redundant(s.key, c.key, c.count))) continue;
      const covered = chosen.findIndex((c) => redundant(c.key, s.key, c.count));
      const entry = {
        key: s.key,
        count: st.count,
        term: mostFrequent(st.surfaces),
        z: round(s.z),
        sentences: [...st.sentences].sort((a, b) => a - b),
      };
      if (covered >= 0) chosen[covered] = entry;
      else chosen.push(entry);
    }
    for (const c of joinOverlaps(chosen)) out.push({ article: p.id, term: c.term, z: c.z, count: c.count, sentences: c.sentences });
  });
  return out;
}

/**
 * "understand the real" and "real situation", always together, are one phrase cut by the
 * three-word limit: joined into "understand the real situation".
 */
function joinOverlaps(chosen: Chosen[]): Chosen[] {
  const out = [...chosen];
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < out.length; j++) {
      const a = out[i]!;
      const b = out[j]!;
      if (i === j || a.count !== b.count || a.sentences.join() !== b.sentences.join()) continue;
      const ak = a.key.split(' ');
      const bk = b.key.split(' ');
      if (ak.length < 2 || bk.length < 2 || ak[ak.length - 1] !== bk[0]) continue;
      const rest = b.term.split(/\s+/).slice(1).join(' ');
      out[i] = { ...a, key: [...ak, ...bk.slice(1)].join(' '), term: `${a.term} ${rest}`, z: Math.max(a.z, b.z) };
      out.splice(j, 1);
      return joinOverlaps(out);
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
