import type { Archive } from './archive';
import type { StoredArticle } from './dbSchema';

/**
 * What the worker's in-memory mirrors of the archive (the match index, the options page's
 * catalog) share: working in slices that let messages through, reading every archived row a
 * page at a time to rebuild, and writing their snapshot once a burst of changes is over.
 */

/** Work in slices this long, then let the worker answer other messages. */
const SLICE_MS = 20;
/** Chrome stops a service worker idle for 30 s; an extension API call resets that clock. */
const KEEP_ALIVE_MS = 20_000;
/** Records read per transaction while rebuilding. */
const REBUILD_PAGE = 500;
/** Longest a slice waits for a message's answer to go out before it runs anyway. */
const FOREGROUND_PAUSE_MS = 500;

let foregroundCount = 0;
let foregroundEnded: { promise: Promise<void>; resolve: () => void } | null = null;

/**
 * Runs an answer a reader waits for (the popup's) as foreground work: indexing steps aside
 * between its slices until the answer is out (a popup during a large import).
 */
export async function inForeground<T>(work: () => Promise<T>): Promise<T> {
  foregroundCount++;
  try {
    return await work();
  } finally {
    if (--foregroundCount === 0 && foregroundEnded) {
      foregroundEnded.resolve();
      foregroundEnded = null;
    }
  }
}

/** Resolves when no foreground work runs, or after `maxMs`. */
function foregroundDone(maxMs: number): Promise<void> {
  if (foregroundCount === 0) return Promise.resolve();
  if (!foregroundEnded) {
    let resolve = () => undefined as void;
    const promise = new Promise<void>((r) => (resolve = r));
    foregroundEnded = { promise, resolve };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((r) => (timer = setTimeout(r, maxMs)));
  return Promise.race([foregroundEnded.promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Yields to the event loop every SLICE_MS of work, waits while foreground work runs
 * (unless `urgent`: someone awaits this very work), and keeps the worker alive on long runs.
 */
export class Slicer {
  private sliceStart = Date.now();
  private lastKeepAlive = Date.now();

  constructor(
    private readonly keepAlive: () => unknown,
    private readonly urgent: () => boolean = () => false,
  ) {}

  /** True when it yielded. */
  async maybeYield(): Promise<boolean> {
    const now = Date.now();
    if (now - this.sliceStart < SLICE_MS) return false;
    if (now - this.lastKeepAlive > KEEP_ALIVE_MS) {
      this.lastKeepAlive = now;
      this.keepAlive();
    }
    await yieldToOtherWork();
    if (!this.urgent()) await foregroundDone(FOREGROUND_PAUSE_MS);
    this.sliceStart = Date.now();
    return true;
  }
}

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * Lets queued events (messages, IndexedDB results) run before the next slice: the
 * Prioritized Task Scheduling API (https://wicg.github.io/scheduling-apis/) runs a
 * 'background' task after more urgent ones; a timer is the fallback where it is missing.
 */
export function yieldToOtherWork(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler) return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Calls `each` for the archived rows of `ids` (absent ones skipped), one read transaction a page, `pause` after each. */
export async function forEachOf(
  archive: Archive,
  ids: readonly string[],
  pause: () => Promise<unknown>,
  each: (row: StoredArticle) => void,
): Promise<void> {
  for (let i = 0; i < ids.length; i += REBUILD_PAGE) {
    const tx = archive.db.transaction('articles');
    const rows = await Promise.all(ids.slice(i, i + REBUILD_PAGE).map((id) => tx.store.get(id)));
    for (const row of rows) {
      if (!row) continue;
      each(row);
      await pause();
    }
  }
}

/** Records `name` on the worker's performance timeline (one entry a name: the latest), for the popup bench. */
export function measure(name: string, start: number): void {
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // A timeline without User Timing: nothing to record.
  }
}

/** Calls `each` for every archived row in id order, one read transaction a page, `pause` after each. */
export async function forEachArchived(archive: Archive, pause: () => Promise<unknown>, each: (row: StoredArticle) => void): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const rows: StoredArticle[] = await archive.db.getAll('articles', range, REBUILD_PAGE);
    for (const row of rows) {
      each(row);
      await pause();
    }
    const last: StoredArticle | undefined = rows.at(-1);
    if (!last || rows.length < REBUILD_PAGE) return;
    after = last.id;
  }
}

/** Runs `task` once, `delayMs` after the last `schedule()`; a failure is logged as `what` and retried at the next schedule. */
export class Debounced {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly what: string,
  ) {}

  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.task().catch((e: unknown) => console.warn(`Framelens: ${this.what}`, e));
    }, this.delayMs);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
