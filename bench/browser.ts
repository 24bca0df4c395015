/**
 * What the benchmarks in real Chromium share (Debian's /usr/bin/chromium, the built test
 * extension in dist-test/, pages on 127.0.0.1 only, no network), and `import`:
 * ../shared/datasets/abp.ndjson.gz (~37k articles, 89 MB) imported through the options page's
 * file input as a reader would: time to read and stage, to commit, until the popup answers
 * with the new articles indexed, the longest stall of the options page while it runs,
 * progress bar updates, and the storage it takes (navigator.storage.estimate and the
 * profile's IndexedDB folder on disk). The popup suite is bench/popup.ts.
 *
 * Both build dist-test/ first unless FRAMELENS_BENCH_NO_BUILD=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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

export const CBC = 'cbc-xinjiang-un';

export async function runImport(): Promise<void> {
  if (!prepare()) return;
  const abpPath = dataset('abp.ndjson.gz');
  if (!abpPath) return;
  const profile = mkdtempSync(join(tmpdir(), 'framelens-bench-'));
  const fixtures = await startFixtureServer();
  const extension = await launchExtension({ userDataDir: profile });
  try {
    const options = await openOptions(extension);
    const before = await sendFrom(options, 'archive/stats', {});
    const beforeDisk = diskBytes(profile);
    const run = await importThroughFileInput(options, abpPath);
    console.log(`  result: ${run.result}`);
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
          ['read + validate + stage', seconds(run.staged)],
          ['commit (one transaction)', seconds(run.done - run.staged)],
          ['file chosen to "imported"', seconds(run.done)],
          ['import done to popup answering (index caught up)', seconds(answered)],
          ['progress bar updates seen', String(run.progressUpdates)],
          ['longest options-page stall during import', `${run.stall.toFixed(0)} ms`],
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

/** The options page, once it shows the archive's size. */
export async function openOptions(extension: ExtensionSession): Promise<Page> {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByTestId('archive-count').waitFor();
  return options;
}

export interface FileImport {
  /** ms from choosing the file until every line was read, checked and staged. */
  staged: number;
  /** ms from choosing the file until the page said the import was done. */
  done: number;
  progressUpdates: number;
  /** The longest gap of the options page's main thread while the import ran, in ms. */
  stall: number;
  /** What the page said at the end. */
  result: string;
}

/** Chooses `path` in the options page's file input, as a reader does, and waits until the page says it is imported. */
export async function importThroughFileInput(options: Page, path: string): Promise<FileImport> {
  // A probe in the page: the longest gap between 50 ms timer ticks while the import runs.
  await options.evaluate(`(() => {
    globalThis.__stall = 0; let last = performance.now();
    globalThis.__probe = setInterval(() => { const now = performance.now(); globalThis.__stall = Math.max(globalThis.__stall, now - last - 50); last = now; }, 50);
  })()`);
  const progress = new Set<string>();
  const started = performance.now();
  await options.getByTestId('import-file').setInputFiles(path);
  let staged = 0;
  for (;;) {
    const state = (await options.evaluate(`(() => {
      const bar = document.querySelector('[data-testid="import-status"] progress');
      const status = document.querySelector('[data-testid="import-status"]');
      return { bar: bar ? bar.value + '/' + bar.max : null, text: status ? status.textContent : '' };
    })()`)) as { bar: string | null; text: string };
    if (state.bar) progress.add(state.bar);
    if (state.bar && /sav/i.test(state.text) && !staged) staged = performance.now() - started;
    if (!state.bar && progress.size > 0 && state.text.trim()) {
      const done = performance.now() - started;
      const stall = (await options.evaluate('clearInterval(globalThis.__probe), globalThis.__stall')) as number;
      return { staged: staged || done, done, progressUpdates: progress.size, stall, result: state.text.trim().slice(0, 200) };
    }
    if (!state.bar && !progress.size && state.text.trim() && performance.now() - started > 5000)
      throw new Error(`the import did not start: ${state.text.trim().slice(0, 300)}`);
    if (performance.now() - started > 30 * 60_000) throw new Error('the import did not finish in 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One popup run: ms from navigation start to the analyze request, to its answer, to the first related row. */
export interface Split {
  ask: number;
  answer: number;
  total: number;
}

/** Builds dist-test/ (unless told not to) and checks Chromium; false with a message when something is missing. */
export function prepare(): boolean {
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

export function sampleRecords(): ArticleRecord[] {
  return readFileSync(`${REPO_DIR}public/sample/sample.ndjson`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ArticleRecord);
}

/**
 * Opens the CBC page and its popup; milliseconds from the popup's navigation start to its
 * first related row, and to the popup's `framelens:ask` and `framelens:answer` marks.
 */
export async function clickToResult(
  extension: ExtensionSession,
  fixtures: FixtureServer,
  timeout = 60_000,
  /** Before the popup opens, with the page loaded (stopping the worker: a reader reads, then clicks). */
  beforePopup?: () => Promise<void>,
): Promise<Split> {
  const page = await extension.context.newPage();
  const popup = await extension.context.newPage();
  try {
    await page.goto(fixtures.url(CBC));
    const { context, extensionId } = extension;
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    // A stopped worker is not listed; any page of ours can ask for the tab instead.
    const tabId = worker ? await tabIdFor(worker, fixtures.url(CBC)) : await tabIdFromPage(popup, extensionId, fixtures.url(CBC));
    if (beforePopup) {
      // The page's own events (its load) wake the worker too: settle, then run the step.
      await popup.goto('about:blank');
      await beforePopup();
    }
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

export async function sendFrom(page: Page, type: string, payload: unknown): Promise<Record<string, unknown>> {
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

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `  | ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * The extension service worker's JavaScript heap after a full garbage collection, read over
 * the DevTools protocol (Runtime.getHeapUsage in the worker's target); null without a
 * running worker.
 */
export async function workerHeap(extension: ExtensionSession): Promise<{ used: number; total: number } | null> {
  const page = await extension.context.newPage();
  try {
    const cdp = await extension.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extension.extensionId}/`));
    if (!worker) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const replies = new Map<number, (result: Record<string, number>) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
      if (message.id !== undefined) replies.get(message.id)?.(message.result ?? {});
    });
    let id = 0;
    const call = (method: string) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const mine = ++id;
        replies.set(mine, resolve);
        setTimeout(() => reject(new Error(`${method}: no answer`)), 30_000);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { used: usage.usedSize ?? 0, total: usage.totalSize ?? 0 };
  } catch (e) {
    console.warn(`  worker heap not read: ${(e as Error).message}`);
    return null;
  } finally {
    await page.close();
  }
}
