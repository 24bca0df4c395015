/**
 * Matching benchmark (docs/DESIGN.md quality bars). Two development sets, every record of
 * each a query (matching-data.ts): ecbplus (hard negatives: another event of the same kind)
 * and the political set (NewsWCL50's ten events of April–May 2018, five US outlets each,
 * and the seed pair; hard negatives: abp's other stories about the same people in the same
 * weeks). Relevant = the other records of the query's story (`story` is read only by the
 * evaluator in matching-metrics.ts); abp articles judged by hand to report a political event
 * too are dropped from its queries' results (bench/data/political-coverage.json). The
 * archive is both sets plus abp distractors at 10k, all of abp (~38.5k) and 100k (abp
 * repeated under new ids), each system built incrementally through those sizes in the same
 * run, on the same records and queries, in a fixed seeded order: Framelens's MatchIndex, a
 * plain log-TF·IDF cosine (title + body, no stemming), MiniSearch (BM25+) and FlexSearch.
 *
 * Query sets, per development set:
 * - "article": the whole query article (what the extension does). Framelens, TF-IDF and
 *   FlexSearch answer it; MiniSearch is skipped (~1.4 s a query at 10k).
 * - "bounded": every system gets the same bounded query text (matching-data.ts: title,
 *   the first 60 words, the 20 words of highest TF·IDF of the rest), on a fixed seeded subset
 *   of BOUNDED_QUERIES queries (all of a set smaller than that), so that MiniSearch finishes
 *   at 100k. Ratios compare systems within one query set.
 * - "bounded, all": the same bounded texts for all of a larger set's queries, for the
 *   systems that answer whole articles too (not MiniSearch).
 *
 * Reported: Recall@1/5/10 and MRR counted as the CLI lists results (ids only: a result's
 * collapsed near-duplicates are not counted) and, separately, with collapsed duplicates
 * counted as found at its rank; the same-story decision's and the related bar's precision
 * and recall (over the top 10, ids only); query latency p50/p95 (the whole search call,
 * including reading the query article); build time (cumulative over the stages; adds plus
 * the final compaction); memory per article (heap + typed arrays after a full GC, minus the
 * same before the system was created); for Framelens the snapshot restore time (structured
 * clone of toJSON(), then fromJSON until the index answers).
 *
 * Held out: knobs are chosen on the tuned part of each set only (bench/matching-tune.ts:
 * ecbplus odd topics, NewsWCL50 events 0–4 and the seed pair; bench/README.md says what that
 * does and does not cover); every article row also gives R@10 and MRR (ids only) on the
 * held-out part (ecbplus even topics, NewsWCL50 events 5–9) and on the tuned part.
 *
 *   npx tsx bench/index.ts matching [--quick]     (--quick: the 10k archive only)
 *   FRAMELENS_BENCH_SYSTEMS=framelens,tfidf        (a subset of systems)
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { MatchIndex } from '../src/core/match';
import type { ArticleRecord } from '../src/core/types';
import { boundedQueries, devSets, loadMatchingData, shuffled, stages, type DevSet, type Stage } from './matching-data';
import { evaluate, findGc, percentile, usedMemory, type Quality, type Ranked } from './matching-metrics';
import { FlexSearchSystem, FramelensSystem, MiniSearchSystem, TfIdfSystem, type MatchSystem } from './matching-peers';

type QuerySet = 'article' | 'bounded' | 'bounded, all';

interface Row {
  system: string;
  stage: string;
  set: string;
  queries: QuerySet;
  size: number;
  /** Counted as the CLI lists results (ids only). */
  quality: Quality;
  /** Collapsed near-duplicates counted as found at their result's rank. */
  groups: Quality;
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
    answers.push({ ids: a.ids, ...(a.flagged ? { flagged: a.flagged } : {}), ...(a.related ? { related: a.related } : {}) });
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
  const g = r.groups;
  console.log(
    `| ${r.system} | ${r.stage} | ${r.set} | ${r.queries} | ${f3(q.recall1)} | ${f3(q.recall5)} | ${f3(q.recall10)} | ${f3(q.mrr)} | ${f3(g.recall1)} / ${f3(g.recall10)} / ${f3(g.mrr)} | ${f3(r.heldOut?.recall10)} / ${f3(r.heldOut?.mrr)} | ${f3(r.tuned?.recall10)} / ${f3(r.tuned?.mrr)} | ${f3(q.samePrecision)} / ${f3(q.sameRecall)} | ${f3(q.relatedPrecision)} / ${f3(q.relatedRecall)} | ${ms(r.p50)} | ${ms(r.p95)} | ${(r.buildMs / 1000).toFixed(1)} | ${r.bytesPerArticle === null ? 'n/a' : Math.round(r.bytesPerArticle)} | ${ms(r.restoreMs)} |`,
  );
}

