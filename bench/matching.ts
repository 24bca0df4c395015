/**
 * Matching benchmark (issue 4, DESIGN.md quality bars). Every ecbplus record is a query;
 * relevant = the other records of its story (`story` is read only by the evaluator in
 * matching-metrics.ts). The archive is ecbplus plus abp distractors at 10k, all of abp
 * (~38k) and 100k (abp repeated under new ids), each system built incrementally through
 * those sizes in the same run, on the same records and queries, in a fixed seeded order:
 * Framelens's MatchIndex, a plain log-TF·IDF cosine (title + body, no stemming),
 * MiniSearch (BM25+) and FlexSearch.
 *
 * Reported: Recall@1/5/10, MRR, the same-story decision's precision and recall (over the
 * top 10), query latency p50/p95 (the whole search call, including reading the query
 * article), build time (cumulative over the stages; adds plus the final compaction),
 * memory per article (heap + typed arrays after a full GC, minus the same before the
 * system was created), and for Framelens the snapshot restore time (structured clone of
 * toJSON(), then fromJSON until the index answers).
 *
 * Note: Framelens's weights and threshold were tuned on this same ecbplus set (no held-out
 * split), so its quality figures are optimistic by whatever that tuning overfits.
 *
 *   npx tsx bench/index.ts matching [--quick]     (--quick: the 10k archive only)
 *   FRAMELENS_BENCH_SYSTEMS=framelens,tfidf        (a subset of systems)
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { MatchIndex } from '../src/core/match';
import type { ArticleRecord } from '../src/core/types';
import { loadMatchingData, stages } from './matching-data';
import { evaluate, findGc, percentile, usedMemory, type Quality, type Ranked } from './matching-metrics';
import { FlexSearchSystem, FramelensSystem, MiniSearchSystem, TfIdfSystem, type MatchSystem } from './matching-peers';

interface Row {
  system: string;
  stage: string;
  size: number;
  quality: Quality;
  p50: number;
  p95: number;
  buildMs: number;
  bytesPerArticle: number | null;
  restoreMs: number | null;
}

// In this order: the slowest peer last.
const SYSTEMS: Record<string, () => MatchSystem> = {
  framelens: () => new FramelensSystem(),
  tfidf: () => new TfIdfSystem(),
  flexsearch: () => new FlexSearchSystem(),
  minisearch: () => new MiniSearchSystem(),
};

const TOP = 10;

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

const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const ms = (x: number | null) => (x === null ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(0));

function printRow(r: Row): void {
  const q = r.quality;
  console.log(
    `| ${r.system} | ${r.stage} | ${f3(q.recall1)} | ${f3(q.recall5)} | ${f3(q.recall10)} | ${f3(q.mrr)} | ${f3(q.samePrecision)} | ${f3(q.sameRecall)} | ${ms(r.p50)} | ${ms(r.p95)} | ${(r.buildMs / 1000).toFixed(1)} | ${r.bytesPerArticle === null ? 'n/a' : Math.round(r.bytesPerArticle)} | ${ms(r.restoreMs)} |`,
  );
}

function printRatios(rows: Row[]): void {
  console.log('\nRatios, Framelens against each peer at the same archive size (R@10 and MRR: ours / peer; speed: peer time / ours, >1 = we are faster):');
  for (const ours of rows.filter((r) => r.system === 'Framelens')) {
    for (const peer of rows.filter((r) => r.stage === ours.stage && r.system !== 'Framelens')) {
      console.log(
        `  ${ours.stage} vs ${peer.system}: R@10 ×${(ours.quality.recall10 / peer.quality.recall10).toFixed(3)}, MRR ×${(ours.quality.mrr / peer.quality.mrr).toFixed(3)}, ` +
          `query p50 ${(peer.p50 / ours.p50).toFixed(1)}× faster, p95 ${(peer.p95 / ours.p95).toFixed(1)}×, build ${(peer.buildMs / ours.buildMs).toFixed(2)}×` +
          (peer.bytesPerArticle && ours.bytesPerArticle ? `, memory ${(peer.bytesPerArticle / ours.bytesPerArticle).toFixed(2)}× less` : ''),
      );
    }
  }
}

export async function run(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const wanted = (process.env.FRAMELENS_BENCH_SYSTEMS ?? Object.keys(SYSTEMS).join(',')).split(',').map((s) => s.trim().toLowerCase());
  const t0 = performance.now();
  const data = loadMatchingData();
  if (!data) return;
  const plan = stages(data, quick ? [10_000] : [10_000, Infinity, 100_000]);
  const queries = data.ecb;
  const gc = findGc();
  console.log(
    `queries: ${queries.length} ecbplus records; archive sizes: ${plan.map((s) => s.size).join(', ')}; data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores (timings are only comparable within one run); ` +
      `memory: ${gc ? 'heap + typed arrays after full GC' + ((globalThis as { gc?: unknown }).gc ? '' : ' (gc obtained via v8.setFlagsFromString, node was not run with --expose-gc)') : 'unavailable (no gc in this runtime)'}`,
  );
  console.log('\n| system | archive | R@1 | R@5 | R@10 | MRR | same-story P | same-story R | p50 ms | p95 ms | build s | bytes/article | restore ms |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows: Row[] = [];
  for (const key of wanted) {
    const make = SYSTEMS[key];
    if (!make) {
      console.log(`unknown system "${key}" (have ${Object.keys(SYSTEMS).join(', ')})`);
      continue;
    }
    const base = usedMemory(gc);
    const system = make();
    let buildMs = 0;
    for (const stage of plan) {
      const t = performance.now();
      system.add(stage.added);
      system.prepare();
      buildMs += performance.now() - t;
      const used = usedMemory(gc);
      const { answers, latencies } = runQueries(system, queries);
      const row: Row = {
        system: system.name,
        stage: stage.label,
        size: stage.size,
        quality: evaluate(queries, answers),
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        buildMs,
        bytesPerArticle: used !== null && base !== null ? (used - base) / stage.size : null,
        restoreMs: restoreTime(system),
      };
      rows.push(row);
      printRow(row);
    }
  }
  const ceiling = rows[0]?.quality.ceiling10;
  if (ceiling !== undefined) console.log(`\nRecall@10 ceiling (stories larger than 11 articles): ${ceiling.toFixed(3)}; near-duplicates collapsed into a result count as retrieved at its rank.`);
  printRatios(rows);
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`\nmatching benchmark done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
