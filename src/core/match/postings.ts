import type { ArticleStore } from './store';
import { termOf } from './entries';

/**
 * The inverted index in compressed-sparse-row form: for term t, the slots holding it are
 * `slots[offsets[t] .. offsets[t + 1])`, ascending. Built in two passes over a compacted
 * store (4 bytes per posting, 4 per term, nothing per list). Articles added later live in
 * a small unindexed tail that queries scan directly, until the next rebuild folds them in
 * (the segment-merge idea of Lucene, with one segment).
 */
export class Postings {
  constructor(
    readonly offsets: Uint32Array,
    readonly slots: Uint32Array,
    /** Slots below this are indexed here; later ones are the tail. */
    readonly slotCount: number,
  ) {}

  static build(store: ArticleStore, termCount: number): Postings {
    const offsets = new Uint32Array(termCount + 1);
    const n = store.slots;
    for (let s = 0; s < n; s++) {
      if (!store.alive(s)) continue;
      const start = store.starts[s]!;
      const end = start + store.lengths[s]!;
      for (let i = start; i < end; i++) offsets[termOf(store.entries[i]!) + 1]!++;
    }
    for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, termCount);
    const slots = new Uint32Array(offsets[termCount]!);
    for (let s = 0; s < n; s++) {
      if (!store.alive(s)) continue;
      const start = store.starts[s]!;
      const end = start + store.lengths[s]!;
      for (let i = start; i < end; i++) slots[fill[termOf(store.entries[i]!)]!++] = s;
    }
    return new Postings(offsets, slots, n);
  }

  get termCount(): number {
    return this.offsets.length - 1;
  }

  /** Slots holding the term (a view); empty for terms newer than the build. */
  list(term: number): Uint32Array {
    if (term >= this.termCount) return this.slots.subarray(0, 0);
    return this.slots.subarray(this.offsets[term]!, this.offsets[term + 1]!);
  }
}

/** Index of the entry for `term` in sorted packed entries, or -1. */
export function findEntry(entries: Uint32Array, term: number): number {
  let lo = 0;
  let hi = entries.length;
  const key = (term << 8) >>> 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < entries.length && termOf(entries[lo]!) === term ? lo : -1;
}
