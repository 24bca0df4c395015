import { VarintReader, varintLength, writeVarint } from '../text/varint';
import type { ArticleStore } from './store';

/**
 * The inverted index in compressed-sparse-row form: term t's postings are the bytes
 * `bytes[offsets[t] .. offsets[t + 1])`, its slots in ascending order stored as gaps in
 * varints (src/core/text/varint.ts: the d-gap + varint coding of Witten, Moffat & Bell,
 * "Managing Gigabytes"). Common terms cost about one byte a posting, rare ones two or
 * three, instead of four. Built in two passes over the store; articles added later live
 * in a small unindexed tail that queries scan directly, until the next rebuild folds them
 * in (Lucene's segment merge, with one segment).
 */
export class Postings {
  constructor(
    readonly offsets: Uint32Array,
    readonly bytes: Uint8Array,
    /** Slots below this are indexed here; later ones are the tail. */
    readonly slotCount: number,
  ) {}

  static build(store: ArticleStore, termCount: number): Postings {
    const offsets = new Uint32Array(termCount + 1);
    const last = new Int32Array(termCount).fill(-1);
    const n = store.slots;
    const entries = store.entries;
    for (let s = 0; s < n; s++) {
      if (!store.alive(s)) continue;
      const start = store.starts[s]!;
      const end = start + store.lengths[s]!;
      for (let i = start; i < end; i++) {
        const t = entries[i]! >>> 8;
        offsets[t + 1]! += varintLength(s - last[t]!);
        last[t] = s;
      }
    }
    for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, termCount);
    const bytes = new Uint8Array(offsets[termCount]!);
    last.fill(-1);
    for (let s = 0; s < n; s++) {
      if (!store.alive(s)) continue;
      const start = store.starts[s]!;
      const end = start + store.lengths[s]!;
      for (let i = start; i < end; i++) {
        const t = entries[i]! >>> 8;
        fill[t] = writeVarint(bytes, fill[t]!, s - last[t]!);
        last[t] = s;
      }
    }
    return new Postings(offsets, bytes, n);
  }

  get termCount(): number {
    return this.offsets.length - 1;
  }

  /** Number of bytes the postings use. */
  get byteLength(): number {
    return this.offsets.byteLength + this.bytes.byteLength;
  }

  /**
   * Adds `weight` to acc[slot] for every slot holding the term; slots seen for the first
   * time (acc still 0) are appended to `touched`. Returns the new touched count.
   */
  accumulate(term: number, weight: number, acc: Float64Array, touched: Uint32Array, count: number): number {
    if (term >= this.termCount) return count;
    const reader = new VarintReader(this.bytes, this.offsets[term]!, this.offsets[term + 1]!);
    let slot = -1;
    while (!reader.done) {
      slot += reader.next();
      if (acc[slot] === 0) touched[count++] = slot;
      acc[slot]! += weight;
    }
    return count;
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
  return lo < entries.length && entries[lo]! >>> 8 === term ? lo : -1;
}
