/**
 * Tuning helper for the matcher (not part of `npm run bench`): builds Framelens's index and
 * the TF-IDF baseline once on the matching bench's archive, then scores every development
 * set's queries under each tuning given in a JSON file (an array of MatchTuning objects, the
 * defaults filling what they leave out). Metrics count ids only, as the CLI lists results;
 * each set is reported on its tuned part, its held-out part and all (see devSets in
 * matching-data.ts). Choose knobs on the tuned parts only.
 *
 *   npx tsx bench/matching-tune.ts tunings.json [size=all] [--dump=results.ndjson] [--cache=dir]
 *
 * `size`: archive size (default: both sets plus all of abp, ~38.5k). `--dump`: writes each
 * query's top 10 under the last tuning (id, plain score, score, flags, relevant or not) for
 * reading the precision curve of the same-story and related bars. `--cache`: keeps the built
 * index (a snapshot) and the baseline's answers in `dir` and reuses them when present, so a
 * change to scoring is measured in seconds; delete the cache after changing what the index
 * stores (features, entries).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_CANDIDATE_OPTIONS,
  DEFAULT_WEIGHTS,
  MatchIndex,
  RELATED_THRESHOLD,
  SAME_STORY_THRESHOLD,
  type MatchIndexSnapshot,
  type MatchTuning,
} from '../src/core/match';
import type { ArticleRecord } from '../src/core/types';
import { devSets, loadMatchingData, stages } from './matching-data';
import { evaluate, percentile, type Quality, type Ranked } from './matching-metrics';
import { FramelensSystem, TfIdfSystem } from './matching-peers';

const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const fmt = (q: Quality) =>
  `R@1 ${f3(q.recall1)} R@5 ${f3(q.recall5)} R@10 ${f3(q.recall10)} MRR ${f3(q.mrr)} | same P ${f3(q.samePrecision)} R ${f3(q.sameRecall)} | related P ${f3(q.relatedPrecision)} R ${f3(q.relatedRecall)}`;

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const dumpPath = process.argv.find((a) => a.startsWith('--dump='))?.slice('--dump='.length);
  const tunings = JSON.parse(readFileSync(args[0]!, 'utf8')) as MatchTuning[];
  const size = args[1] && args[1] !== 'all' ? Number(args[1]) : Infinity;
  const cacheDir = process.argv.find((a) => a.startsWith('--cache='))?.slice('--cache='.length);
  const indexCache = cacheDir && join(cacheDir, `framelens-${size}.bin`);
  const baselineCache = cacheDir && join(cacheDir, `tfidf-${size}.json`);
  const cached = !!indexCache && existsSync(indexCache) && !!baselineCache && existsSync(baselineCache);
  const data = loadMatchingData(!cached);
  if (!data) return;
  const sets = devSets(data);
  const queries = sets.flatMap((s) => s.queries);
  const framelens = new FramelensSystem();
  let baseline: Map<string, Ranked>;
  if (cached) {
    framelens.index = MatchIndex.fromJSON(v8.deserialize(readFileSync(indexCache)) as MatchIndexSnapshot);
    baseline = new Map(JSON.parse(readFileSync(baselineCache, 'utf8')) as [string, Ranked][]);
    console.log(`restored ${framelens.index.size} articles and the baseline's answers from ${cacheDir}`);
  } else {
    const [stage] = stages(data, [size]);
    const tfidf = new TfIdfSystem();
    for (const system of [framelens, tfidf]) {
      const t = performance.now();
      system.add(stage!.added);
      system.prepare();
      console.log(`${system.name}: built ${stage!.size} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    baseline = new Map(queries.map((q) => [q.id, tfidf.search(q, 10)]));
    if (cacheDir) {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(indexCache!, v8.serialize(framelens.index.toJSON()));
      writeFileSync(baselineCache!, JSON.stringify([...baseline]));
    }
  }
  const report = (name: string, answers: ReadonlyMap<string, Ranked>) => {
    for (const set of sets) {
      const ev = (qs: ArticleRecord[]) =>
        evaluate(
          qs,
          qs.map((q) => answers.get(q.id)!),
          set.queries,
          'ids',
          set.unjudged,
        );
      console.log(
        `  ${set.name} ${name}\n    tune ${fmt(ev(set.tune))}\n    held ${fmt(ev(set.heldOut))}\n    all  ${fmt(ev(set.queries))}`,
      );
    }
  };
  console.log('TF-IDF baseline');
  report('tfidf', baseline);
  let last = new Map<string, ReturnType<FramelensSystem['search']>>();
  for (const tuning of tunings) {
    framelens.index.tune({
      weights: { ...DEFAULT_WEIGHTS, ...tuning.weights },
      candidates: { ...DEFAULT_CANDIDATE_OPTIONS, ...tuning.candidates },
      sameStoryThreshold: tuning.sameStoryThreshold ?? SAME_STORY_THRESHOLD,
      relatedThreshold: tuning.relatedThreshold ?? RELATED_THRESHOLD,
    });
    const latencies: number[] = [];
    const cpu: number[] = [];
    last = new Map();
    for (const q of queries) {
      const t = performance.now();
      const c = process.cpuUsage();
      last.set(q.id, framelens.search(q, 10));
      const used = process.cpuUsage(c);
      latencies.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    // CPU time is what a query costs; wall time also counts waiting for a core on a shared machine.
    console.log(`${JSON.stringify(tuning)}  p50 ${percentile(latencies, 50).toFixed(2)} ms wall, ${percentile(cpu, 50).toFixed(2)} ms CPU`);
    report('framelens', last);
  }
  if (dumpPath) {
    const lines: string[] = [];
    for (const set of sets) {
      const storyOf = new Map(set.queries.map((q) => [q.id, q.story]));
      const held = new Set(set.heldOut.map((q) => q.id));
      for (const q of set.queries) {
        const a = last.get(q.id)!;
        const results = a.ids.map((group, i) => ({
          id: group[0],
          plain: a.plain[i],
          sameStory: a.flagged[i],
          related: a.related[i],
          relevant: storyOf.get(group[0]!) === q.story ? true : set.unjudged(group[0]!) === q.story ? 'judged' : false,
        }));
        lines.push(JSON.stringify({ set: set.name, part: held.has(q.id) ? 'held' : 'tune', query: q.id, title: q.title, results }));
      }
    }
    writeFileSync(dumpPath, lines.join('\n') + '\n');
    console.log(`wrote ${lines.length} queries' results to ${dumpPath}`);
  }
}

await main();
