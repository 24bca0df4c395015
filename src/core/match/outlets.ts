/**
 * Each archived article's outlet, for the same-story decision (decision.ts): an outlet
 * seldom files two reports of one happening, so a second article of the query's own outlet
 * about the same people is more often a follow-up or another story. Names are interned
 * (a few hundred outlets for tens of thousands of articles); 0 stands for unknown.
 */
export function outletKey(outlet: string | null | undefined): string {
  return (outlet ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Article id → interned outlet name. */
export class Outlets {
  private names: string[] = [''];
  private index = new Map<string, number>([['', 0]]);
  private of = new Map<string, number>();

  set(id: string, outlet: string | null | undefined): void {
    const key = outletKey(outlet);
    let n = this.index.get(key);
    // Past the snapshot's 16-bit range an outlet stays unknown: no evidence either way.
    if (n === undefined && this.names.length < 0xffff) {
      n = this.names.length;
      this.names.push(key);
      this.index.set(key, n);
    }
    if (n) this.of.set(id, n);
    else this.of.delete(id);
  }

  delete(id: string): void {
    this.of.delete(id);
  }

  /** The article's outlet key, '' when unknown. */
  key(id: string): string {
    return this.names[this.of.get(id) ?? 0]!;
  }

  /** The snapshot fields for these ids, in their order. */
  write(ids: readonly string[]): { outlets: string[]; outletOf: Uint16Array } {
    return { outlets: [...this.names], outletOf: Uint16Array.from(ids, (id) => this.of.get(id) ?? 0) };
  }

  /** From a checked snapshot (checkSnapshot); one without outlets knows none. */
  static read(snap: { ids: readonly string[]; outlets?: string[]; outletOf?: Uint16Array }): Outlets {
    const o = new Outlets();
    if (!snap.outlets || !snap.outletOf) return o;
    o.names = [...snap.outlets];
    o.index = new Map(o.names.map((name, i) => [name, i]));
    snap.ids.forEach((id, slot) => {
      const n = snap.outletOf![slot]!;
      if (n) o.of.set(id, n);
    });
    return o;
  }
}
