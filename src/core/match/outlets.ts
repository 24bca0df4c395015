import type { ArticleStore } from './store';

/**
 * Each archived article's outlet, for the same-story decision (decision.ts): an outlet
 * seldom files two reports of one happening, so a second article of the query's own outlet
 * about the same people is more often a follow-up or another story. Names are interned (a
 * few hundred outlets for tens of thousands of articles) and kept per store slot, 2 bytes
 * an article; 0 stands for unknown.
 */
export function outletKey(outlet: string | null | undefined): string {
  return (outlet ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export class Outlets {
  private names: string[] = [''];
  private index = new Map<string, number>([['', 0]]);
  private bySlot = new Uint16Array(256);

  set(slot: number, outlet: string | null | undefined): void {
    const key = outletKey(outlet);
    let n = this.index.get(key);
    // Past the snapshot's 16-bit range an outlet stays unknown: no evidence either way.
    if (n === undefined && this.names.length < 0xffff) {
      n = this.names.length;
      this.names.push(key);
      this.index.set(key, n);
    }
    if (slot >= this.bySlot.length) {
      const grown = new Uint16Array(Math.max(slot + 1, this.bySlot.length * 2));
      grown.set(this.bySlot);
      this.bySlot = grown;
    }
    this.bySlot[slot] = n ?? 0;
  }

  /** The outlet key of a slot, '' when unknown. */
  key(slot: number): string {
    return this.names[this.bySlot[slot] ?? 0]!;
  }

  /** The same outlets for a compacted copy of `from` (ArticleStore.compacted). */
  remap(from: ArticleStore, to: ArticleStore): Outlets {
    const out = new Outlets();
    out.names = this.names;
    out.index = this.index;
    out.bySlot = new Uint16Array(Math.max(to.slots, 16));
    for (let s = 0; s < to.slots; s++) out.bySlot[s] = this.bySlot[from.slot(to.ids[s]!)!] ?? 0;
    return out;
  }

  /** The snapshot fields for these ids of `store`, in their order. */
  write(store: ArticleStore, ids: readonly string[]): { outlets: string[]; outletOf: Uint16Array } {
    return { outlets: [...this.names], outletOf: Uint16Array.from(ids, (id) => this.bySlot[store.slot(id)!] ?? 0) };
  }

  /** From a checked snapshot (checkSnapshot), whose ids are the store's slots in order; one without outlets knows none. */
  static read(snap: { ids: readonly string[]; outlets?: string[]; outletOf?: Uint16Array }): Outlets {
    const o = new Outlets();
    if (!snap.outlets || !snap.outletOf) return o;
    o.names = [...snap.outlets];
    o.index = new Map(o.names.map((name, i) => [name, i]));
    o.bySlot = snap.outletOf.slice();
    return o;
  }
}
