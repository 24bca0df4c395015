import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ArticleRecord } from '../src/core/types';
import { dataset } from './datasets';
import { prng } from '../scripts/prng';
import { STOPWORDS } from '../src/core/text';

/**
 * Data of the matching benchmark: two development sets whose every record is a query (and
 * archived), and abp articles as distractors. ecbplus's hard negatives are another event of
 * the same kind; the political set (NewsWCL50's ten April–May 2018 events, five US outlets
 * each, plus the canonical seed pair) has the harder ones abp brings: US political news of
 * 2012–2020, the same people in the same weeks. Read once; abp (89 MB gzip) is gunzipped in
 * one go.
 */
export interface MatchingData {
  ecb: ArticleRecord[];
  /** NewsWCL50 and the seed pair; empty when those files are missing. */
  political: ArticleRecord[];
  distractors: ArticleRecord[];
}

/** A development set, split into the part knobs are chosen on and the part reported as held out. */
export interface DevSet {
  name: string;
  queries: ArticleRecord[];
  tune: ArticleRecord[];
  heldOut: ArticleRecord[];
  /** The story a distractor was judged by hand to report, if any (see evaluate). */
  unjudged: (id: string) => string | undefined;
}

function parseLines(text: string): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as ArticleRecord;
    out.push({ ...r, outlet: r.outlet ?? '' });
  }
  return out;
}

/** `withDistractors` false: abp is not read (for a caller that restores its archive from a cache). */
export function loadMatchingData(withDistractors = true): MatchingData | null {
  const ecbPath = dataset('ecbplus.ndjson');
  const abpPath = dataset('abp.ndjson.gz');
  if (!ecbPath || !abpPath) return null;
  const political = ['newswcl50.ndjson', 'seeds.ndjson'].map((name) => dataset(name));
  if (political.some((p) => !p)) console.log('  the political development set is skipped');
  return {
    ecb: parseLines(readFileSync(ecbPath, 'utf8')),
    political: political.every(Boolean) ? political.flatMap((p) => parseLines(readFileSync(p!, 'utf8'))) : [],
    distractors: withDistractors ? parseLines(gunzipSync(readFileSync(abpPath)).toString('utf8')) : [],
  };
}

/**
 * The development sets with their splits: ecbplus by topic (odd tuned on, even held out);
 * the political set by event (NewsWCL50 events 0–4 and the seed pair tuned on, events 5–9
 * held out). Knobs are chosen on the tuned parts only (bench/matching-tune.ts).
 */
export function devSets(data: MatchingData): DevSet[] {
  const sets: DevSet[] = [{ name: 'ecbplus', queries: data.ecb, ...splitQueries(data.ecb), unjudged: () => undefined }];
  if (data.political.length) {
    const heldOut = (r: ArticleRecord) => r.id.startsWith('newswcl50:') && Number(r.story) >= 5;
    const judged = JSON.parse(readFileSync(new URL('./data/political-coverage.json', import.meta.url), 'utf8')) as {
      coverage: Record<string, string>;
    };
    sets.push({
      name: 'political',
      queries: data.political,
      tune: data.political.filter((r) => !heldOut(r)),
      heldOut: data.political.filter(heldOut),
      // A repeated distractor (`id~1`, see stages) is the same article.
      unjudged: (id) => judged.coverage[id.replace(/~\d+$/, '')],
    });
  }
  return sets;
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = prng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One archive size: the records to add on top of the previous stage. */
export interface Stage {
  label: string;
  size: number;
  added: ArticleRecord[];
}

/**
 * Archives of growing size, each containing the previous one: both development sets plus shuffled abp
 * distractors up to 10k, then all of abp (~38k), then abp again under new ids up to 100k
 * (repeated distractors stand in for a larger archive of the same kind). Systems are built incrementally through them.
 */
export function stages(data: MatchingData, sizes: readonly number[], seed = 20261122): Stage[] {
  const pool = shuffled(data.distractors, seed);
  const out: Stage[] = [];
  let taken = 0;
  let total = data.ecb.length + data.political.length;
  let first = true;
  for (const size of sizes) {
    const added: ArticleRecord[] = first ? [...data.ecb, ...data.political] : [];
    first = false;
    const target = size === Infinity ? data.ecb.length + data.political.length + pool.length : size;
    while (total < target) {
      const round = Math.floor(taken / pool.length);
      const r = pool[taken % pool.length]!;
      added.push(round === 0 ? r : { ...r, id: `${r.id}~${round}` });
      taken++;
      total++;
    }
    out.push({ label: size === Infinity ? `${Math.round(total / 1000)}k (all abp)` : `${Math.round(size / 1000)}k`, size: total, added });
  }
  return out;
}

/** The ecbplus topic of a record (its `topic` field, else the number in `ecb:<topic>_...`). */
export function topicOf(r: ArticleRecord): number {
  const t = (r as { topic?: unknown }).topic;
  return typeof t === 'number' ? t : Number(t ?? /^ecb:(\d+)_/.exec(r.id)?.[1] ?? NaN);
}

/**
 * A held-out split: Framelens's weights are tuned on the odd ecbplus topics only, so the
 * even topics measure it on stories its tuning never saw.
 */
export function splitQueries(queries: readonly ArticleRecord[]): { tune: ArticleRecord[]; heldOut: ArticleRecord[] } {
  return { tune: queries.filter((q) => topicOf(q) % 2 === 1), heldOut: queries.filter((q) => topicOf(q) % 2 === 0) };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words, stopwords and one-letter words dropped, no stemming (every system's tokenizer accepts these). */
export function plainWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) if (m[0].length > 1 && !STOPWORDS.has(m[0])) out.push(m[0]);
  return out;
}

export const BOUNDED_LEAD_WORDS = 60;
export const BOUNDED_TERMS = 20;

/**
 * The bounded form of each query, the same text for every system: the title, the first
 * BOUNDED_LEAD_WORDS words of the text, then the BOUNDED_TERMS words of the rest with the
 * highest log-TF × IDF (document frequencies over `archive`), once each. MiniSearch's BM25+
 * takes ~1.4 s per whole-article query at 10k articles; this keeps every query to ~100 words.
 */
export function boundedQueries(queries: readonly ArticleRecord[], archive: readonly ArticleRecord[]): ArticleRecord[] {
  const df = new Map<string, number>();
  for (const r of archive) for (const w of new Set(plainWords(`${r.title}\n${r.text}`))) df.set(w, (df.get(w) ?? 0) + 1);
  const n = archive.length;
  return queries.map((q) => {
    const words = [...(q.text ?? '').matchAll(/\S+/g)].map((m) => m[0]);
    const lead = words.slice(0, BOUNDED_LEAD_WORDS).join(' ');
    const rest = words.slice(BOUNDED_LEAD_WORDS).join(' ');
    const tf = new Map<string, number>();
    for (const w of plainWords(rest)) tf.set(w, (tf.get(w) ?? 0) + 1);
    const inLead = new Set(plainWords(`${q.title}\n${lead}`));
    const scored = [...tf]
      .filter(([w]) => !inLead.has(w))
      .map(([w, c]) => ({ w, s: (1 + Math.log(c)) * Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) }));
    scored.sort((a, b) => b.s - a.s || (a.w < b.w ? -1 : 1));
    const terms = scored.slice(0, BOUNDED_TERMS).map((x) => x.w);
    return { ...q, text: terms.length ? `${lead}\n\n${terms.join(' ')}` : lead };
  });
}
