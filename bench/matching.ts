/**
 * Matching benchmark (docs/DESIGN.md quality bars). Every ecbplus record is a query;
 * relevant = the other records of its story (`story` is read only by the evaluator in
 * matching-metrics.ts). The archive is ecbplus plus abp distractors at 10k, all of abp
 * (~38k) and 100k (abp repeated under new ids), each system built incrementally through
 * those sizes in the same run, on the same records and queries, in a fixed seeded order:
 * Framelens's MatchIndex, a plain log-TF·IDF cosine (title + body, no stemming),
 * MiniSearch (BM25+) and FlexSearch.
 *
 * Two query sets:
 * - "article": the whole query article, all 982 queries (what the extension does). Framelens,
 *   TF-IDF and FlexSearch answer it; MiniSearch is skipped (~1.4 s a query at 10k).
 * - "bounded": every system gets the same bounded query text (matching-data.ts: title,
 *   the first 60 words, the 20 words of highest TF·IDF of the rest), on a fixed seeded subset
 *   of BOUNDED_QUERIES queries (relevance still counts every record of the story), so that
 *   MiniSearch finishes at 100k. Ratios compare systems within one query set.
 * - "bounded, all": the same bounded texts for all 982 queries, for the systems that answer
 *   whole articles too (not MiniSearch): 200 queries are few enough that a handful of hard
 *   ones moves MRR by 0.005, so the larger set says which of two close systems is ahead.
 *
 * Reported: Recall@1/5/10, MRR, the same-story decision's precision and recall (over the
 * top 10), query latency p50/p95 (the whole search call, including reading the query
 * article), build time (cumulative over the stages; adds plus the final compaction),
 * memory per article (heap + typed arrays after a full GC, minus the same before the
 * system was created), and for Framelens the snapshot restore time (structured clone of
 * toJSON(), then fromJSON until the index answers).
 *
 * Held out: changes to Framelens's weights are chosen on the odd ecbplus topics only
 * (bench/matching-tune.ts; bench/README.md says what that does and does not cover); every row
 * also gives R@10 and MRR on the even topics (held out) and on the odd ones, on the
 * article queries.
 *
 *   npx tsx bench/index.ts matching [--quick]     (--quick: the 10k archive only)
 *   FRAMELENS_BENCH_SYSTEMS=framelens,tfidf        (a subset of systems)
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { MatchIndex } from '../src/core/match';
import type { ArticleRecord } from '../src/core/types';
import { boundedQueries, loadMatchingData, shuffled, splitQueries, stages, type Stage } from './matching-data';
import { evaluate, findGc, percentile, usedMemory, type Quality, type Ranked } from './matching-metrics';
import { FlexSearchSystem, FramelensSystem, MiniSearchSystem, TfIdfSystem, type MatchSystem } from './matching-peers';

type QuerySet = 'article' | 'bounded' | 'bounded, all';

interface Row {
  system: string;
  stage: string;
  queries: QuerySet;
  size: number;
  quality: Quality;
  tuned: Quality | null;
  heldOut: Quality | null;
  p50: number;
  p95: number;
  buildMs: number;
  bytesPerArticle: number | null;
  restoreMs: number | null;
}

// In this order: the slowest peer last. `article`: whether it answers whole-article queries.
const SYSTEMS: Record<string, { make: () => MatchSystem; article: boolean }> = {
  framelens: { make: () => new FramelensSystem(), article: true },
  tfidf: { make: () => new TfIdfSystem(), article: true },
  flexsearch: { make: () => new FlexSearchSystem(), article: true },
  minisearch: { make: () => new MiniSearchSystem(), article: false },
};

const TOP = 10;
/** Size of the fixed query subset of the bounded query set. */
const BOUNDED_QUERIES = 200;

function runQueries(system: MatchSystem, queries: readonly ArticleRecord[]): { answers: Ranked[]; latencies: number[] } {
  // A few untimed queries first, so the JIT has compiled the search path.
  for (const q of queries.slice(0, 10)) system.search(q, TOP);
  const answers: Ranked[] = [];
  const latencies: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const a = system.search(q, TOP);
    latencies.push(performance.now() - t);
    answers.push({ ids: a.ids, ...(a.flagged ? { flagged: a.flagged } : {}) });
  }
  return { answers, latencies };
}

function restoreTime(system: MatchSystem): number | null {
  if (!(system instanceof FramelensSystem)) return null;
  const stored = structuredClone(system.index.toJSON());
  const t = performance.now();
  const restored = MatchIndex.fromJSON(stored);
  const ms = performance.now() - t;
  if (restored.size !== system.index.size) throw new Error('snapshot restore lost articles');
  return ms;
}

const f3 = (x: number | null | undefined) => (x == null ? '—' : x.toFixed(3));
const ms = (x: number | null) => (x === null ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(0));

function printRow(r: Row): void {
  const q = r.quality;
  console.log(
    `| ${r.system} | ${r.stage} | ${r.queries} | ${f3(q.recall1)} | ${f3(q.recall5)} | ${f3(q.recall10)} | ${f3(q.mrr)} | ${f3(r.heldOut?.recall10)} / ${f3(r.heldOut?.mrr)} | ${f3(r.tuned?.recall10)} / ${f3(r.tuned?.mrr)} | ${f3(q.samePrecision)} | ${f3(q.sameRecall)} | ${ms(r.p50)} | ${ms(r.p95)} | ${(r.buildMs / 1000).toFixed(1)} | ${r.bytesPerArticle === null ? 'n/a' : Math.round(r.bytesPerArticle)} | ${ms(r.restoreMs)} |`,
  );
}

