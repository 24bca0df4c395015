/**
 * Fits and reports the same-story decision (src/core/match/decision.ts); not part of
 * `npm run bench`. In the matching bench's ~38.5k archive it runs every query of the three
 * development sets (ecbplus and the political set, labelled by `story`; the hand-judged abp
 * pairs of data/abp-pairs.json) and reads each top-10 result's pairwise signals with its
 * label: the same story or not (results judged neither way are left out). Then:
 *
 * 1. an L2-regularised logistic regression on the tuned parts only (each set weighing the
 *    same, whatever its size), by Newton's method from zero, so the fit is deterministic;
 * 2. the same-story bar: the lowest probability (on a 0.01 grid) at and above which the
 *    precision is at least SAME_PRECISION on the tuned part of every set; the related bar:
 *    the lowest at and above which it is at least RELATED_PRECISION;
 * 3. precision and recall of both bars on every set's tuned part, held-out part and all,
 *    for the constants now in decision.ts and for the refitted ones, and for the old single
 *    bars on the plain score, for comparison.
 *
 * Precision counts the flagged results that are the same story; recall, the flagged ones
 * against all of the query's same-story articles (ecbplus, political: the story's other
 * records; abp: the pairs judged same story, in either system's top 5).
 *
 *   npx tsx bench/matching-decision.ts [--cache=dir] [--dump=FILE]
 *
 * `--cache`: matching-tune.ts's cache of the built index; `--dump`: writes every labelled
 * result's signals and label as JSON, for trying other terms.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { DECISION, DECISION_TERMS, MatchIndex, decisionTerms, type DecisionCoefficients, type MatchIndexSnapshot } from '../src/core/match';
import { extractFeatures } from '../src/core/match/features';
import { outletKey } from '../src/core/match/outlets';
import type { ArticleRecord, MatchResult } from '../src/core/types';
import { devSets, loadMatchingData, stages } from './matching-data';
import { FramelensSystem } from './matching-peers';

const SAME_PRECISION = 0.95;
const RELATED_PRECISION = 0.5;
const L2 = 0.01;

interface Example {
  set: string;
  held: boolean;
  x: number[];
  y: boolean;
  plain: number;
  raw?: Record<string, unknown>;
}

/** Per set and part: the examples and how many same-story articles there are to find. */
interface Part {
  examples: Example[];
  relevant: number;
}

interface AbpJudgements {
  queries: { query: string; same: string[]; different: string[] }[];
}

let outletOf: (id: string) => string = () => '';

function signals(q: ArticleRecord, r: MatchResult): { x: number[]; plain: number; raw: Record<string, unknown> } {
  const f = extractFeatures(q);
  const p = r.reasons.parts ?? {};
  const parts = { title: p.title ?? 0, lead: p.lead ?? 0, body: p.body ?? 0, entities: p.entities ?? 0, numbers: p.numbers ?? 0 };
  const queryHas = {
    title: f.title.size > 0,
    lead: f.lead.size > 0,
    body: f.body.size > 0,
    entities: f.entities.size > 0,
    numbers: f.numbers.size > 0,
  };
  return {
    x: decisionTerms({
      parts,
      queryHas,
      gapDays: r.reasons.dateGapDays,
      sameOutlet: outletKey(q.outlet) !== '' && outletKey(q.outlet) === outletOf(r.id),
    }),
    plain: p.plain ?? 0,
    raw: {
      ...p,
      score: r.score,
      gap: r.reasons.dateGapDays,
      qTitle: queryHas.title,
      qNumbers: queryHas.numbers,
      query: q.id,
      result: r.id,
    },
  };
}

function collect(index: MatchIndex, data: NonNullable<ReturnType<typeof loadMatchingData>>): Map<string, Part> {
  const parts = new Map<string, Part>();
  const part = (set: string, held: boolean) => {
    const key = `${set} ${held ? 'held' : 'tune'}`;
    let p = parts.get(key);
    if (!p) parts.set(key, (p = { examples: [], relevant: 0 }));
    return p;
  };
  for (const set of devSets(data)) {
    const held = new Set(set.heldOut.map((q) => q.id));
    const byStory = new Map<string, Set<string>>();
    for (const q of set.queries) byStory.set(q.story!, (byStory.get(q.story!) ?? new Set()).add(q.id));
    for (const q of set.queries) {
      const relevant = new Set(byStory.get(q.story!)!);
      relevant.delete(q.id);
      const p = part(set.name, held.has(q.id));
      p.relevant += relevant.size;
      for (const r of index.search(q, { top: 10 })) {
        if (set.unjudged(r.id) === q.story) continue;
        p.examples.push({ set: set.name, held: held.has(q.id), y: relevant.has(r.id), ...signals(q, r) });
      }
    }
  }
  const judged = JSON.parse(readFileSync(new URL('./data/abp-pairs.json', import.meta.url), 'utf8')) as AbpJudgements;
  const byId = new Map(data.distractors.map((r) => [r.id, r]));
  judged.queries.forEach((j, i) => {
    const q = byId.get(j.query)!;
    const held = i % 2 === 1;
    const same = new Set(j.same);
    const different = new Set(j.different);
    const p = part('abp-pairs', held);
    p.relevant += same.size;
    for (const r of index.search(q, { top: 10 })) {
      if (!same.has(r.id) && !different.has(r.id)) continue;
      p.examples.push({ set: 'abp-pairs', held, y: same.has(r.id), ...signals(q, r) });
    }
  });
  return parts;
}

