/**
 * `npm run bench -- popup`: click to first result in Debian's headless Chromium, with the
 * archive imported the way readers import it: a `.ndjson` file chosen in the options page's
 * file input. For each archive size (the 188-article sample archive as the peer, then 10k,
 * 38k and 100k articles: the sample, ECB+ and abp.ndjson.gz, repeated under new ids past its
 * 37k), in a fresh profile:
 *
 * - the first popup right after the import said "imported" (the index may still be catching up);
 * - warm popups (worker running);
 * - wake-ups in a row: the page open, then the worker stopped and the popup opened half a
 *   second later (nothing else wakes the worker first), and some seconds between a popup and
 *   the next stop, as a reader who reads, then clicks;
 * - where the time goes: the popup's own marks (navigation → request → answer → first row)
 *   and the worker's `framelens:*` performance measures (open, restore, read, match);
 * - the worker's memory: the resident size of the extension's renderer process with no
 *   extension page open (Chromium runs the service worker there).
 *
 * The popup is a page of its own (`popup.html?tab=`): a headless browser cannot click the
 * toolbar. `--quick` measures the peer and 10k only; FRAMELENS_POPUP_SIZES=10000,38000 picks sizes.
 */
import { appendFileSync, readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords } from '../src/cli/inputs';
import type { ArticleRecord } from '../src/core/types';
import { currentServiceWorker, launchExtension, startFixtureServer, stopServiceWorker, type ExtensionSession } from '../tests/e2e/harness';
import {
  clickToResult,
  importThroughFileInput,
  median,
  megabytes,
  openOptions,
  percentile,
  prepare,
  sampleRecords,
  seconds,
  table,
  workerHeap,
  type FileImport,
  type Split,
} from './browser';
import { dataset } from './datasets';

const WARM_RUNS = 15;
const WAKE_RUNS = 5;
/** Between stopping the worker and opening the popup. */
const WAKE_PAUSE_MS = 500;
/** Between a popup and the next stop: long enough for a snapshot written after the click. */
const READING_MS = 6000;

interface Row {
  label: string;
  count: number;
  file: FileImport;
  first: Split;
  warm: Split[];
  wake: Split[];
  /** The worker's own measures on each wake-up, by name. */
  workerMeasures: Record<string, number[]>;
  rssWarm: number | null;
  rssWoken: number | null;
  /** The worker's JS heap (used bytes after a GC) with the catalog loaded (the options page used it), and after the last wake-up. */
  heapWarm: number | null;
  heapWoken: number | null;
  /** The worker's measures when the import's indexing ended (catch-up of the match index and of the catalog). */
  catchUp: Record<string, number>;
}

export async function runPopup(): Promise<void> {
  if (!prepare()) return;
  const ecbPath = dataset('ecbplus.ndjson');
  const abpPath = dataset('abp.ndjson.gz');
  if (!ecbPath || !abpPath) return;
  const quick = process.argv.includes('--quick');
  const sizes = (process.env.FRAMELENS_POPUP_SIZES ?? (quick ? '10000' : '10000,38000,100000'))
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const sample = sampleRecords();
  // One record per id: the sample archive holds some ECB+ articles itself, and a file with a repeated id is refused whole.
  const pool = [...new Map([...sample, ...readRecords(ecbPath), ...readRecords(abpPath)].map((r) => [r.id, r])).values()];
  const fixtures = await startFixtureServer();
  const work = mkdtempSync(join(tmpdir(), 'framelens-popup-'));
  console.log(
    `  popup.html for the CBC seed page after importing a file through the options page; ${WARM_RUNS} warm runs, ${WAKE_RUNS} wake-ups in a row (worker stopped, popup ${WAKE_PAUSE_MS} ms later, ${READING_MS / 1000} s between a popup and the next stop)`,
  );
  const rows: Row[] = [];
  // The machine may be shared: absolute times depend on its load, the ratios to the peer much less.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`  load average (1, 5, 15 min) at the start: ${load()}`);
  try {
    const archives: [string, ArticleRecord[]][] = [
      ['sample archive (peer)', sample],
      ...sizes.map((n): [string, ArticleRecord[]] => [`${Math.round(n / 1000)}k archive`, archiveOf(pool, n)]),
    ];
    for (const [label, records] of archives) {
      const file = join(work, `${records.length}.ndjson`);
      // Written a thousand lines at a time: 100k records are more than one string can hold.
      writeFileSync(file, '');
      for (let i = 0; i < records.length; i += 1000)
        appendFileSync(
          file,
          records
            .slice(i, i + 1000)
            .map((r) => `${JSON.stringify(r)}\n`)
            .join(''),
        );
      const profile = mkdtempSync(join(work, 'profile-'));
      // FRAMELENS_BENCH_EXTENSION_DIR: a copy of dist-test/ to measure while dist-test/ is rebuilt.
      const extensionDir = process.env.FRAMELENS_BENCH_EXTENSION_DIR;
      const extension = await launchExtension({ userDataDir: profile, ...(extensionDir ? { extensionDir } : {}) });
      try {
        rows.push(await measure(extension, fixtures, label, records.length, file, profile));
      } finally {
        await extension.close();
        rmSync(profile, { recursive: true, force: true });
        rmSync(file, { force: true });
      }
    }
  } finally {
    await fixtures.close();
    rmSync(work, { recursive: true, force: true });
  }
  printPopup(rows);
  console.log(`  load average (1, 5, 15 min) at the end: ${load()}`);
}

