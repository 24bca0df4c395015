/**
 * Adds an extraction fixture under tests/fixtures/pages/<slug>/ (source.html + expected.json),
 * which tests/unit/extract.test.ts then checks on every run.
 *
 *   npx tsx scripts/add-fixture.ts <slug> --file saved-page.html [--url URL]
 *       a saved page: expected.json records what Framelens reads now (metadata, paragraph
 *       count, first and last paragraph) for you to review and tighten by hand;
 *   npx tsx scripts/add-fixture.ts <slug> --dataset <id or id prefix>
 *       a page of ../shared/datasets/extraction: expected.json holds its hand-marked body
 *       (groundTruth) with precision/recall floors just below today's scores.
 *
 * Pages are slimmed before they are stored (scripts other than JSON-LD, styles, inline SVG
 * and HTML comments carry no article text); the script checks that extraction reads the
 * slimmed page exactly as the original and refuses to write the fixture otherwise.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../src/core/extract';
import { precisionOf, recallOf, shingleMatch } from '../bench/extraction-metric';
import { datasetsDir } from '../bench/datasets';
import { parseArgs } from '../src/cli/args';
import type { FixtureExpectation } from '../tests/unit/support/extract-fixtures';

const PAGES_DIR = join(import.meta.dirname, '../tests/fixtures/pages');
const MAX_FIXTURE_BYTES = 300_000;

function fail(message: string): never {
  console.error(`add-fixture: ${message}`);
  process.exit(2);
}

/** The page without what never holds article text. */
function slim(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '')
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\n\s*\n+/g, '\n');
}

function parse(html: string, url: string): Document {
  try {
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
  } catch {
    return new JSDOM(html.replace(/<style\b[\s\S]*?<\/style>/gi, ''), { url, virtualConsole: new VirtualConsole() }).window.document;
  }
}

function extractText(html: string, url: string): ReturnType<typeof extractArticle> {
  return extractArticle(parse(html, url), url);
}

const floor2 = (x: number): number => Math.max(0, Math.floor((x - 0.02) * 100) / 100);

function fromDataset(prefix: string): { html: string; url: string; expected: Omit<FixtureExpectation, 'ok'> } {
  const dir = datasetsDir();
  if (!dir || !existsSync(join(dir, 'extraction'))) fail('../shared/datasets/extraction not found (set FRAMELENS_DATASETS)');
  const truth = JSON.parse(readFileSync(join(dir, 'extraction', 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const ids = readdirSync(join(dir, 'extraction', 'html'))
    .map((f) => f.replace(/\.html\.gz$/, ''))
    .filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) fail(`--dataset ${prefix}: ${ids.length} pages match`);
  const id = ids[0]!;
  const t = truth[id];
  if (!t) fail(`${id} has no ground truth`);
  const html = gunzipSync(readFileSync(join(dir, 'extraction', 'html', `${id}.html.gz`))).toString('utf8');
  return {
    html,
    url: t.url,
    expected: {
      source: `scrapinghub/article-extraction-benchmark ${id} (MIT; page © its publisher)`,
      pageUrl: t.url,
      groundTruth: t.articleBody,
    },
  };
}

function main(): void {
  const { positional, options } = parseArgs(process.argv.slice(2));
  const [slug] = positional;
  if (!slug || !/^[a-z0-9][a-z0-9-]*$/.test(slug)) fail('usage: add-fixture.ts <slug> (--file PAGE.html [--url URL] | --dataset ID)');
  const target = join(PAGES_DIR, slug);
  if (existsSync(target)) fail(`${target} exists; remove it first to replace it`);

  let html: string;
  let url: string;
  let expected: Omit<FixtureExpectation, 'ok'>;
  if (typeof options.dataset === 'string') ({ html, url, expected } = fromDataset(options.dataset));
  else if (typeof options.file === 'string') {
    html = readFileSync(options.file, 'utf8');
    url = typeof options.url === 'string' ? options.url : `http://127.0.0.1/${slug}/`;
    expected = typeof options.url === 'string' ? { pageUrl: url } : {};
  } else fail('give --file PAGE.html or --dataset ID');

  const slimmed = slim(html);
  const before = extractText(html, url);
  const after = extractText(slimmed, url);
  if (JSON.stringify(before) !== JSON.stringify(after)) fail('the slimmed page does not extract like the original; store it by hand');
  if (Buffer.byteLength(slimmed) > MAX_FIXTURE_BYTES)
    fail(`the page is ${Buffer.byteLength(slimmed)} bytes after slimming (limit ${MAX_FIXTURE_BYTES})`);

  const out: FixtureExpectation = { ok: after.ok, ...expected };
  if (!after.ok) out.reason = after.reason;
  else {
    const a = after.article;
    Object.assign(out, { title: a.title, byline: a.byline, outlet: a.outlet, published: a.published, lang: a.lang, url: a.url });
    const paragraphs = a.text.split('\n\n');
    if (out.groundTruth !== undefined) {
      const m = shingleMatch(out.groundTruth, a.text);
      out.minPrecision = floor2(precisionOf(m));
      out.minRecall = floor2(recallOf(m));
    } else {
      out.textIncludes = [paragraphs[0]!, paragraphs[paragraphs.length - 1]!].map((p) => p.slice(0, 80));
      out.paragraphs = [Math.max(1, paragraphs.length - 2), paragraphs.length + 2];
    }
  }
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'source.html'), slimmed);
  writeFileSync(join(target, 'expected.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(
    `wrote ${target} (${Buffer.byteLength(slimmed)} bytes); review expected.json, add textExcludes for the furniture this page tests`,
  );
}

main();