function printRatios(rows: Row[]): void {
  console.log('\nRatios, Framelens against each peer at the same archive size on the same query set (R@10 and MRR: ours / peer; speed: peer time / ours, >1 = we are faster):');
  for (const ours of rows.filter((r) => r.system === 'Framelens')) {
    for (const peer of rows.filter((r) => r.stage === ours.stage && r.queries === ours.queries && r.system !== 'Framelens')) {
      console.log(
        `  ${ours.stage}, ${ours.queries} queries, vs ${peer.system}: R@10 ×${(ours.quality.recall10 / peer.quality.recall10).toFixed(3)}, MRR ×${(ours.quality.mrr / peer.quality.mrr).toFixed(3)}, ` +
          `query p50 ${(peer.p50 / ours.p50).toFixed(1)}× faster, p95 ${(peer.p95 / ours.p95).toFixed(1)}×, build ${(peer.buildMs / ours.buildMs).toFixed(2)}×` +
          (peer.bytesPerArticle && ours.bytesPerArticle ? `, memory ${(peer.bytesPerArticle / ours.bytesPerArticle).toFixed(2)}× less` : ''),
      );
    }
  }
}


/**
 * Builds one system through the stages and runs the query sets at each. A function of its
 * own so that, once it returns, nothing keeps the system alive: the next system's memory
 * baseline must not include this one.
 */
async function measure(
  entry: (typeof SYSTEMS)[string],
  plan: readonly Stage[],
  gc: (() => void) | null,
  queries: readonly ArticleRecord[],
  bounded: readonly ArticleRecord[],
  boundedAll: readonly ArticleRecord[],
  tune: ArticleRecord[],
  heldOut: ArticleRecord[],
): Promise<Row[]> {
  const rows: Row[] = [];
  const base = await usedMemory(gc);
  const system = entry.make();
  let buildMs = 0;
  for (const stage of plan) {
    const t = performance.now();
    system.add(stage.added);
    system.prepare();
    buildMs += performance.now() - t;
    const used = await usedMemory(gc);
    const common = {
      system: system.name,
      stage: stage.label,
      size: stage.size,
      buildMs,
      bytesPerArticle: used !== null && base !== null ? (used - base) / stage.size : null,
      restoreMs: restoreTime(system),
    };
    const sets: [QuerySet, readonly ArticleRecord[]][] = entry.article
      ? [['article', queries], ['bounded', bounded], ['bounded, all', boundedAll]]
      : [['bounded', bounded]];
    for (const [set, qs] of sets) {
      const { answers, latencies } = runQueries(system, qs);
      const byId = new Map(qs.map((q, i) => [q.id, answers[i]!]));
      const part = (subsetOf: ArticleRecord[]) => {
        const own = subsetOf.filter((q) => byId.has(q.id));
        return evaluate(own, own.map((q) => byId.get(q.id)!), queries);
      };
      const row: Row = {
        ...common,
        queries: set,
        quality: evaluate(qs, answers, queries),
        tuned: set === 'article' ? part(tune) : null,
        heldOut: set === 'article' ? part(heldOut) : null,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
      };
      rows.push(row);
      printRow(row);
    }
  }
  return rows;
}

export async function run(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const wanted = (process.env.FRAMELENS_BENCH_SYSTEMS ?? Object.keys(SYSTEMS).join(',')).split(',').map((s) => s.trim().toLowerCase());
  const t0 = performance.now();
  const data = loadMatchingData();
  if (!data) return;
  const plan = stages(data, quick ? [10_000] : [10_000, Infinity, 100_000]);
  const queries = data.ecb;
  const { tune, heldOut } = splitQueries(queries);
  const subset = new Set(shuffled(queries, 4).slice(0, BOUNDED_QUERIES).map((q) => q.id));
  const boundedAll = boundedQueries(queries, plan[0]!.added);
  const bounded = boundedAll.filter((q) => subset.has(q.id));
  const gc = findGc();
  console.log(
    `queries: ${queries.length} ecbplus records (article), ${bounded.length} of them bounded (the same text for every system), all ${boundedAll.length} bounded (not MiniSearch); archive sizes: ${plan.map((s) => s.size).join(', ')}; data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores (timings are only comparable within one run); ` +
      `memory: ${gc ? 'heap + typed arrays after full GC' + ((globalThis as { gc?: unknown }).gc ? '' : ' (gc obtained via v8.setFlagsFromString, node was not run with --expose-gc)') : 'unavailable (no gc in this runtime)'}`,
  );
  console.log('\n| system | archive | queries | R@1 | R@5 | R@10 | MRR | held-out R@10 / MRR | tuned-on R@10 / MRR | same-story P | same-story R | p50 ms | p95 ms | build s | bytes/article | restore ms |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows: Row[] = [];
  for (const key of wanted) {
    const entry = SYSTEMS[key];
    if (!entry) {
      console.log(`unknown system "${key}" (have ${Object.keys(SYSTEMS).join(', ')})`);
      continue;
    }
    rows.push(...(await measure(entry, plan, gc, queries, bounded, boundedAll, tune, heldOut)));
  }
  const ceiling = rows[0]?.quality.ceiling10;
  if (ceiling !== undefined) console.log(`\nRecall@10 ceiling (stories larger than 11 articles): ${ceiling.toFixed(3)}; near-duplicates collapsed into a result count as retrieved at its rank.`);
  printRatios(rows);
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`\nmatching benchmark done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
