/**
 * Lists the candidate pairs of the hand-judged abp pair set (bench/data/abp-pairs.json, rules
 * in bench/data/README.md) for a person to judge: a seeded sample of abp articles as queries
 * in the matching bench's ~38.5k archive, each with the union of Framelens's and the TF-IDF
 * baseline's first PAIR_TOP results (ids only). It prints titles, outlets, dates and openings,
 * never a score, so the judging cannot lean on the matcher. Not part of `npm run bench`.
 *
 *   npx tsx bench/matching-pairs.ts OUT.txt [--cache=dir]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { MatchIndex, type MatchIndexSnapshot } from '../src/core/match';
import type { ArticleRecord } from '../src/core/types';
import { loadMatchingData, shuffled, stages } from './matching-data';
import { FramelensSystem, TfIdfSystem } from './matching-peers';

/** How many abp articles are sampled as queries, the seed, and how many results of each system are judged. */
export const PAIR_QUERIES = 100;
export const PAIR_SEED = 20261204;
export const PAIR_TOP = 5;

/** The sampled query ids: a fixed seeded draw from abp (the same draw the judgements were made on). */
export function pairQueryIds(distractors: readonly ArticleRecord[]): string[] {
  return shuffled(
    distractors.map((r) => r.id),
    PAIR_SEED,
  ).slice(0, PAIR_QUERIES);
}

interface PairJudgements {
  queries: { query: string; same: string[]; different: string[] }[];
}

/** Precision and recall of a flag on the judged pairs, per part (even positions tuned on, odd held out). */
export interface PairQuality {
  tune: { same: [number, number]; related: [number, number] };
  held: { same: [number, number]; related: [number, number] };
}

/**
 * The same-story decision and the related bar on the hand-judged abp pairs (data/abp-pairs.json):
 * over each query's top 10, results judged neither way left out; recall against the pairs
 * judged the same story. A repeated distractor (`id~1`) is the judged article itself.
 */
export function pairQuality(
  search: (q: ArticleRecord) => { ids: string[][]; flagged?: boolean[]; related?: boolean[] },
  distractors: readonly ArticleRecord[],
): PairQuality {
  const judged = JSON.parse(readFileSync(new URL('./data/abp-pairs.json', import.meta.url), 'utf8')) as PairJudgements;
  const byId = new Map(distractors.map((r) => [r.id, r]));
  const count = () => ({ same: { flags: 0, right: 0 }, related: { flags: 0, right: 0 }, relevant: 0 });
  const parts = { tune: count(), held: count() };
  judged.queries.forEach((j, i) => {
    const part = i % 2 === 1 ? parts.held : parts.tune;
    const same = new Set(j.same);
    const different = new Set(j.different);
    part.relevant += same.size;
    const a = search(byId.get(j.query)!);
    a.ids.forEach((group, k) => {
      const id = group[0]!.replace(/~\d+$/, '');
      if (!same.has(id) && !different.has(id)) return;
      for (const [flag, c] of [
        [a.flagged?.[k], part.same],
        [a.related?.[k], part.related],
      ] as const) {
        if (!flag) continue;
        c.flags++;
        if (same.has(id)) c.right++;
      }
    });
  });
  const rate = (c: { flags: number; right: number }, relevant: number): [number, number] => [
    c.flags ? c.right / c.flags : 1,
    c.right / relevant,
  ];
  const out = (p: ReturnType<typeof count>) => ({ same: rate(p.same, p.relevant), related: rate(p.related, p.relevant) });
  return { tune: out(parts.tune), held: out(parts.held) };
}

async function main(): Promise<void> {
  const out = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!out) throw new Error('usage: matching-pairs.ts OUT.txt [--cache=dir]');
  const cacheDir = process.argv.find((a) => a.startsWith('--cache='))?.slice('--cache='.length);
  const data = loadMatchingData();
  if (!data) return;
  const [stage] = stages(data, [Infinity]);
  const framelens = new FramelensSystem();
  const indexCache = cacheDir && join(cacheDir, 'framelens-Infinity.bin');
  if (indexCache && existsSync(indexCache)) {
    framelens.index = MatchIndex.fromJSON(v8.deserialize(readFileSync(indexCache)) as MatchIndexSnapshot);
  } else {
    framelens.add(stage!.added);
    framelens.prepare();
  }
  const tfidf = new TfIdfSystem();
  tfidf.add(stage!.added);
  tfidf.prepare();
  const byId = new Map(stage!.added.map((r) => [r.id, r]));
  const show = (r: ArticleRecord) =>
    `${r.id} | ${r.outlet} | ${r.published ?? 'no date'} | ${r.title}\n      ${(r.text ?? '').replace(/\s+/g, ' ').slice(0, 420)}`;
  const lines: string[] = [];
  for (const id of pairQueryIds(data.distractors)) {
    const q = byId.get(id)!;
    const f = framelens.search(q, PAIR_TOP).ids.map((g) => g[0]!);
    const t = tfidf.search(q, PAIR_TOP).ids.map((g) => g[0]!);
    const candidates = [...new Set([...f, ...t])].sort();
    lines.push(`QUERY ${show(q)}`);
    for (const c of candidates) lines.push(`  - ${show(byId.get(c)!)}`);
    lines.push('');
  }
  writeFileSync(out, lines.join('\n'));
  console.log(`wrote ${PAIR_QUERIES} queries' candidates to ${out}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
