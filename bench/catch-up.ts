/**
 * `npm run bench -- catch-up`: the worker's catch-up after a bulk import, in Node. The
 * records of `abp.ndjson.gz` are committed in one import to an archive on fake IndexedDB
 * (fake-indexeddb), as the options page's import commits them, and the worker's match index
 * mirror (src/background/matchIndexStore.ts: change queue, slices, yields, compaction at
 * the end) indexes them; the peer in the same run is the bare MatchIndex adding the same
 * records and compacting. Prints CPU time per article (process.cpuUsage: the machine's
 * other work does not count) and the wall time, so the mirror's own cost is the difference.
 * CATCH_UP_SIZE picks the number of records (default 10000; `--quick` 3000).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { Archive } from '../src/background/archive';
import { openArchiveDb } from '../src/background/db';
import { MatchIndexStore } from '../src/background/matchIndexStore';
import { MatchIndex } from '../src/core/match';
import type { ArticleRecord } from '../src/core/types';
import { dataset } from './datasets';

interface Timed {
  cpuMs: number;
  wallMs: number;
}

async function timed(work: () => Promise<void>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

export async function run(): Promise<void> {
  const path = dataset('abp.ndjson.gz');
  if (!path) return;
  const size = Number(process.env.CATCH_UP_SIZE ?? (process.argv.includes('--quick') ? 3000 : 10_000));
  const records: ArticleRecord[] = gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, size)
    .map((line) => JSON.parse(line) as ArticleRecord);
  // The peer runs before and after the mirror: the matcher's word caches warm up on the first run.
  const bareRun = () =>
    timed(async () => {
      const index = new MatchIndex();
      for (const r of records) index.add(r);
      index.compact();
    });
  const bareBefore = await bareRun();
  const archive = new Archive(await openArchiveDb('bench-catch-up'));
  const store = await MatchIndexStore.open(archive);
  await store.caughtUp();
  const imported = await timed(async () => void (await archive.importRecords(records)));
  // Not urgent: the mirror slices and yields as it does when no one waits for it.
  const mirror = await timed(() => store.caughtUp(false));
  // The import folds records that share an address into one article.
  const archived = await archive.count();
  if (store.size !== archived) throw new Error(`the mirror indexed ${store.size} of ${archived} articles`);
  const bareAfter = await bareRun();
  const n = archived;
  const per = (t: Timed) => `${(t.cpuMs / n).toFixed(3)} ms CPU / ${(t.wallMs / n).toFixed(3)} ms wall an article`;
  console.log(
    `  ${records.length.toLocaleString('en')} abp records (${n.toLocaleString('en')} articles), committed in one import (${(imported.wallMs / 1000).toFixed(1)} s on fake IndexedDB)`,
  );
  console.log(`  match index mirror (the worker's catch-up): ${per(mirror)}, ${(mirror.wallMs / 1000).toFixed(1)} s`);
  for (const [when, bare] of [
    ['before', bareBefore],
    ['after', bareAfter],
  ] as const)
    console.log(`  bare MatchIndex.add + compact (peer, ${when}): ${per(bare)}, ${(bare.wallMs / 1000).toFixed(1)} s`);
  const peerCpu = (bareBefore.cpuMs + bareAfter.cpuMs) / 2;
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(`  mirror / peer CPU: ${(mirror.cpuMs / peerCpu).toFixed(2)}×; load average (1, 5, 15 min): ${load.join(', ')}`);
}
