/**
 * Extraction benchmark: Framelens's extractArticle against Readability alone, on the pages
 * of the public article extraction benchmark (scrapinghub/article-extraction-benchmark; MIT),
 * with its metric (bench/extraction-metric.ts). Each page is parsed once with jsdom at its
 * ground-truth URL; both extractors run on that same Document (each on its own clone, as
 * Readability mutates what it reads), several rounds, in alternating order, and only the
 * extraction is timed: the per-page median of each, summed over pages.
 *
 *   npx tsx bench/index.ts extraction [--verbose] [--page ID] (FRAMELENS_BENCH_ROUNDS, default 3)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../src/core/extract';
import { precisionOf, recallOf, scorePages, shingleMatch, type ShingleMatch } from './extraction-metric';
import { dataset } from './datasets';

interface PageResult {
  id: string;
  url: string;
  framelens: ShingleMatch;
  readability: ShingleMatch;
  framelensMs: number;
  readabilityMs: number;
  framelensText: string;
  failure: string | null;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function readabilityText(doc: Document): string {
  return new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
}

function framelensText(doc: Document, url: string): { text: string; failure: string | null } {
  const r = extractArticle(doc, url);
  return r.ok ? { text: r.article.text, failure: null } : { text: '', failure: `${r.reason}: ${r.message}` };
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

/**
 * Parses a page as jsdom can. jsdom's CSS parser throws on some stylesheets a browser
 * skips (SCSS left in a <style>): such a page is parsed again without its <style> blocks,
 * which hold no article text. Scripts never run; console noise stays out of the report.
 */
function parsePage(html: string, url: string): { doc: Document; stylesDropped: boolean } {
  try {
    return { doc: new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document, stylesDropped: false };
  } catch {
    const withoutStyles = html.replace(/<style\b[\s\S]*?<\/style>/gi, '');
    return { doc: new JSDOM(withoutStyles, { url, virtualConsole: new VirtualConsole() }).window.document, stylesDropped: true };
  }
}

function measurePage(id: string, html: string, url: string, truth: string, rounds: number): PageResult {
  const { doc, stylesDropped } = parsePage(html, url);
  if (stylesDropped) console.log(`  note: ${id.slice(0, 12)} parsed without its <style> blocks (jsdom's CSS parser rejects them)`);
  const fTimes: number[] = [];
  const rTimes: number[] = [];
  let fl = { text: '', failure: null as string | null };
  let rd = '';
  for (let round = 0; round < rounds; round++) {
    const runF = (): void => {
      const [v, ms] = timed(() => framelensText(doc, url));
      fl = v;
      fTimes.push(ms);
    };
    const runR = (): void => {
      const [v, ms] = timed(() => readabilityText(doc));
      rd = v;
      rTimes.push(ms);
    };
    if (round % 2) {
      runR();
      runF();
    } else {
      runF();
      runR();
    }
  }
  return {
    id,
    url,
    framelens: shingleMatch(truth, fl.text),
    readability: shingleMatch(truth, rd),
    framelensMs: median(fTimes),
    readabilityMs: median(rTimes),
    framelensText: fl.text,
    failure: fl.failure,
  };
}

const f1 = (m: ShingleMatch): number => {
  const p = precisionOf(m);
  const r = recallOf(m);
  return p + r ? (2 * p * r) / (p + r) : 0;
};

const fmt = (x: number): string => x.toFixed(3);

export async function run(): Promise<void> {
  const dir = dataset('extraction');
  if (!dir) return;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const onlyPage = process.argv.includes('--page') ? process.argv[process.argv.indexOf('--page') + 1] : undefined;
  const ids = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .filter((id) => truth[id] && (!onlyPage || id.startsWith(onlyPage)))
    .sort();
  const rounds = Math.max(1, Number(process.env.FRAMELENS_BENCH_ROUNDS ?? 3));
  const verbose = process.argv.includes('--verbose');
  console.log(`  ${ids.length} pages, ${rounds} rounds each (scrapinghub/article-extraction-benchmark, MIT)`);

  const results: PageResult[] = [];
  for (const id of ids) {
    const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    const t = truth[id]!;
    results.push(measurePage(id, html, t.url, t.articleBody, rounds));
  }

  const fl = scorePages(results.map((r) => r.framelens));
  const rd = scorePages(results.map((r) => r.readability));
  const flMs = results.reduce((s, r) => s + r.framelensMs, 0);
  const rdMs = results.reduce((s, r) => s + r.readabilityMs, 0);
  console.log('\n  | extractor | precision | recall | F1 | time (sum of per-page medians) |');
  console.log('  | --- | ---: | ---: | ---: | ---: |');
  console.log(`  | Readability.js alone | ${fmt(rd.precision)} | ${fmt(rd.recall)} | ${fmt(rd.f1)} | ${rdMs.toFixed(0)} ms (1.00x) |`);
  console.log(
    `  | Framelens extractArticle | ${fmt(fl.precision)} | ${fmt(fl.recall)} | ${fmt(fl.f1)} | ${flMs.toFixed(0)} ms (${(flMs / rdMs).toFixed(2)}x) |`,
  );
  const failures = results.filter((r) => r.failure);
  console.log(
    `\n  Framelens refused ${failures.length} of ${results.length} pages${failures.length ? ': ' + failures.map((r) => `${r.id.slice(0, 8)} (${r.failure!.split(':')[0]})`).join(', ') : ''}.`,
  );
  console.log(`  Targets: F1 >= 0.970, precision >= 0.960, recall >= 0.970, time <= 1.20x Readability alone.`);

  if (verbose) {
    const worst = [...results].sort((a, b) => f1(a.framelens) - f1(b.framelens)).slice(0, 20);
    console.log('\n  Worst pages for Framelens (F1; P/R; Readability alone F1):');
    for (const r of worst) {
      console.log(
        `  ${r.id.slice(0, 12)} F1 ${fmt(f1(r.framelens))} P ${fmt(precisionOf(r.framelens))} R ${fmt(recallOf(r.framelens))} | R.js ${fmt(f1(r.readability))} P ${fmt(precisionOf(r.readability))} R ${fmt(recallOf(r.readability))}  ${r.url}`,
      );
    }
    const lost = results
      .filter((r) => f1(r.framelens) < f1(r.readability) - 0.01)
      .sort((a, b) => f1(a.framelens) - f1(a.readability) - (f1(b.framelens) - f1(b.readability)));
    console.log(`\n  Pages where Framelens is worse than Readability alone: ${lost.length}`);
    for (const r of lost)
      console.log(
        `  ${r.id.slice(0, 12)} ${fmt(f1(r.framelens))} vs ${fmt(f1(r.readability))}  P ${fmt(precisionOf(r.framelens))} vs ${fmt(precisionOf(r.readability))}  R ${fmt(recallOf(r.framelens))} vs ${fmt(recallOf(r.readability))}`,
      );
    if (onlyPage && results[0]) console.log(`\n--- Framelens text ---\n${results[0].framelensText}`);
  }
}
