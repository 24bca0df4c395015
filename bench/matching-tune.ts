/**
 * Tuning helper for the matcher (not part of `npm run bench`): builds Framelens's index once
 * on the matching bench's archive, then scores the ecbplus queries under each tuning given
 * in a JSON file (an array of MatchTuning objects, the defaults filling what they leave
 * out), on the tuning half (odd topics), the held-out half (even topics) and all.
 *
 *   npx tsx bench/matching-tune.ts tunings.json [size=10000] [storedTerms]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CANDIDATE_OPTIONS, DEFAULT_WEIGHTS, SAME_STORY_THRESHOLD, type MatchTuning } from '../src/core/match';
import type { ArticleRecord } from '../src/core/types';
import { loadMatchingData, splitQueries, stages } from './matching-data';
import { evaluate, type Quality } from './matching-metrics';
import { FramelensSystem } from './matching-peers';

const fmt = (q: Quality) => `R@1 ${q.recall1.toFixed(3)} R@10 ${q.recall10.toFixed(3)} MRR ${q.mrr.toFixed(3)} P ${q.samePrecision?.toFixed(3)} R ${q.sameRecall?.toFixed(3)}`;

async function main(): Promise<void> {
  const tunings = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as MatchTuning[];
  const size = Number(process.argv[3] ?? 10_000);
  const data = loadMatchingData();
  if (!data) return;
  const [stage] = stages(data, [size]);
  const storedTerms = process.argv[4] ? Number(process.argv[4]) : undefined;
  const system = new FramelensSystem(storedTerms ? { storedTerms } : {});
  let t = performance.now();
  system.add(stage!.added);
  system.prepare();
  console.log(`built ${stage!.size} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const { tune, heldOut } = splitQueries(data.ecb);
  for (const tuning of tunings) {
    system.index.tune({
      weights: { ...DEFAULT_WEIGHTS, ...tuning.weights },
      candidates: { ...DEFAULT_CANDIDATE_OPTIONS, ...tuning.candidates },
      sameStoryThreshold: tuning.sameStoryThreshold ?? SAME_STORY_THRESHOLD,
    });
    t = performance.now();
    const answers = new Map<string, ReturnType<FramelensSystem['search']>>();
    for (const q of data.ecb) answers.set(q.id, system.search(q, 10));
    const ms = (performance.now() - t) / data.ecb.length;
    const ev = (qs: ArticleRecord[]) => evaluate(qs, qs.map((q) => answers.get(q.id)!));
    console.log(`${JSON.stringify(tuning)}\n  tune ${fmt(ev(tune))}\n  held ${fmt(ev(heldOut))}\n  all  ${fmt(ev(data.ecb))}  ${ms.toFixed(2)} ms/q`);
  }
}

await main();
