import { VarintReader, varintLength, writeVarint } from '../text/varint';
import { forEachDoc } from './postingList';

/** A query word this long or longer matches every word it starts ("elect" finds "election"); shorter ones match whole words. */
export const PREFIX_MIN = 3;
const TAIL_MIN = 2048;

/** The index's part of a snapshot: the merged postings (the tail is folded in first). */
export interface PostingsParts {
  terms: string[];
  offsets: Uint32Array;
  bytes: Uint8Array;
  last: Int32Array;
  /** 1 for each term whose postings are a bitmap of the documents, 0 for varint gaps. */
  dense: Uint8Array;
}

/**
 * Words to the numbers of the documents holding them: for each word, the documents in
 * ascending order stored as gaps in varints (src/core/text/varint.ts). Documents are
 * numbered 0, 1, 2… in the order added. Documents added after the last merge sit in a
 * small tail (each with its sorted word ids) that a search scans directly; when the tail
 * grows past an eighth of the index it is folded into the postings. Removing documents is
 * the owner's business: it skips the dead ones and renumbers the living with `compact`.
 *
 * A word in most documents ("the", "said") would cost a byte or more a document in gaps;
 * its postings become a bitmap of the documents instead (one bit each) when that is
 * shorter, as compressed bitmap indexes do for dense lists (Chambi et al. 2016, "Better
 * bitmap performance with Roaring bitmaps"). That is about a quarter of the bytes of news text.
 */
export class InvertedIndex {
  private terms: string[] = [];
  private termIds = new Map<string, number>();
  /** Postings of documents below `mainDocs`: term t's bytes are bytes[offsets[t] .. offsets[t + 1]). */
  private offsets = new Uint32Array(1);
  private bytes = new Uint8Array(0);
  private mainDocs = 0;
  /** Last document in each term's postings (-1: none), so appended gaps are right. */
  private last = new Int32Array(0);
  /** 1 where a term's postings are a bitmap of ceil(mainDocs / 8) bytes (see above). */
  private dense = new Uint8Array(0);
  /** Sorted word ids of each document from `mainDocs` on. */
  private tail: Uint32Array[] = [];
  /** Term ids sorted by spelling (terms from `sortedUpTo` on are not in it yet), for prefix search. */
  private sortedTerms = new Uint32Array(0);
  private sortedUpTo = 0;
  private seenIn = new Float64Array(0);
  private calls = 0;

  /** Documents added (living or not). */
  get docCount(): number {
    return this.mainDocs + this.tail.length;
  }

  /** Adds the next document, numbered `docCount`, with its words. */
  add(words: Iterable<string>): void {
    this.tail.push(this.termIdsOf(words));
    if (this.tail.length > Math.max(TAIL_MIN, this.mainDocs / 8)) this.merge();
  }

  /**
   * For each document, how many of the words it holds in a row from the first: a
   * document holds them all when its level is words.length. Each word is one pass over its
   * postings (and the tail), promoting only documents that held every word before it.
   */
  levels(words: string[]): Uint8Array {
    const levels = new Uint8Array(this.docCount);
    const mask = new Uint8Array(this.terms.length);
    const reader = new VarintReader(this.bytes);
    const mainTerms = this.offsets.length - 1;
    for (let w = 0; w < words.length; w++) {
      const terms = this.expand(words[w]!);
      if (!terms.length) return levels;
      for (const t of terms) {
        if (t >= mainTerms) continue;
        if (this.dense[t]) {
          const start = this.offsets[t]!;
          const end = this.offsets[t + 1]!;
          for (let i = start; i < end; i++) {
            // Only the set bits: b & -b isolates the lowest, clz32 gives its place.
            for (let b = this.bytes[i]!; b; b &= b - 1) {
              const doc = (i - start) * 8 + 31 - Math.clz32(b & -b);
              if (levels[doc] === w) levels[doc] = w + 1;
            }
          }
          continue;
        }
        reader.seek(this.offsets[t]!, this.offsets[t + 1]!);
        let doc = -1;
        while (!reader.done) {
          doc += reader.next();
          if (levels[doc] === w) levels[doc] = w + 1;
        }
      }
      if (this.tail.length) {
        for (const t of terms) mask[t] = 1;
        this.tail.forEach((held, i) => {
          const doc = this.mainDocs + i;
          if (levels[doc] !== w) return;
          for (let k = 0; k < held.length; k++) {
            if (mask[held[k]!]) {
              levels[doc] = w + 1;
              return;
            }
          }
        });
        for (const t of terms) mask[t] = 0;
      }
    }
    return levels;
  }