function printRatios(rows: Row[]): void {
  console.log(
    '\nRatios, Framelens against each peer at the same archive size on the same development and query set (R@10 and MRR ids only: ours / peer; speed: peer time / ours, >1 = we are faster):',
  );
  for (const ours of rows.filter((r) => r.system === 'Framelens')) {
    for (const peer of rows.filter(
      (r) => r.stage === ours.stage && r.set === ours.set && r.queries === ours.queries && r.system !== 'Framelens',
    )) {
      const held =
        ours.heldOut && peer.heldOut
          ? `, held-out R@10 ×${(ours.heldOut.recall10 / peer.heldOut.recall10).toFixed(3)} MRR ×${(ours.heldOut.mrr / peer.heldOut.mrr).toFixed(3)}`
          : '';
      console.log(
        `  ${ours.stage}, ${ours.set}, ${ours.queries} queries, vs ${peer.system}: R@10 ×${(ours.quality.recall10 / peer.quality.recall10).toFixed(3)}, MRR ×${(ours.quality.mrr / peer.quality.mrr).toFixed(3)}${held}, ` +
          `query p50 ${(peer.p50 / ours.p50).toFixed(1)}× faster, p95 ${(peer.p95 / ours.p95).toFixed(1)}×, build ${(peer.buildMs / ours.buildMs).toFixed(2)}×` +
          (peer.bytesPerArticle && ours.bytesPerArticle
            ? `, memory ${(peer.bytesPerArticle / ours.bytesPerArticle).toFixed(2)}× less`
            : ''),
      );
    }
  }
}

/** The query sets of one development set: whole articles, a bounded subset, and all bounded when the subset is smaller. */
interface SetPlan {
  dev: DevSet;
  sets: [QuerySet, readonly ArticleRecord[]][];
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
  setPlans: readonly SetPlan[],
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
    for (const { dev, sets } of setPlans) {
      for (const [set, qs] of sets) {
        if (!entry.article && set !== 'bounded') continue;
        const { answers, latencies } = runQueries(system, qs);
        const byId = new Map(qs.map((q, i) => [q.id, answers[i]!]));
        const part = (subsetOf: ArticleRecord[]) => {
          const own = subsetOf.filter((q) => byId.has(q.id));
          return evaluate(
            own,
            own.map((q) => byId.get(q.id)!),
            dev.queries,
            'ids',
            dev.unjudged,
          );
        };
        const row: Row = {
          ...common,
          set: dev.name,
          queries: set,
          quality: evaluate(qs, answers, dev.queries, 'ids', dev.unjudged),
          groups: evaluate(qs, answers, dev.queries, 'groups', dev.unjudged),
          tuned: set === 'article' ? part(dev.tune) : null,
          heldOut: set === 'article' ? part(dev.heldOut) : null,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
        };
        rows.push(row);
        printRow(row);
      }
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
  const setPlans: SetPlan[] = devSets(data).map((dev) => {
    const boundedAll = boundedQueries(dev.queries, plan[0]!.added);
    const subset = new Set(
      shuffled(dev.queries, 4)
        .slice(0, BOUNDED_QUERIES)
        .map((q) => q.id),
    );
    const sets: [QuerySet, readonly ArticleRecord[]][] = [
      ['article', dev.queries],
      ['bounded', boundedAll.filter((q) => subset.has(q.id))],
    ];
    if (subset.size < dev.queries.length) sets.push(['bounded, all', boundedAll]);
    return { dev, sets };
  });
  const gc = findGc();
  const described = setPlans.map(
    ({ dev, sets }) =>
      `${dev.name}: ${sets.map(([name, qs]) => `${qs.length} ${name}`).join(', ')} (tuned on ${dev.tune.length}, held out ${dev.heldOut.length})`,
  );
  console.log(
    `queries: ${described.join('; ')}; archive sizes: ${plan.map((s) => s.size).join(', ')}; data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores (timings are only comparable within one run); ` +
      `memory: ${gc ? 'heap + typed arrays after full GC' + ((globalThis as { gc?: unknown }).gc ? '' : ' (gc obtained via v8.setFlagsFromString, node was not run with --expose-gc)') : 'unavailable (no gc in this runtime)'}`,
  );
  console.log(
    '\nR@k and MRR count ids only, as the CLI lists results; "with duplicates" counts a result\'s collapsed near-duplicates as found at its rank.',
  );
  console.log(
    '\n| system | archive | set | queries | R@1 | R@5 | R@10 | MRR | with duplicates R@1 / R@10 / MRR | held-out R@10 / MRR | tuned-on R@10 / MRR | same-story P / R | related P / R | p50 ms | p95 ms | build s | bytes/article | restore ms |',
  );
  console.log(
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  const rows: Row[] = [];
  for (const key of wanted) {
    const entry = SYSTEMS[key];
    if (!entry) {
      console.log(`unknown system "${key}" (have ${Object.keys(SYSTEMS).join(', ')})`);
      continue;
    }
    rows.push(...(await measure(entry, plan, gc, setPlans)));
  }
  for (const { dev } of setPlans) {
    const ceiling = rows.find((r) => r.set === dev.name)?.quality.ceiling10;
    if (ceiling !== undefined) console.log(`\nRecall@10 ceiling on ${dev.name} (stories larger than 11 articles): ${ceiling.toFixed(3)}.`);
  }
  printRatios(rows);
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`\nmatching benchmark done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
