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

/** Yields to the event loop every SLICE_MS of work and keeps the worker alive on long runs. */
export class Slicer {
  private sliceStart = Date.now();
  private lastKeepAlive = Date.now();

  constructor(private readonly keepAlive: () => unknown) {}

  async maybeYield(): Promise<void> {
    const now = Date.now();
    if (now - this.sliceStart < SLICE_MS) return;
    if (now - this.lastKeepAlive > KEEP_ALIVE_MS) {
      this.lastKeepAlive = now;
      this.keepAlive();
    }
    await yieldToOtherWork();
    this.sliceStart = Date.now();
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

/** Calls `each` for every archived row in id order, one read transaction a page, yielding between slices. */
export async function forEachArchived(archive: Archive, slicer: Slicer, each: (row: StoredArticle) => void): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const rows: StoredArticle[] = await archive.db.getAll('articles', range, REBUILD_PAGE);
    for (const row of rows) {
      each(row);
      await slicer.maybeYield();
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