/** Weighted L2-regularised logistic regression by Newton's method (intercept unpenalised). */
function fit(examples: readonly Example[], weightOf: (e: Example) => number): DecisionCoefficients {
  const d = DECISION_TERMS.length + 1;
  const beta = new Float64Array(d);
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    for (const e of examples) {
      const x = [1, ...e.x];
      const z = x.reduce((s, v, i) => s + v * beta[i]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = weightOf(e);
      for (let i = 0; i < d; i++) {
        grad[i]! += w * (p - (e.y ? 1 : 0)) * x[i]!;
        for (let k = 0; k < d; k++) hess[i]![k]! += w * p * (1 - p) * x[i]! * x[k]!;
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i]! += L2 * beta[i]!;
      hess[i]![i]! += L2;
    }
    const step = solve(hess, grad);
    for (let i = 0; i < d; i++) beta[i]! -= step[i]!;
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { intercept: round(beta[0]!), weights: [...beta.slice(1)].map(round), sameStory: 0.5, related: 0.5 };
}

/** Gaussian elimination with partial pivoting. */
function solve(a: Float64Array[], b: Float64Array): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

const probability = (c: DecisionCoefficients, x: readonly number[]) =>
  1 / (1 + Math.exp(-(c.intercept + x.reduce((s, v, i) => s + v * (c.weights[i] ?? 0), 0))));

function rates(p: Part, flagged: (e: Example) => boolean): { precision: number; recall: number; flags: number } {
  const marked = p.examples.filter(flagged);
  const right = marked.filter((e) => e.y).length;
  return { precision: marked.length ? right / marked.length : 1, recall: right / p.relevant, flags: marked.length };
}

/** The lowest bar on the grid at and above which every tuned part keeps `precision`. */
function lowestBar(tuned: readonly Part[], c: DecisionCoefficients, precision: number): number {
  let bar = 1;
  for (let t = 99; t >= 1; t--) {
    const at = t / 100;
    if (tuned.some((p) => rates(p, (e) => probability(c, e.x) >= at).precision < precision)) break;
    bar = at;
  }
  return bar;
}

function report(parts: Map<string, Part>, label: string, flagged: (e: Example) => boolean): void {
  console.log(`  ${label}`);
  const sets = [...new Set([...parts.keys()].map((k) => k.split(' ')[0]!))];
  for (const set of sets) {
    const tune = parts.get(`${set} tune`)!;
    const held = parts.get(`${set} held`)!;
    const all: Part = { examples: [...tune.examples, ...held.examples], relevant: tune.relevant + held.relevant };
    const f = (p: Part) => {
      const r = rates(p, flagged);
      return `P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} (${r.flags} flags)`;
    };
    console.log(`    ${set.padEnd(10)} tune ${f(tune)} | held ${f(held)} | all ${f(all)}`);
  }
}

async function main(): Promise<void> {
  const cacheDir = process.argv.find((a) => a.startsWith('--cache='))?.slice('--cache='.length);
  const data = loadMatchingData();
  if (!data) return;
  const framelens = new FramelensSystem();
  const indexCache = cacheDir && join(cacheDir, 'framelens-Infinity.bin');
  if (indexCache && existsSync(indexCache)) {
    framelens.index = MatchIndex.fromJSON(v8.deserialize(readFileSync(indexCache)) as MatchIndexSnapshot);
  } else {
    const [stage] = stages(data, [Infinity]);
    framelens.add(stage!.added);
    framelens.prepare();
  }
  const outlets = new Map([...data.ecb, ...data.political, ...data.distractors].map((r) => [r.id, outletKey(r.outlet)]));
  // A repeated distractor (`id~1`, see stages) is the same article.
  outletOf = (id) => outlets.get(id.replace(/~\d+$/, '')) ?? '';
  const parts = collect(framelens.index, data);
  const dump = process.argv.find((a) => a.startsWith('--dump='))?.slice('--dump='.length);
  if (dump) writeFileSync(dump, JSON.stringify([...parts.values()].flatMap((p) => p.examples)));
  const tunedParts = [...parts].filter(([k]) => k.endsWith('tune')).map(([, p]) => p);
  const tuned = tunedParts.flatMap((p) => p.examples);
  const perSet = new Map(tunedParts.map((p) => [p.examples[0]?.set, p.examples.length]));
  const fitted = fit(tuned, (e) => 1 / perSet.get(e.set)!);
  fitted.sameStory = lowestBar(tunedParts, fitted, SAME_PRECISION);
  fitted.related = lowestBar(tunedParts, fitted, RELATED_PRECISION);
  for (const [k, p] of parts) console.log(`${k}: ${p.examples.length} labelled results, ${p.relevant} same-story articles to find`);
  console.log(`\nterms: ${DECISION_TERMS.join(', ')}`);
  console.log(`refitted on the tuned parts: ${JSON.stringify(fitted)}`);
  console.log(`in decision.ts:               ${JSON.stringify(DECISION)}\n`);
  for (const [name, c] of [
    ['decision.ts', DECISION],
    ['refitted', fitted],
  ] as const) {
    report(parts, `${name}: same story (p >= ${c.sameStory})`, (e) => probability(c, e.x) >= c.sameStory);
    report(parts, `${name}: related (p >= ${c.related})`, (e) => probability(c, e.x) >= c.related);
  }
  report(parts, 'previous single bar: plain score >= 0.4 (same story)', (e) => e.plain >= 0.4);
  report(parts, 'previous single bar: plain score >= 0.18 (related)', (e) => e.plain >= 0.18);
}

await main();
