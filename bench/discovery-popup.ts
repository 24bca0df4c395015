/**
 * "Find coverage online" from the popup, in real Chromium (the built test extension in
 * dist-test/, Debian's /usr/bin/chromium, everything on 127.0.0.1): the popup opened for the
 * CBC seed page with an empty archive and the search already accepted, timed from the click
 * on "Find coverage online" to the first found report in the popup, and to the popup saying
 * the search is over. The service is the stand-in of the open index (tests/support/gdeltStandin.ts)
 * holding the seeds' story (the Daily Mail report, two misbehaving copies) among Article-Bias-
 * Prediction articles re-dated into the search's window, so the query's every-word AND meets
 * thousands of same-days distractors. The worker really waits GDELT's 5 s between its
 * requests, so "all read" includes those waits. The peer, in the same run: the same core in
 * Node (the CLI's IO, jsdom) against the same stand-in, with the same real waits.
 * `npm run bench -- discovery-popup`; builds dist-test/ first unless FRAMELENS_BENCH_NO_BUILD=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadArticles } from '../src/cli/inputs';
import { nodeDiscoveryIO } from '../src/cli/discoverIO';
import { discoverCoverage } from '../src/core/discover';
import { parseRecords } from '../src/core/records';
import type { ArticleRecord } from '../src/core/types';
import {
  CHROMIUM_PATH,
  currentServiceWorker,
  FIXTURE_PAGES_DIR,
  launchExtension,
  REPO_DIR,
  startFixtureServer,
  tabIdFor,
} from '../tests/e2e/harness';
import { GdeltStandin } from '../tests/support/gdeltStandin';
import { dataset } from './datasets';

const CBC = 'cbc-xinjiang-un';
const RUNS = 5;
const CORE_RUNS = 3;
const DISTRACTORS = 5000;
/** GDELT's published gap, and a margin: every run starts with the service free to answer. */
const GAP_MS = 5500;
const DAY = 86_400_000;