  /** Folds the tail into the postings: old bytes copied once, the tail's gaps appended (or its bits set). */
  merge(): void {
    if (!this.tail.length) return;
    const termCount = this.terms.length;
    const oldOffsets = this.offsets;
    const oldTerms = oldOffsets.length - 1;
    const docs = this.mainDocs + this.tail.length;
    if (this.last.length < termCount) {
      const last = new Int32Array(Math.max(termCount, this.last.length * 2)).fill(-1);
      last.set(this.last);
      this.last = last;
    }
    const lengths = new Uint32Array(termCount);
    for (let t = 0; t < oldTerms; t++) if (!this.dense[t]) lengths[t] = oldOffsets[t + 1]! - oldOffsets[t]!;
    const last = this.last.slice(0, termCount);
    this.tail.forEach((held, i) => {
      const doc = this.mainDocs + i;
      for (const t of held) {
        lengths[t]! += varintLength(doc - last[t]!);
        last[t] = doc;
      }
    });
    const bitmap = (docs + 7) >>> 3;
    const dense = new Uint8Array(termCount);
    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) {
      dense[t] = this.dense[t] || lengths[t]! > bitmap ? 1 : 0;
      offsets[t + 1] = offsets[t]! + (dense[t] ? bitmap : lengths[t]!);
    }
    const bytes = new Uint8Array(offsets[termCount]!);
    const fill = offsets.slice(0, termCount);
    for (let t = 0; t < oldTerms; t++) {
      if (dense[t] && !this.dense[t]) this.forEachDoc(t, (doc) => (bytes[offsets[t]! + (doc >>> 3)]! |= 1 << (doc & 7)));
      else bytes.set(this.bytes.subarray(oldOffsets[t]!, oldOffsets[t + 1]!), offsets[t]!);
      fill[t]! += oldOffsets[t + 1]! - oldOffsets[t]!;
    }
    this.tail.forEach((held, i) => {
      const doc = this.mainDocs + i;
      for (const t of held) {
        if (dense[t]) bytes[offsets[t]! + (doc >>> 3)]! |= 1 << (doc & 7);
        else fill[t] = writeVarint(bytes, fill[t]!, doc - this.last[t]!);
        this.last[t] = doc;
      }
    });
    this.offsets = offsets;
    this.bytes = bytes;
    this.dense = dense;
    this.mainDocs = docs;
    this.tail = [];
  }

  private forEachDoc(t: number, visit: (doc: number) => void): void {
    forEachDoc(this.bytes, this.offsets[t]!, this.offsets[t + 1]!, this.dense[t] === 1, visit);
  }

  /** Renumbers document d to renumber[d] (ascending; -1 drops it), `count` documents after. */
  compact(renumber: Int32Array, count: number): void {
    this.merge();
    const termCount = this.terms.length;
    const bitmap = (count + 7) >>> 3;
    const last = new Int32Array(this.last.length).fill(-1);
    const lengths = new Uint32Array(termCount);
    for (let t = 0; t < termCount; t++) {
      let prev = -1;
      this.forEachDoc(t, (doc) => {
        const now = renumber[doc]!;
        if (now < 0) return;
        lengths[t]! += varintLength(now - prev);
        prev = now;
      });
      last[t] = prev;
    }
    const dense = new Uint8Array(termCount);
    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) {
      dense[t] = lengths[t]! > bitmap ? 1 : 0;
      offsets[t + 1] = offsets[t]! + (dense[t] ? bitmap : lengths[t]!);
    }
    const bytes = new Uint8Array(offsets[termCount]!);
    for (let t = 0; t < termCount; t++) {
      let out = offsets[t]!;
      let prev = -1;
      this.forEachDoc(t, (doc) => {
        const now = renumber[doc]!;
        if (now < 0) return;
        if (dense[t]) bytes[offsets[t]! + (now >>> 3)]! |= 1 << (now & 7);
        else out = writeVarint(bytes, out, now - prev);
        prev = now;
      });
    }
    this.offsets = offsets;
    this.bytes = bytes;
    this.dense = dense;
    this.last = last;
    this.mainDocs = count;
  }

  /** The merged postings, copied (structured-cloneable). */
  toParts(): PostingsParts {
    this.merge();
    return {
      terms: this.terms.slice(),
      offsets: this.offsets.slice(),
      bytes: this.bytes.slice(),
      last: this.last.slice(0, this.terms.length),
      dense: this.dense.slice(0, this.terms.length),
    };
  }

  /** An index of `docs` documents from its parts; throws a TypeError when they do not fit. */
  static fromParts(s: PostingsParts, docs: number): InvertedIndex {
    if (
      !Array.isArray(s.terms) ||
      !(s.offsets instanceof Uint32Array) ||
      !(s.bytes instanceof Uint8Array) ||
      !(s.last instanceof Int32Array) ||
      !(s.dense instanceof Uint8Array)
    )
      throw new TypeError('no postings');
    const n = s.terms.length;
    if (s.offsets.length !== n + 1 || s.last.length !== n || s.dense.length !== n || s.offsets[n] !== s.bytes.length)
      throw new TypeError('postings do not fit the terms');
    const bitmap = (docs + 7) >>> 3;
    for (let t = 0; t < n; t++)
      if (s.dense[t] && s.offsets[t + 1]! - s.offsets[t]! !== bitmap) throw new TypeError('a bitmap does not fit the documents');
    const index = new InvertedIndex();
    index.terms = s.terms.slice();
    index.terms.forEach((t, i) => index.termIds.set(t, i));
    if (index.termIds.size !== index.terms.length) throw new TypeError('duplicate terms');
    index.offsets = new Uint32Array(s.offsets);
    index.bytes = new Uint8Array(s.bytes);
    index.last = new Int32Array(s.last);
    index.dense = new Uint8Array(s.dense);
    index.mainDocs = docs;
    return index;
  }

  private termIdsOf(words: Iterable<string>): Uint32Array {
    // `seenIn[t]` is the last call that saw term t: a typed array instead of a Set per document.
    const call = ++this.calls;
    const held: number[] = [];
    for (const word of words) {
      let id = this.termIds.get(word);
      if (id === undefined) {
        id = this.terms.length;
        // A copy of its own: the matched word is a slice that would keep the whole text alive.
        const own = JSON.parse(JSON.stringify(word)) as string;
        this.terms.push(own);
        this.termIds.set(own, id);
      }
      if (id >= this.seenIn.length) {
        const bigger = new Float64Array(Math.max(1024, this.seenIn.length * 2, id + 1));
        bigger.set(this.seenIn);
        this.seenIn = bigger;
      }
      if (this.seenIn[id] !== call) {
        this.seenIn[id] = call;
        held.push(id);
      }
    }
    return Uint32Array.from(held).sort();
  }

  /** The term ids a query word matches: itself, and from PREFIX_MIN letters every term it starts. */
  private expand(word: string): number[] {
    if (word.length < PREFIX_MIN) {
      const id = this.termIds.get(word);
      return id === undefined ? [] : [id];
    }
    if (this.terms.length - this.sortedUpTo > 4096) this.sortTerms();
    const terms = this.terms;
    const sorted = this.sortedTerms;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[sorted[mid]!]! < word) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length && terms[sorted[i]!]!.startsWith(word); i++) out.push(sorted[i]!);
    for (let t = this.sortedUpTo; t < terms.length; t++) if (terms[t]!.startsWith(word)) out.push(t);
    return out;
  }

  private sortTerms(): void {
    const terms = this.terms;
    const ids = Uint32Array.from(terms.keys());
    ids.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    this.sortedTerms = ids;
    this.sortedUpTo = terms.length;
  }
}
