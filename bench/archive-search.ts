/**
 * `npm run bench -- archive-search`: the options page's archive search at 100k records.
 * Builds the catalog (src/core/search/catalog.ts) from abp.ndjson.gz repeated under new
 * ids up to ARCHIVE_SEARCH_SIZE records (default 100,000), then times searches through
 * it against the plain scan it replaced (every title, outlet and text folded and searched
 * per query, with the texts already in memory: the scan's best case, since the extension
 * also had to read them from IndexedDB). Datasets from FRAMELENS_DATASETS or ../shared/datasets.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ArchiveCatalog, type CatalogInput } from '../src/core/search/catalog';
import { fold, searchWords } from '../src/core/search/words';
import { countWords, type ArticleRecord } from '../src/core/types';
import { prng } from '../scripts/prng';
import { dataset } from './datasets';
import { findGc, percentile, usedMemory } from './matching-metrics';

const SEARCH_RUNS = 60;
const SCAN_RUNS = 8;

function loadAbp(): ArticleRecord[] | null {
  const path = dataset('abp.ndjson.gz');
  if (!path) return null;
  const out: ArticleRecord[] = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as ArticleRecord;
    out.push({ ...r, outlet: r.outlet ?? '' });
  }
  return out;
}

/** Queries a reader might type: a word of a headline, two words of one, a word's first letters, an outlet. */
function queries(records: ArticleRecord[], n: number, seed: number): string[] {
  const rand = prng(seed);
  const out: string[] = [];
  while (out.length < n) {
    const r = records[Math.floor(rand() * records.length)]!;
    const words = searchWords(r.title).filter((w) => w.length >= 4);
    if (words.length < 2) continue;
    const a = words[Math.floor(rand() * words.length)]!;
    const b = words[Math.floor(rand() * words.length)]!;
    const kind = out.length % 4;
    out.push(kind === 0 ? a : kind === 1 ? `${a} ${b}` : kind === 2 ? a.slice(0, 4) : r.outlet || a);
  }
  return out;
}

/** The scan the catalog replaces (src/background/archiveList.ts before): every word as a substring of the folded fields. */
function scanSearch(records: ArticleRecord[], query: string): number {
  const words = searchWords(query);
  let hits = 0;
  for (const r of records) {
    const head = fold(`${r.title}\n${r.outlet}`);
    const missing = words.filter((w) => !head.includes(w));
    if (!missing.length) {
      hits++;
      continue;
    }
    const body = fold(r.text);
    if (missing.every((w) => body.includes(w))) hits++;
  }
  return hits;
}

function ms(t: number): string {
  return `${t.toFixed(t < 10 ? 2 : 0)} ms`;
}

export async function run(): Promise<void> {
  const abp = loadAbp();
  if (!abp) return;
  const size = Number(process.env.ARCHIVE_SEARCH_SIZE ?? 100_000);
  const records: ArticleRecord[] = [];
  for (let copy = 0; records.length < size; copy++) {
    for (const r of abp) {
      if (records.length >= size) break;
      records.push(copy === 0 ? r : { ...r, id: `${r.id}#${copy}`, url: r.url ? `${r.url}#${copy}` : null });
    }
  }
  console.log(`  ${records.length} records (abp.ndjson.gz, ${abp.length} articles, repeated under new ids)`);

  const gc = findGc();
  const before = await usedMemory(gc);
  const catalog = new ArchiveCatalog();
  let t0 = performance.now();
  records.forEach((r, i) => {
    const input: CatalogInput = { ...r, story: r.story ?? null, words: countWords(r.text), savedAt: i };
    catalog.add(input);
  });
  const build = performance.now() - t0;
  // The catalog as the worker keeps it (tail folded in); the snapshot copy is measured apart.
  const snapshot = catalog.toJSON();
  const termCount = snapshot.terms.length;
  const postingBytes = snapshot.bytes.byteLength + snapshot.offsets.byteLength + snapshot.last.byteLength;
  t0 = performance.now();
  const cloned = structuredClone(snapshot);
  const cloneTime = performance.now() - t0;
  t0 = performance.now();
  const restored = ArchiveCatalog.fromJSON(cloned);
  const restore = performance.now() - t0;
  // Drop the snapshot and its clone (the restored catalog has copies) before measuring.
  snapshot.bytes = new Uint8Array(0);
  cloned.bytes = new Uint8Array(0);
  snapshot.terms.length = 0;
  cloned.terms.length = 0;
  const after = await usedMemory(gc);
  console.log(
    `  build ${ms(build)} (${((build / records.length) * 1000).toFixed(0)} µs a record); ${termCount} terms, postings ${(postingBytes / 1e6).toFixed(1)} MB; snapshot structured clone ${ms(cloneTime)}, restore ${ms(restore)}`,
  );
  // Two catalogs are alive here (built and restored); each is half of the growth.
  if (before !== null && after !== null)
    console.log(
      `  catalog memory about ${((after - before) / 2e6).toFixed(0)} MB each (heap + typed arrays after gc, titles and ids shared with the records)`,
    );
  else console.log('  catalog memory: not measured (no gc in this runtime)');

  const qs = queries(abp, SEARCH_RUNS, 20261122);
  // First search sorts the terms for prefix lookup; time it apart from the rest.
  t0 = performance.now();
  restored.list({ query: 'warm', limit: 100 });
  const first = performance.now() - t0;
  const times: number[] = [];
  const sorted: number[] = [];
  let totalHits = 0;
  for (const [i, q] of qs.entries()) {
    t0 = performance.now();
    totalHits += restored.list({ query: q, limit: 100 }).total;
    times.push(performance.now() - t0);
    // The same query sorted by title: a different order over the same matches.
    t0 = performance.now();
    restored.list({ query: q, limit: 100, sort: i % 2 ? 'title' : 'published', dir: 'asc', offset: 100 });
    sorted.push(performance.now() - t0);
  }
  const filters: number[] = [];
  const outlets = restored
    .outletCounts()
    .slice(0, 5)
    .map((o) => o.name);
  for (let i = 0; i < 10; i++) {
    t0 = performance.now();
    restored.list({ query: qs[i], outlets, from: '2017-01-01', to: '2018-12-31', limit: 100 });
    filters.push(performance.now() - t0);
  }
  const p50 = percentile(times, 50);
  console.log(
    `  search (${qs.length} queries, ${Math.round(totalHits / qs.length)} matches on average): p50 ${ms(p50)}, p95 ${ms(percentile(times, 95))}; first search ${ms(first)}`,
  );
  console.log(
    `  same query, another page in another order: p50 ${ms(percentile(sorted, 50))}; with 5 outlets and a date range: p50 ${ms(percentile(filters, 50))}`,
  );

  const scans: number[] = [];
  for (const q of qs.slice(0, SCAN_RUNS)) {
    t0 = performance.now();
    scanSearch(records, q);
    scans.push(performance.now() - t0);
  }
  const scanP50 = percentile(scans, 50);
  console.log(`  plain scan of every text (${SCAN_RUNS} of the queries, texts in memory): p50 ${ms(scanP50)}`);
  console.log(`  catalog search is ${(scanP50 / p50).toFixed(0)}x faster than the scan at p50`);
}
