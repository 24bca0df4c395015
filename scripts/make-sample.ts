/**
 * Builds public/sample/sample.ndjson, the archive behind "Load sample archive", from
 * ../shared/datasets (see public/sample/CREDITS.md for sources and licences):
 *
 * 1. seeds.ndjson: both seed records (Daily Mail and CBC on Xinjiang), as they are.
 * 2. newswcl50.ndjson: all 50 records (10 events × 5 outlets), as they are.
 * 3. ecbplus.ndjson: topics 1, 8, 12, 20, 24, 37 and 39 (rehab, Greek bank bombing, Somali
 *    pirates, Iran earthquake, Paris jewellery heist, Indonesia earthquake, Doctor Who
 *    casting). Each topic has two events of the same kind (`<n>ecb`, `<n>ecbplus`): the
 *    sample keeps the first 6 documents of each event (by id) whose text has at least
 *    400 characters, so every query has same-topic, different-event neighbours.
 * 4. abp.ndjson.gz: 60 unrelated filler articles: those with a date, an outlet and
 *    1,500–6,000 characters of text, ordered by a fixed hash of their id, first 60 kept,
 *    skipping any that mention Xinjiang or Uighurs/Uyghurs (unlabelled coverage of the
 *    seed story would blur the demo).
 *
 * Changes: an `outlet` that is null (ECB documents without a URL) becomes "" because the
 * interchange record requires a string; nothing else is touched (extra fields such as
 * `topic` and `lean`, and `story`, are kept; the matcher never reads `story`).
 *
 * Run: npx tsx scripts/make-sample.ts [DATASETS_DIR]  (default ../shared/datasets)
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { checkRecord, toNdjson } from '../src/core/records';
import { fnv1a } from '../src/core/text/hash';
import type { ArticleRecord } from '../src/core/types';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATASETS = process.argv[2] ?? `${ROOT}../shared/datasets`;
const OUT = `${ROOT}public/sample/sample.ndjson`;
const ECB_TOPICS = [1, 8, 12, 20, 24, 37, 39];
const ECB_PER_EVENT = 6;
const ABP_COUNT = 60;
const MAX_BYTES = 1_500_000;
const SEED_STORY = /xinjiang|uighur|uyghur/i;

type Raw = Record<string, unknown> & { id: string; text: string };

function readLines(path: string): Raw[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Raw);
}

/** FNV-1a: a fixed, seedless order for the filler choice. */
const hash = fnv1a;

function ecbSubset(): Raw[] {
  const byEvent = new Map<string, Raw[]>();
  for (const r of readLines(`${DATASETS}/ecbplus.ndjson`)) {
    if (!ECB_TOPICS.includes(Number(r.topic)) || r.text.length < 400) continue;
    const event = String(r.story);
    byEvent.set(event, [...(byEvent.get(event) ?? []), r]);
  }
  return [...byEvent.keys()].sort().flatMap((event) =>
    byEvent
      .get(event)!
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, ECB_PER_EVENT),
  );
}

async function abpFiller(): Promise<Raw[]> {
  const pool: Raw[] = [];
  const lines = createInterface({ input: createReadStream(`${DATASETS}/abp.ndjson.gz`).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Raw;
    if (!r.published || !r.outlet || r.text.length < 1500 || r.text.length > 6000 || SEED_STORY.test(`${String(r.title)} ${r.text}`))
      continue;
    pool.push(r);
  }
  return pool.sort((a, b) => hash(a.id) - hash(b.id) || a.id.localeCompare(b.id)).slice(0, ABP_COUNT);
}

function toRecord(raw: Raw): ArticleRecord {
  const value = raw.outlet === null ? { ...raw, outlet: '' } : raw;
  const check = checkRecord(value);
  if (!check.ok) throw new Error(`${raw.id}: ${check.reason}`);
  return check.record;
}

const parts = {
  seeds: readLines(`${DATASETS}/seeds.ndjson`),
  newswcl50: readLines(`${DATASETS}/newswcl50.ndjson`),
  ecbplus: ecbSubset(),
  abp: await abpFiller(),
};
const records = Object.values(parts).flat().map(toRecord);
const ndjson = toNdjson(records);
const bytes = Buffer.byteLength(ndjson);
if (bytes > MAX_BYTES) throw new Error(`The sample is ${bytes} bytes, over the ${MAX_BYTES} budget.`);
writeFileSync(OUT, ndjson);
console.log(
  `${OUT}: ${records.length} records, ${(bytes / 1e6).toFixed(2)} MB (${Object.entries(parts)
    .map(([k, v]) => `${k} ${v.length}`)
    .join(', ')})`,
);
