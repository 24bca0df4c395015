/**
 * Benchmarks in real Chromium (Debian's /usr/bin/chromium, the built test extension in
 * dist-test/, pages on 127.0.0.1 only, no network):
 *
 * - `popup`: click to first result. The popup opened for the CBC seed page (a popup in a
 *   tab, `popup.html?tab=`, since headless Chromium cannot click the toolbar), timed from
 *   the popup's navigation start to the first related-coverage row in its DOM, warm (worker
 *   running) and cold (worker stopped first: the match index is restored from IndexedDB).
 *   Archive of 10k articles (the sample, ecbplus, abp distractors) against the peer in the
 *   same run: the same popup with only the 188-article sample archive.
 * - `import`: ../shared/datasets/abp.ndjson.gz (~37k articles, 89 MB) imported through the
 *   options page's file input as a reader would: time to read and stage, to commit, until the
 *   popup answers with the new articles indexed, the longest stall of the options page while
 *   it runs, progress bar updates, and the storage it takes (navigator.storage.estimate and
 *   the profile's IndexedDB folder on disk).
 *
 * Both build dist-test/ first unless FRAMELENS_BENCH_NO_BUILD=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readRecords } from '../src/cli/inputs';
import type { ArticleRecord } from '../src/core/types';
import {
  CHROMIUM_PATH,
  launchExtension,
  REPO_DIR,
  startFixtureServer,
  stopServiceWorker,
  tabIdFor,
  type ExtensionSession,
  type FixtureServer,
} from '../tests/e2e/harness';
import { dataset } from './datasets';

const CBC = 'cbc-xinjiang-un';
const POPUP_SIZE = 10_000;
const WARM_RUNS = 21;
const COLD_RUNS = 5;
/** Records per staged-import message (as the options page sends them: far below the message limit). */
const BATCH = 1000;

export async function runPopup(): Promise<void> {
  if (!prepare()) return;
  const ecbPath = dataset('ecbplus.ndjson');
  const abpPath = dataset('abp.ndjson.gz');
  if (!ecbPath || !abpPath) return;
  const sample = sampleRecords();
  const big = [...sample, ...readRecords(ecbPath)];
  for (const r of readRecords(abpPath)) {
    if (big.length >= POPUP_SIZE) break;
    big.push(r);
  }
  const fixtures = await startFixtureServer();
  try {
    console.log(
      `  popup.html for ${CBC}, time from navigation start to the first related row; ${WARM_RUNS} warm runs, ${COLD_RUNS} cold (worker stopped first)`,
    );
    const rows: Row[] = [];
    for (const [label, records] of [
      ['sample archive (peer)', sample],
      [`${(big.length / 1000).toFixed(0)}k archive`, big],
    ] as const) {
      const extension = await launchExtension();
      try {
        const started = performance.now();
        await importRecords(extension, records);
        const imported = performance.now() - started;
        const first = (await clickToResult(extension, fixtures)).total;
        const warm: number[] = [];
        const split: Split[] = [];
        for (let i = 0; i < WARM_RUNS; i++) {
          const run = await clickToResult(extension, fixtures);
          warm.push(run.total);
          split.push(run);
        }
        await new Promise((resolve) => setTimeout(resolve, 3000)); // the index snapshot is written 2 s after the last change
        const cold: number[] = [];
        for (let i = 0; i < COLD_RUNS; i++) {
          await stopServiceWorker(extension.context);
          cold.push((await clickToResult(extension, fixtures)).total);
        }
        rows.push({ label, count: records.length, imported, first, warm, cold, split });
      } finally {
        await extension.close();
      }
    }
    printPopup(rows);
  } finally {
    await fixtures.close();
  }
}

