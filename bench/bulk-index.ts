/**
 * `npm run bench -- bulk-index`: the catch-up after a bulk import, in Node. Indexes an
 * archive of N articles (ECB+, the political set and abp.ndjson.gz, abp repeated under new
 * ids past its 37k) into the match index (src/core/match) and the options page's catalog
 * (src/core/search) as the worker does, record by record, then compacts both. Prints the
 * CPU time per article (process.cpuUsage: the machine's other work does not count) of each,
 * and the memory each index holds after a full collection.
 *
 * Two ways, in the same run: `separate` (each index reads the record on its own, as the
 * worker's two mirrors did) and `shared` (the record is tokenised once and both indexes take
 * the tokens). Records are parsed from their NDJSON lines a batch at a time, as the worker
 * reads them a page at a time, so the indexes hold their own strings.
 * BULK_INDEX_SIZES picks sizes (default 38000,100000); `--quick` runs 38k only.
 */
import { loadavg } from 'node:os';
import { MatchIndex } from '../src/core/match';
import { ArchiveCatalog, type CatalogInput } from '../src/core/search/catalog';
import { tokenizeArticle } from '../src/core/text';
import { countWords, type ArticleRecord } from '../src/core/types';
import { loadMatchingData, stages } from './matching-data';
import { findGc, usedMemory } from './matching-metrics';

const BATCH = 500;

type Way = 'separate' | 'shared';

function input(r: ArticleRecord, savedAt: number): CatalogInput {
  return { ...r, story: r.story ?? null, words: countWords(r.text), savedAt };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

interface Measured {
  matchMs: number;
  catalogMs: number;
  sharedMs: number;
  matchBytes: number | null;
  catalogBytes: number | null;
}

async function measure(lines: readonly string[], way: Way, gc: (() => void) | null): Promise<Measured> {
  const base = await usedMemory(gc);
  // Held in an object so the match index can be dropped to measure the catalog alone.
  const held: { index: MatchIndex | null } = { index: new MatchIndex() };
  const catalog = new ArchiveCatalog();
  let matchMs = 0;
  let catalogMs = 0;
  let sharedMs = 0;
  for (let at = 0; at < lines.length; at += BATCH) {
    const batch = lines.slice(at, at + BATCH).map((l) => JSON.parse(l) as ArticleRecord);
    let t = process.cpuUsage();
    const tokens = way === 'shared' ? batch.map((r) => tokenizeArticle(r)) : [];
    sharedMs += cpuMs(t);
    t = process.cpuUsage();
    batch.forEach((r, i) => held.index!.add(r, tokens[i]));
    matchMs += cpuMs(t);
    t = process.cpuUsage();
    batch.forEach((r, i) => catalog.add(input(r, at + i), tokens[i]));
    catalogMs += cpuMs(t);
  }
  let t = process.cpuUsage();
  held.index!.compact();
  matchMs += cpuMs(t);
  t = process.cpuUsage();
  catalog.flush();
  catalogMs += cpuMs(t);
  const withBoth = await usedMemory(gc);
  const articles = held.index!.size;
  held.index = null;
  const catalogOnly = await usedMemory(gc);
  if (catalog.size !== articles) throw new Error('the two indexes disagree on the number of articles');
  return {
    matchMs,
    catalogMs,
    sharedMs,
    matchBytes: withBoth !== null && catalogOnly !== null ? withBoth - catalogOnly : null,
    catalogBytes: base !== null && catalogOnly !== null ? catalogOnly - base : null,
  };
}

export async function run(): Promise<void> {
  const data = loadMatchingData();
  if (!data) return;
  const quick = process.argv.includes('--quick');
  const sizes = (process.env.BULK_INDEX_SIZES ?? (quick ? '38000' : '38000,100000')).split(',').map(Number);
  const gc = findGc();
  console.log(
    `  load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores shared); times are CPU time of this process`,
  );
  console.log(
    '\n| archive | way | match index µs / article | catalog µs / article | shared tokenising µs / article | total µs / article | match index MB | catalog MB | catalog bytes / article |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizes) {
    const [stage] = stages(data, [size]);
    const lines = stage!.added.map((r) => JSON.stringify(r));
    const results: Record<Way, Measured> = {} as Record<Way, Measured>;
    for (const way of ['separate', 'shared'] as const) {
      const m = await measure(lines, way, gc);
      results[way] = m;
      const n = lines.length;
      const per = (ms: number) => ((ms / n) * 1000).toFixed(0);
      const mb = (b: number | null) => (b === null ? 'n/a' : (b / 1e6).toFixed(1));
      console.log(
        `| ${Math.round(n / 1000)}k | ${way} | ${per(m.matchMs)} | ${per(m.catalogMs)} | ${way === 'shared' ? per(m.sharedMs) : '—'} | ${per(m.matchMs + m.catalogMs + m.sharedMs)} | ${mb(m.matchBytes)} | ${mb(m.catalogBytes)} | ${m.catalogBytes === null ? 'n/a' : Math.round(m.catalogBytes / n)} |`,
      );
    }
    const total = (m: Measured) => m.matchMs + m.catalogMs + m.sharedMs;
    console.log(
      `  ${Math.round(lines.length / 1000)}k: shared is ${(total(results.separate) / total(results.shared)).toFixed(2)}× faster than separate`,
    );
  }
  console.log(
    `  load average after ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
