import { SKETCH_SIZE } from './sketch';

/** Marks an unknown publication day in `days`. */
export const NO_DAY = -2147483648;

/**
 * The articles of the index in slots: packed term entries in one shared Uint32Array
 * (no per-article objects, so ~8 bytes of bookkeeping per slot plus the id), the day and
 * the near-duplicate sketch. Removing an article frees its slot; `compacted()` renumbers
 * the live ones and drops the holes.
 */
export class ArticleStore {
  ids: (string | null)[] = [];
  private slotOf = new Map<string, number>();
  starts = new Uint32Array(256);
  lengths = new Uint32Array(256);
  days = new Int32Array(256);
  sketches = new Uint32Array(256 * SKETCH_SIZE);
  entries = new Uint32Array(4096);
  used = 0;
  /** Entries belonging to removed articles, still in `entries`. */
  garbage = 0;
  live = 0;

  get slots(): number {
    return this.ids.length;
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  alive(slot: number): boolean {
    return this.ids[slot] != null;
  }

  /** Appends an article; its entries must be sorted ascending. */
  append(id: string, entries: Uint32Array, day: number | null, sketch: Uint32Array): number {
    const slot = this.ids.length;
    if (slot >= this.starts.length) this.growSlots(Math.max(16, slot * 2));
    if (this.used + entries.length > this.entries.length) {
      const grown = new Uint32Array(Math.max(this.used + entries.length, this.entries.length * 2));
      grown.set(this.entries.subarray(0, this.used));
      this.entries = grown;
    }
    this.entries.set(entries, this.used);
    this.starts[slot] = this.used;
    this.lengths[slot] = entries.length;
    this.used += entries.length;
    this.days[slot] = day ?? NO_DAY;
    this.sketches.set(sketch, slot * SKETCH_SIZE);
    this.ids.push(id);
    this.slotOf.set(id, slot);
    this.live++;
    return slot;
  }

  /** The entries of a slot (a view, valid until the next append or compaction). */
  view(slot: number): Uint32Array {
    const start = this.starts[slot]!;
    return this.entries.subarray(start, start + this.lengths[slot]!);
  }

  free(slot: number): void {
    const id = this.ids[slot];
    if (id == null) return;
    this.slotOf.delete(id);
    this.ids[slot] = null;
    this.garbage += this.lengths[slot]!;
    this.live--;
  }

  day(slot: number): number | null {
    const d = this.days[slot]!;
    return d === NO_DAY ? null : d;
  }

  /** Takes the ids of slots whose arrays were filled directly (a snapshot). */
  adopt(ids: readonly string[]): void {
    this.ids = [...ids];
    this.slotOf = new Map(ids.map((id, slot) => [id, slot]));
    this.live = ids.length;
    if (this.slotOf.size !== ids.length) throw new TypeError('not a match index snapshot: duplicate ids');
  }

  private growSlots(size: number): void {
    const grow = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T, per = 1): T => {
      const b = make(size * per);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, (n) => new Uint32Array(n));
    this.lengths = grow(this.lengths, (n) => new Uint32Array(n));
    this.days = grow(this.days, (n) => new Int32Array(n));
    this.sketches = grow(this.sketches, (n) => new Uint32Array(n), SKETCH_SIZE);
  }

  /** A copy holding only the live articles, in slot order, with exact-size arrays. */
  compacted(): ArticleStore {
    const out = new ArticleStore();
    const n = this.live;
    out.starts = new Uint32Array(Math.max(n, 16));
    out.lengths = new Uint32Array(Math.max(n, 16));
    out.days = new Int32Array(Math.max(n, 16));
    out.sketches = new Uint32Array(Math.max(n, 16) * SKETCH_SIZE);
    out.entries = new Uint32Array(Math.max(this.used - this.garbage, 16));
    for (let s = 0; s < this.ids.length; s++) {
      const id = this.ids[s];
      if (id == null) continue;
      out.append(id, this.view(s), this.day(s), this.sketches.subarray(s * SKETCH_SIZE, (s + 1) * SKETCH_SIZE));
    }
    return out;
  }
}