async function measure(
  extension: ExtensionSession,
  fixtures: Awaited<ReturnType<typeof startFixtureServer>>,
  label: string,
  count: number,
  path: string,
  profile: string,
): Promise<Row> {
  const log = (what: string) => console.log(`  ${label}: ${what} (load ${loadavg()[0]!.toFixed(1)})`);
  const options = await openOptions(extension);
  const file = await importThroughFileInput(options, path);
  const importedAt = await workerNow(extension);
  log(`imported in ${seconds(file.done)}`);
  const first = await clickToResult(extension, fixtures, 10 * 60_000);
  const firstMeasures = (await readWorkerMeasures(extension)).filter(([name]) =>
    ['framelens:read', 'framelens:lookup', 'framelens:match', 'framelens:records'].includes(name),
  );
  log(
    `first popup after the import ${first.total.toFixed(0)} ms (asked at ${first.ask.toFixed(0)} ms, answer at ${first.answer.toFixed(0)} ms; in the worker: ${firstMeasures.map(([n, ms]) => `${n.replace('framelens:', '')} ${ms.toFixed(0)} ms`).join(', ')})`,
  );
  // Let indexing and the snapshots finish as they would while the reader reads on.
  await indexed(extension, importedAt);
  await settle(extension, fixtures);
  const catchUp = Object.fromEntries((await readWorkerMeasures(extension)).filter(([name]) => name.startsWith('framelens:catch-up')));
  log(
    `indexing caught up: match index ${seconds(catchUp['framelens:catch-up'] ?? NaN)}, catalog (after it) ${seconds(catchUp['framelens:catch-up-catalog'] ?? NaN)}`,
  );
  const heapWarm = (await workerHeap(extension))?.used ?? null;
  await options.close();
  const warm: Split[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await clickToResult(extension, fixtures));
  log(`warm p50 ${median(warm.map((s) => s.total)).toFixed(0)} ms`);
  const rssWarm = extensionProcessRss(profile);
  await sleep(READING_MS);
  const wake: Split[] = [];
  const workerMeasures: Record<string, number[]> = {};
  let rssWoken: number | null = null;
  let heapWoken: number | null = null;
  for (let i = 0; i < WAKE_RUNS; i++) {
    // The page is open and read before the worker stops, so nothing but the popup wakes it.
    const stopThenPause = async () => {
      await stopServiceWorker(extension.context);
      await sleep(WAKE_PAUSE_MS);
    };
    wake.push(await clickToResult(extension, fixtures, 60_000, stopThenPause));
    for (const [name, ms] of await readWorkerMeasures(extension)) (workerMeasures[name] ??= []).push(ms);
    rssWoken = extensionProcessRss(profile);
    if (i === WAKE_RUNS - 1) heapWoken = (await workerHeap(extension))?.used ?? null;
    await sleep(READING_MS);
  }
  log(`worker stopped first: ${wake.map((s) => s.total.toFixed(0)).join(', ')} ms`);
  return { label, count, file, first, warm, wake, workerMeasures, rssWarm, rssWoken, heapWarm, heapWoken, catchUp };
}

/** The running worker's performance.now(). */
async function workerNow(extension: ExtensionSession): Promise<number> {
  return (await currentServiceWorker(extension.context, extension.extensionId)).evaluate(() => performance.now());
}

/** Waits until the catalog (which indexes after the match index) has caught up with a write made before `since` (worker time). */
async function indexed(extension: ExtensionSession, since: number): Promise<void> {
  for (;;) {
    const worker = await currentServiceWorker(extension.context, extension.extensionId);
    const ends = await worker.evaluate(() =>
      performance.getEntriesByName('framelens:catch-up-catalog').map((e) => e.startTime + e.duration),
    );
    if (ends.some((end) => end >= since)) return;
    await sleep(500);
  }
}

/** Popups until two in a row answer within 1.5x of each other, then the snapshot delays. */
async function settle(extension: ExtensionSession, fixtures: Awaited<ReturnType<typeof startFixtureServer>>): Promise<void> {
  let last = Infinity;
  for (let i = 0; i < 20; i++) {
    const { total } = await clickToResult(extension, fixtures, 10 * 60_000);
    if (total < last * 1.5 && last < Infinity) break;
    last = total;
  }
  await sleep(8000);
}