export async function runImport(): Promise<void> {
  if (!prepare()) return;
  const abpPath = dataset('abp.ndjson.gz');
  if (!abpPath) return;
  const profile = mkdtempSync(join(tmpdir(), 'framelens-bench-'));
  const fixtures = await startFixtureServer();
  const extension = await launchExtension({ userDataDir: profile });
  try {
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByTestId('archive-count').waitFor();
    const before = await sendFrom(options, 'archive/stats', {});
    const beforeDisk = diskBytes(profile);
    // A probe in the page: the longest gap between 50 ms timer ticks while the import runs.
    await options.evaluate(`(() => {
      globalThis.__stall = 0; let last = performance.now();
      globalThis.__probe = setInterval(() => { const now = performance.now(); globalThis.__stall = Math.max(globalThis.__stall, now - last - 50); last = now; }, 50);
    })()`);
    const progress = new Set<string>();
    const started = performance.now();
    await options.getByTestId('import-file').setInputFiles(abpPath);
    let staged = 0;
    let done = 0;
    for (;;) {
      const state = (await options.evaluate(`(() => {
        const bar = document.querySelector('[data-testid="import-status"] progress');
        const status = document.querySelector('[data-testid="import-status"]');
        return { bar: bar ? bar.value + '/' + bar.max : null, text: status ? status.textContent : '' };
      })()`)) as { bar: string | null; text: string };
      if (state.bar) progress.add(state.bar);
      if (state.bar && /sav/i.test(state.text) && !staged) staged = performance.now() - started;
      if (!state.bar && progress.size > 0 && state.text.trim()) {
        done = performance.now() - started;
        console.log(`  result: ${state.text.trim().slice(0, 200)}`);
        break;
      }
      if (performance.now() - started > 20 * 60_000) throw new Error('the import did not finish in 20 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const stall = (await options.evaluate('globalThis.__stall')) as number;
    const after = await sendFrom(options, 'archive/stats', {});
    const caughtUp = performance.now();
    await clickToResult(extension, fixtures, 20 * 60_000);
    const answered = performance.now() - caughtUp;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await stopServiceWorker(extension.context);
    const cold = (await clickToResult(extension, fixtures)).total;
    const warm = (await clickToResult(extension, fixtures)).total;
    const count = Number(after.count) - Number(before.count);
    const usage = Number(after.usageBytes ?? 0) - Number(before.usageBytes ?? 0);
    const disk = diskBytes(profile) - beforeDisk;
    console.log(`  ${abpPath}: ${count} articles imported through the options page's file input`);
    console.log(
      table(
        ['step', 'value'],
        [
          ['read + validate + stage', seconds(staged)],
          ['commit (one transaction)', seconds(done - staged)],
          ['file chosen to "imported"', seconds(done)],
          ['import done to popup answering (index caught up)', seconds(answered)],
          ['progress bar updates seen', String(progress.size)],
          ['longest options-page stall during import', `${stall.toFixed(0)} ms`],
          ['storage used (navigator.storage.estimate)', megabytes(usage)],
          ['IndexedDB on disk (profile folder)', megabytes(disk)],
          ['per article (estimate / disk)', `${(usage / count / 1024).toFixed(1)} KB / ${(disk / count / 1024).toFixed(1)} KB`],
          ['popup after a worker stop (index restored)', `${cold.toFixed(0)} ms`],
          ['popup warm', `${warm.toFixed(0)} ms`],
        ],
      ),
    );
  } finally {
    await extension.close();
    await fixtures.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

interface Row {
  label: string;
  count: number;
  imported: number;
  first: number;
  warm: number[];
  cold: number[];
  split: Split[];
}

/** One popup run: ms from navigation start to the analyze request, to its answer, to the first related row. */
interface Split {
  ask: number;
  answer: number;
  total: number;
}

function printPopup(rows: Row[]): void {
  const [peer] = rows;
  console.log(
    table(
      ['archive', 'articles', 'import', 'first popup', 'warm p50', 'warm p95', 'cold p50', 'p50 vs peer'],
      rows.map((r) => [
        r.label,
        String(r.count),
        seconds(r.imported),
        `${r.first.toFixed(0)} ms`,
        `${median(r.warm).toFixed(0)} ms`,
        `${percentile(r.warm, 0.95).toFixed(0)} ms`,
        `${median(r.cold).toFixed(0)} ms`,
        peer ? `${(median(r.warm) / median(peer.warm)).toFixed(2)}x` : '',
      ]),
    ),
  );
  console.log(
    '  where the warm time goes (medians): navigation start → request sent (page load) → answer (background reads the tab and matches) → first row (render)',
  );
  for (const r of rows) {
    const ask = median(r.split.map((x) => x.ask));
    const background = median(r.split.map((x) => x.answer - x.ask));
    const render = median(r.split.map((x) => x.total - x.answer));
    console.log(`    ${r.label}: ${ask.toFixed(0)} ms + ${background.toFixed(0)} ms + ${render.toFixed(0)} ms`);
  }
  const last = rows.at(-1);
  if (!last) return;
  const bar = (name: string, value: number, limit: number) =>
    `${name} median < ${limit} ms: ${value < limit ? 'met' : 'NOT met'} (${value.toFixed(0)} ms)`;
  console.log(
    `  targets (docs/DESIGN.md) at ${last.label}: ${bar('warm', median(last.warm), 100)}; ${bar('worker stopped first', median(last.cold), 200)}`,
  );
}

/** Builds dist-test/ (unless told not to) and checks Chromium; false with a message when something is missing. */
function prepare(): boolean {
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`  skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return false;
  }
  if (process.env.FRAMELENS_BENCH_NO_BUILD !== '1') {
    const built = spawnSync('npx', ['tsx', 'scripts/build.ts', '--test'], { cwd: REPO_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error('npm run build:test failed');
  }
  return true;
}

function sampleRecords(): ArticleRecord[] {
  return readFileSync(`${REPO_DIR}public/sample/sample.ndjson`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ArticleRecord);
}

/** Stages and commits records through the protocol from the options page, as its import does. */
async function importRecords(extension: ExtensionSession, records: ArticleRecord[]): Promise<void> {
  const page = await extension.context.newPage();
  try {
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const { importId } = (await sendFrom(page, 'archive/importStart', { source: 'bench' })) as { importId: string };
    for (let i = 0; i < records.length; i += BATCH) {
      await sendFrom(page, 'archive/importBatch', { importId, records: records.slice(i, i + BATCH) });
    }
    await sendFrom(page, 'archive/importCommit', { importId });
  } finally {
    await page.close();
  }
}

/**
 * Opens the CBC page and its popup; milliseconds from the popup's navigation start to its
 * first related row, and to the popup's `framelens:ask` and `framelens:answer` marks.
 */
async function clickToResult(extension: ExtensionSession, fixtures: FixtureServer, timeout = 60_000): Promise<Split> {
  const page = await extension.context.newPage();
  const popup = await extension.context.newPage();
  try {
    await page.goto(fixtures.url(CBC));
    const { context, extensionId } = extension;
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    // A stopped worker is not listed; any page of ours can ask for the tab instead.
    const tabId = worker ? await tabIdFor(worker, fixtures.url(CBC)) : await tabIdFromPage(popup, extensionId, fixtures.url(CBC));
    await popup.addInitScript(`new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="related-item"]')) { globalThis.__firstResult = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('related-item').first().waitFor({ timeout });
    return (await popup.evaluate(`({
      total: globalThis.__firstResult,
      ask: performance.getEntriesByName('framelens:ask')[0]?.startTime ?? NaN,
      answer: performance.getEntriesByName('framelens:answer')[0]?.startTime ?? NaN,
    })`)) as Split;
  } finally {
    await popup.close();
    await page.close();
  }
}

async function tabIdFromPage(page: Page, extensionId: string, url: string): Promise<number> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return (await page.evaluate(
    `chrome.tabs.query({}).then((tabs) => Math.max(...tabs.filter((t) => t.url === ${JSON.stringify(url)}).map((t) => t.id)))`,
  )) as number;
}

async function sendFrom(page: Page, type: string, payload: unknown): Promise<Record<string, unknown>> {
  const reply = (await page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`)) as {
    ok: boolean;
    data?: Record<string, unknown>;
    error?: string;
  };
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.data ?? {};
}

function diskBytes(profile: string): number {
  const du = spawnSync('du', ['-sb', join(profile, 'Default', 'IndexedDB')], { encoding: 'utf8' });
  return du.status === 0 ? Number(du.stdout.split('\t')[0]) : 0;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `  | ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
