import type { ArticleRecord } from '../core/types';
import type { Archive, ArchiveChange } from './archive';
import { changesSince, snapshotWritten } from './changeLog';
import type { MirrorKey } from './dbSchema';
import { Debounced, forEachArchived, forEachOf, measure, Slicer } from './mirror';
import { errorText } from '../core/errors';
import { t } from '../shared/i18n';

type Work =
  | { kind: 'change'; change: ArchiveChange }
  | { kind: 'catchUp'; counter: number; put: string[]; removed: string[] }
  | { kind: 'rebuild'; counter: number; records: number };

/** How indexing stands while the queue drains: `indexed` of the `total` records queued since it was last empty. */
export interface MirrorProgress {
  indexed: number;
  total: number;
}

export interface MirrorOptions {
  key: MirrorKey;
  /** What the mirror is called in warnings ('match index'). */
  label: string;
  /** Names its performance measures: `framelens:restore<suffix>`, `framelens:catch-up<suffix>`. */
  measureSuffix: string;
  persistDelayMs: number;
  keepAlive: () => unknown;
  /** Resolves when the mirror that goes first has caught up (`urgent`: someone awaits this one): this one indexes after it. */
  after?: (urgent: boolean) => Promise<void>;
}

/**
 * An in-memory mirror of the archive kept in step with it (the match index, the options
 * page's catalog): the snapshot is read once, changes are applied in commit order in
 * slices behind a queue, and the snapshot is written once a burst of changes is over. A
 * snapshot behind the archive (the worker stopped before writing it) catches up from the
 * change log, reading only the records changed since; a missing or unreadable one, or one
 * older than the log, is rebuilt from every record. So is the mirror when a change cannot
 * be applied: it never answers short of records as if it had caught up.
 */
export abstract class ArchiveMirror {
  /** Resolves once the snapshot is read (or a rebuild queued): no archive write slips in between. */
  readonly restored: Promise<void>;
  protected counter = -1;
  private readonly persistLater: Debounced;
  private readonly queue: Work[] = [];
  private draining: Promise<void> | null = null;
  /** Records queued and not yet applied, and how many were queued since the queue was last empty. */
  private queued = 0;
  private burst = 0;
  /** Callers awaiting the catch-up itself: the drain does not step aside for foreground work then. */
  private waiters = 0;
  /** Why the mirror could not be rebuilt: it is not to be trusted (or saved) until the worker restarts. */
  protected failure: unknown = null;

  protected constructor(
    protected readonly archive: Archive,
    private readonly options: MirrorOptions,
  ) {
    this.persistLater = new Debounced(
      options.persistDelayMs,
      () => this.persist(),
      `${options.label} snapshot not saved; it will catch up from the change log.`,
    );
    // Runs after the subclass's constructor (runExclusive starts work on a later turn).
    this.restored = archive.runExclusive(() => this.load());
  }

  protected abstract readSnapshot(snapshot: unknown): boolean;
  protected abstract writeSnapshot(): unknown;
  /** Empties the mirror before a rebuild. */
  protected abstract reset(): void;
  protected abstract put(record: ArticleRecord, savedAt: number): void;
  protected abstract drop(id: string): void;
  /** After a drain that applied `changed` records (compaction, say). */
  protected afterDrain(_changed: number): Promise<void> | void {}

  /** Records committed to the archive but not in the mirror yet. */
  get pending(): number {
    return this.queued;
  }

  /** Where indexing stands, or null when the mirror has every committed write. */
  progress(): MirrorProgress | null {
    return this.draining ? { indexed: this.burst - this.queued, total: this.burst } : null;
  }