/** The archive of `n` articles: the pool in order, then the pool's abp part again under new ids and addresses. */
function archiveOf(pool: ArticleRecord[], n: number): ArticleRecord[] {
  const out = pool.slice(0, n);
  const repeatable = pool.filter((r) => r.id.startsWith('abp:'));
  for (let copy = 2; out.length < n && repeatable.length; copy++) {
    for (const r of repeatable) {
      if (out.length >= n) break;
      out.push({ ...r, id: `${r.id}~${copy}`, url: r.url ? `${r.url}${r.url.includes('?') ? '&' : '?'}copy=${copy}` : null });
    }
  }
  return out;
}

/** The `framelens:*` measures of the running worker (names the background gives its steps). */
async function readWorkerMeasures(extension: ExtensionSession): Promise<[string, number][]> {
  const worker = await currentServiceWorker(extension.context, extension.extensionId);
  return (await worker.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('framelens:'))
      .map((m) => [m.name, m.duration]),
  )) as [string, number][];
}

/**
 * Resident memory of the extension renderer process (`--extension-process`) of the browser
 * using `profile`, where Chromium runs the service worker; with no extension page open it is
 * the worker's. Null where /proc cannot tell.
 */
function extensionProcessRss(profile: string): number | null {
  const procs = new Map<number, { ppid: number; cmdline: string }>();
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.set(Number(entry), { ppid, cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8') });
    } catch {
      // The process ended while being read.
    }
  }
  const root = [...procs].find(([, p]) => p.cmdline.includes(`--user-data-dir=${profile}`) && !p.cmdline.includes('--type='))?.[0];
  if (root === undefined) return null;
  const descends = (pid: number): boolean => {
    for (let p = procs.get(pid), hops = 0; p && hops < 10; p = procs.get(p.ppid), hops++) if (p.ppid === root) return true;
    return false;
  };
  let total: number | null = null;
  for (const [pid, p] of procs) {
    if (!p.cmdline.includes('--extension-process') || !descends(pid)) continue;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total = (total ?? 0) + Number(rss[1]) * 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

function printPopup(rows: Row[]): void {
  const [peer] = rows;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const totals = (splits: Split[]) => splits.map((s) => s.total);
  console.log(
    table(
      [
        'archive',
        'articles',
        'file import',
        'first popup after import',
        'warm p50 / p95',
        'worker stopped p50 / p95',
        'wake-ups',
        'warm / stopped vs peer',
        'renderer RSS (warm / woken)',
        'worker JS heap (catalog loaded / woken)',
        'catch-up (match / catalog)',
      ],
      rows.map((r) => [
        r.label,
        String(r.count),
        seconds(r.file.done),
        ms(r.first.total),
        `${ms(median(totals(r.warm)))} / ${ms(percentile(totals(r.warm), 0.95))}`,
        `${ms(median(totals(r.wake)))} / ${ms(percentile(totals(r.wake), 0.95))}`,
        totals(r.wake)
          .map((t) => t.toFixed(0))
          .join(' '),
        peer
          ? `${(median(totals(r.warm)) / median(totals(peer.warm))).toFixed(2)}x / ${(median(totals(r.wake)) / median(totals(peer.wake))).toFixed(2)}x`
          : '',
        `${r.rssWarm === null ? '?' : megabytes(r.rssWarm)} / ${r.rssWoken === null ? '?' : megabytes(r.rssWoken)}`,
        `${r.heapWarm === null ? '?' : megabytes(r.heapWarm)} / ${r.heapWoken === null ? '?' : megabytes(r.heapWoken)}`,
        `${r.catchUp['framelens:catch-up'] === undefined ? '-' : seconds(r.catchUp['framelens:catch-up'])} / ${r.catchUp['framelens:catch-up-catalog'] === undefined ? '-' : seconds(r.catchUp['framelens:catch-up-catalog'])}`,
      ]),
    ),
  );
  console.log('  where the time goes (medians): page (navigation → request) + background (request → answer) + render (answer → first row)');
  for (const r of rows) {
    for (const [kind, splits] of [
      ['warm', r.warm],
      ['worker stopped', r.wake],
    ] as const) {
      const page = median(splits.map((x) => x.ask));
      const background = median(splits.map((x) => x.answer - x.ask));
      const render = median(splits.map((x) => x.total - x.answer));
      console.log(`    ${r.label}, ${kind}: ${ms(page)} + ${ms(background)} + ${ms(render)}`);
    }
    const measures = Object.entries(r.workerMeasures).map(([name, values]) => `${name.replace('framelens:', '')} ${ms(median(values))}`);
    if (measures.length) console.log(`    ${r.label}, in the woken worker (medians): ${measures.join(', ')}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