function records(path: string): ArticleRecord[] {
  let bytes: Uint8Array = readFileSync(path);
  if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  const parsed = parseRecords(new TextDecoder().decode(bytes));
  if (!parsed.ok) throw new Error(`${path}: line ${parsed.line}: ${parsed.reason}`);
  return parsed.records;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) return void console.log(`  skipped: no Chromium at ${CHROMIUM_PATH}`);
  const seedPath = dataset('seeds.ndjson');
  const abpPath = dataset('abp.ndjson.gz');
  if (!seedPath || !abpPath) return;
  if (process.env.FRAMELENS_BENCH_NO_BUILD !== '1') {
    const built = spawnSync('npx', ['tsx', 'scripts/build.ts', '--test'], { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('npm run build:test failed');
  }
  // The CBC page has no date: the search's window ends today, so the index holds the story (and its distractors) in the last days.
  const now = Date.now();
  const seen = (k: number) => new Date(now - (1 + (k % 3)) * DAY).toISOString();
  const standin = new GdeltStandin([], { slowMs: 4000 });
  const dm = records(seedPath).find((r) => r.outlet === 'Daily Mail')!;
  const wanted = standin.add({ title: dm.title, text: dm.text, outlet: dm.outlet, domain: 'dailymail.co.uk', seen: seen(0) });
  for (const page of ['slow', 'paywall'] as const)
    standin.add({ title: dm.title, text: dm.text, outlet: `Misbehaving ${page}`, domain: `${page}.example`, seen: seen(1), page });
  let n = 0;
  for (const r of records(abpPath)) {
    if (n >= DISTRACTORS) break;
    if (!r.title || !r.published?.startsWith('2020')) continue;
    standin.add({
      title: r.title,
      text: r.text,
      outlet: r.outlet,
      domain: `${r.outlet.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
      seen: seen(n++),
    });
  }
  await standin.start();
  const fixtures = await startFixtureServer();
  const extension = await launchExtension();
  console.log(
    `  index: the seeds' story (1 report, 2 misbehaving copies) among ${n} ABP articles re-dated into the last 3 days; pages read per search: 8 (the default)`,
  );
  const popupRuns: { first: number | null; done: number; found: number; queries: number }[] = [];
  const coreRuns: { first: number | null; done: number }[] = [];
  try {
    const worker = await currentServiceWorker(extension.context, extension.extensionId);
    const settings = {
      enabled: true,
      providers: ['gdelt', 'bing'],
      endpoints: { gdelt: standin.gdeltEndpoint, bing: standin.bingEndpoint },
      maxPages: 8,
      pageTimeoutSeconds: 15,
    };
    await worker.evaluate(`chrome.storage.local.set({ discoverySettings: ${JSON.stringify(settings)} })`);
    const page = await extension.context.newPage();
    await page.goto(fixtures.url(CBC));
    const tabId = await tabIdFor(worker, fixtures.url(CBC));
    for (let i = 0; i < RUNS; i++) {
      const before = standin.requests.filter((r) => r.path.startsWith('/api/')).length;
      const popup = await extension.context.newPage();
      await popup.addInitScript(`
        document.addEventListener('click', (e) => { if (e.target.closest?.('[data-testid="discover-find"]')) globalThis.__click = performance.now(); }, true);
        new MutationObserver(() => {
          if (globalThis.__click === undefined) return;
          if (globalThis.__first === undefined && document.querySelector('[data-testid="discover-found-item"]')) globalThis.__first = performance.now();
          const line = document.querySelector('[data-testid="discover-progress"]')?.textContent ?? '';
          if (globalThis.__done === undefined && /^(Found|Nothing)/.test(line)) globalThis.__done = performance.now();
        }).observe(document, { childList: true, subtree: true, characterData: true });`);
      await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
      await popup.getByTestId('discover-find').click({ timeout: 30_000 });
      // Polled from here: the popup's CSP refuses the string evaluation waitForFunction uses.
      for (const end = Date.now() + 120_000; (await popup.evaluate('globalThis.__done')) === undefined;) {
        if (Date.now() > end) throw new Error('the search did not finish in 2 minutes');
        await new Promise((r) => setTimeout(r, 50));
      }
      const t = (await popup.evaluate('({ click: __click, first: globalThis.__first ?? null, done: __done })')) as {
        click: number;
        first: number | null;
        done: number;
      };
      const found = await popup.getByTestId('discover-found-item').count();
      popupRuns.push({
        first: t.first === null ? null : t.first - t.click,
        done: t.done - t.click,
        found,
        queries: standin.requests.filter((r) => r.path.startsWith('/api/')).length - before,
      });
      await popup.close();
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    await page.close();
    // The peer: the same core in Node, the same stand-in, the same real waits.
    const [article] = loadArticles(`${FIXTURE_PAGES_DIR}/${CBC}/source.html`, fixtures.url(CBC));
    const context = records(`${REPO_DIR}public/sample/sample.ndjson`);
    for (let i = 0; i < CORE_RUNS; i++) {
      const t0 = performance.now();
      let first: number | null = null;
      await discoverCoverage(article!, nodeDiscoveryIO({ timeoutMs: 15_000, maxBytes: 5_000_000 }), {
        providers: ['gdelt', 'bing'],
        endpoints: { gdelt: standin.gdeltEndpoint, bing: standin.bingEndpoint },
        context,
        onEvent: (e) => {
          if (e.kind === 'found' && first === null) first = performance.now() - t0;
        },
      });
      coreRuns.push({ first, done: performance.now() - t0 });
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
  } finally {
    await extension.close();
    await fixtures.close();
    await standin.close();
  }
  const dmRead = standin.requests.some((r) => standin.docOf(`http://127.0.0.1${r.path}`) === wanted);
  console.log(
    `  load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; the Daily Mail report fetched: ${dmRead ? 'yes' : 'no'}`,
  );
  const firsts = (rs: { first: number | null }[]) => rs.map((r) => r.first).filter((x): x is number => x !== null);
  const pf = median(firsts(popupRuns));
  const cf = median(firsts(coreRuns));
  const pd = median(popupRuns.map((r) => r.done));
  const cd = median(coreRuns.map((r) => r.done));
  console.log('  | run | runs | click to first found p50 | to the search over p50 | found / search | queries / search |');
  console.log('  | --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `  | popup (Chromium, worker, offscreen reader) | ${popupRuns.length} | ${sec(pf)} (${(pf / cf).toFixed(2)}× core) | ${sec(pd)} (${(pd / cd).toFixed(2)}× core) | ${median(popupRuns.map((r) => r.found))} | ${median(popupRuns.map((r) => r.queries))} |`,
  );
  console.log(`  | core in Node (CLI IO, jsdom) | ${coreRuns.length} | ${sec(cf)} | ${sec(cd)} | — | — |`);
}
