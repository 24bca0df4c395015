import { updateTermPrior, type TermPrior } from '../core/framing';
import { fnv1a } from '../core/text/hash';
import type { Archive, ArchiveChange } from './archive';

/** Articles the background is counted over: a fixed-size sample keeps it small at any archive size. */
export const SAMPLE_SIZE = 1000;
/** Counted after the archive has been quiet this long (a burst of saves or an import counts once). */
const REFRESH_DELAY_MS = 10_000;
/** Records counted per step; the worker answers other messages between steps. */
const STEP = 50;
/** Phrases seen fewer times in the sample are dropped (words are always kept), as buildTermPrior's minCount. */
const MIN_PHRASE_COUNT = 2;

/**
 * Archive-wide word and phrase counts for the framing report's informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, §3.5: the prior comes from a large background corpus,
 * so words every article uses are not "distinctive"). Counted over a bottom-k sample of the
 * archive (the SAMPLE_SIZE ids with the smallest hash: the same articles whatever the
 * order they arrived in; Cohen & Kaplan 2007), refreshed in steps after the archive
 * changes, and stored in the meta store. A prior needs proportions, not exact counts, so a
 * slightly stale background is still used while the next one is counted.
 */
export class TermBackgroundStore {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refreshing: Promise<void> | null = null;

  private loading: Promise<void> | null = null;
  private background: TermPrior | null = null;
  private sample: ReadonlySet<string> = new Set();

  private constructor(private readonly archive: Archive) {}

  /**
   * Follows the archive's changes from now on; the stored background is read only when
   * first needed (a framing report, or a change to check against the sample), so a woken
   * worker does not read it before answering a click.
   */
  static start(archive: Archive): TermBackgroundStore {
    const store = new TermBackgroundStore(archive);
    archive.onChange(
      (change) =>
        void store
          .load()
          .then(() => store.changed(change))
          .catch((e: unknown) => console.warn('Framelens: term background not read.', e)),
    );
    return store;
  }

  /** The store with its stored background read. */
  static async open(archive: Archive): Promise<TermBackgroundStore> {
    const store = TermBackgroundStore.start(archive);
    await store.load();
    return store;
  }

  /** The current background, if one has been counted and read (`load`). */
  get(): TermPrior | undefined {
    return this.background ?? undefined;
  }

  /** Reads the stored background once (a missing one is counted soon after). */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const row = await this.archive.db.get('meta', 'termBackground');
      if (row?.key === 'termBackground') {
        this.background = row.background;
        this.sample = new Set(row.sample);
      } else this.schedule(0);
    })();
    return this.loading;
  }

  /** Counts the current sample now (one count at a time) and stores it. */
  refresh(): Promise<void> {
    this.refreshing ??= this.recount().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private changed(change: ArchiveChange): void {
    const touched =
      change.removed.some((id) => this.sample.has(id)) ||
      change.put.some((r) => this.sample.has(r.id) || this.sample.size < SAMPLE_SIZE || hashId(r.id) < this.sampleCeiling());
    if (touched) this.schedule(REFRESH_DELAY_MS);
  }

  private ceiling: number | null = null;

  /** The largest hash in the sample: an id hashing below it enters the sample. */
  private sampleCeiling(): number {
    this.ceiling ??= Math.max(...[...this.sample].map(hashId));
    return this.ceiling;
  }

  private schedule(delay: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh().catch((e: unknown) =>
        console.warn('Framelens: term background not counted; framing uses the compared articles alone.', e),
      );
    }, delay);
  }

  private async recount(): Promise<void> {
    const ids = (await this.archive.db.getAllKeys('articles')).map((id) => ({ id, hash: hashId(id) }));
    ids.sort((a, b) => a.hash - b.hash || (a.id < b.id ? -1 : 1));
    const sample = ids.slice(0, SAMPLE_SIZE).map((x) => x.id);
    const background: TermPrior = { counts: {}, total: 0, docs: 0 };
    for (let i = 0; i < sample.length; i += STEP) {
      const tx = this.archive.db.transaction('articles');
      const rows = await Promise.all(sample.slice(i, i + STEP).map((id) => tx.store.get(id)));
      for (const row of rows) if (row) updateTermPrior(background, row.record);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    for (const [k, n] of Object.entries(background.counts)) {
      if (n >= MIN_PHRASE_COUNT || !k.includes(' ')) continue;
      delete background.counts[k];
      background.total -= n;
    }
    await this.archive.db.put('meta', { key: 'termBackground', sample, background });
    this.background = background.docs ? background : null;
    this.sample = new Set(sample);
    this.ceiling = null;
  }
}

/** FNV-1a of an id: a fixed pseudo-random order for the bottom-k sample. */
export const hashId = fnv1a;