  /**
   * Resolves when every committed write is in the mirror, or after `withinMs` (the caller
   * then answers from what is indexed); `urgent` (default): the caller waits for it, so
   * indexing does not step aside meanwhile.
   */
  async caughtUp(urgent = true, withinMs = Infinity): Promise<void> {
    if (urgent) this.waiters++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const done = (async () => {
        await this.restored;
        while (this.draining) await this.draining;
      })();
      const budget = Number.isFinite(withinMs) ? [new Promise<void>((resolve) => (timer = setTimeout(resolve, withinMs)))] : [];
      await Promise.race([done, ...budget]);
      this.assertHealthy();
    } finally {
      clearTimeout(timer);
      if (urgent) this.waiters--;
    }
  }

  /** Throws the reader-facing reason when the mirror could not be rebuilt (its answers would miss records). */
  protected assertHealthy(): void {
    if (this.failure !== null) throw new Error(t('errIndexBroken', [errorText(this.failure)]));
  }

  /** Writes the snapshot if the mirror has caught up and the archive has not changed since. */
  async persist(): Promise<boolean> {
    this.persistLater.cancel();
    await this.restored;
    if (this.draining || this.counter < 0 || this.failure !== null) return false;
    const snapshot = this.writeSnapshot();
    const tx = this.archive.db.transaction('meta', 'readwrite');
    const changes = await tx.store.get('changes');
    const fresh = (changes?.key === 'changes' ? changes.count : 0) === this.counter;
    if (fresh) await tx.store.put({ key: this.options.key, changes: this.counter, snapshot });
    await tx.done;
    if (fresh) await snapshotWritten(this.archive.db, this.options.key, this.counter);
    return fresh;
  }

  private async load(): Promise<void> {
    const start = performance.now();
    const { key, measureSuffix } = this.options;
    const tx = this.archive.db.transaction('meta');
    const [changes, row] = await Promise.all([tx.store.get('changes'), tx.store.get(key)]);
    await tx.done;
    // Reading the row and decoding it, apart: the popup bench says which one a wake-up waits for.
    measure(`framelens:restore-read${measureSuffix}`, start);
    const counter = changes?.key === 'changes' ? changes.count : 0;
    const at = row?.key === key && row.changes <= counter ? row.changes : -1;
    const decoding = performance.now();
    let restored = at >= 0 && this.tryRead(row?.key === key ? row.snapshot : null);
    measure(`framelens:restore-decode${measureSuffix}`, decoding);
    const log = restored ? await changesSince(this.archive.db, at, counter) : null;
    if (!log) restored = false;
    measure(`framelens:restore${measureSuffix}`, start);
    this.archive.onChange((change) => this.enqueue({ kind: 'change', change }));
    if (!restored) {
      this.reset();
      this.enqueue({ kind: 'rebuild', counter, records: await this.archive.count() });
      return;
    }
    this.counter = at;
    if (log && at < counter) this.enqueue({ kind: 'catchUp', counter, ...log });
  }

  private tryRead(snapshot: unknown): boolean {
    try {
      return this.readSnapshot(snapshot);
    } catch (e) {
      console.warn(`Framelens: ${this.options.label} snapshot unreadable; rebuilding it.`, e);
      return false;
    }
  }

  private enqueue(work: Work): void {
    // A mirror that could not be rebuilt takes no more work: the next worker start rebuilds it.
    if (this.failure !== null) return;
    this.queue.push(work);
    const records = recordsOf(work);
    this.queued += records;
    this.burst += records;
    if (!this.draining) this.startDrain();
  }

  private startDrain(): void {
    const drained = this.drain().catch((e: unknown) => this.failed(e));
    this.draining = drained.finally(() => {
      this.draining = null;
      // Work queued as the drain was ending (during its compaction, say) gets a drain of its own.
      if (this.queue.length) {
        this.startDrain();
        return;
      }
      this.queued = 0;
      this.burst = 0;
      this.persistLater.schedule();
    });
  }

  private async drain(): Promise<void> {
    const start = performance.now();
    const slicer = new Slicer(this.options.keepAlive, () => this.waiters > 0);
    const after = this.options.after;
    // Yields between slices, and lets the mirror that goes first catch up before going on.
    const pause = async () => {
      if ((await slicer.maybeYield()) && after) await after(this.waiters > 0);
    };
    if (after) await after(this.waiters > 0);
    let changed = 0;
    const apply = (record: ArticleRecord, savedAt: number) => {
      this.put(record, savedAt);
      this.queued--;
      changed++;
    };
    for (let work = this.queue.shift(); work; work = this.queue.shift()) {
      try {
        const removed = await this.run(work, apply, pause);
        changed += removed;
      } catch (e) {
        // A change that cannot be applied would leave the mirror short of records while it
        // says it has caught up: rebuild it from the archive instead (which covers every
        // write queued so far), and if that fails too, say so at every search.
        if (work.kind === 'rebuild') {
          this.failed(e);
          break;
        }
        console.warn(`Framelens: ${this.options.label} could not apply a change; rebuilding it from the archive.`, e);
        const records = await this.archive.count();
        // Everything queued by now committed before the rebuild reads: it covers them.
        const counter = Math.max(counterOf(work), ...this.queue.map(counterOf));
        this.queue.splice(0, this.queue.length, { kind: 'rebuild', counter, records });
        this.queued = this.burst = records;
        continue;
      }
      this.counter = counterOf(work);
    }
    await this.afterDrain(changed);
    measure(`framelens:catch-up${this.options.measureSuffix}`, start);
  }

  private failed(e: unknown): void {
    console.error(`Framelens: ${this.options.label} could not be rebuilt.`, e);
    this.failure = e;
    this.queue.length = 0;
  }

  /** Applies one piece of work; returns how many records it removed. */
  private async run(work: Work, apply: (record: ArticleRecord, savedAt: number) => void, pause: () => Promise<void>): Promise<number> {
    if (work.kind === 'rebuild') {
      this.reset();
      await forEachArchived(this.archive, pause, (row) => apply(row.record, row.savedAt));
      // The rebuild read every row, those of changes still queued included: what is left
      // is what those changes add.
      this.queued = this.queue.reduce((n, w) => n + recordsOf(w), 0);
      return 0;
    } else if (work.kind === 'catchUp') {
      for (const id of work.removed) this.drop(id);
      let found = 0;
      await forEachOf(this.archive, work.put, pause, (row) => {
        apply(row.record, row.savedAt);
        found++;
      });
      // Records deleted since were never queued for real.
      this.queued -= work.put.length - found;
      return work.removed.length;
    }
    for (const id of work.change.removed) this.drop(id);
    const { put, savedAt } = work.change;
    for (let i = 0; i < put.length; i++) {
      apply(put[i]!, savedAt?.[i] ?? Date.now());
      await pause();
    }
    return work.change.removed.length;
  }
}

function counterOf(work: Work): number {
  return work.kind === 'change' ? work.change.counter : work.counter;
}

function recordsOf(work: Work): number {
  return work.kind === 'change' ? work.change.put.length : work.kind === 'catchUp' ? work.put.length : work.records;
}
