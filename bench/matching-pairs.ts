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
