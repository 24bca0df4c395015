/**
 * MinHash sketches of word 4-gram shingles (Broder 1997, "On the resemblance and
 * containment of documents"): the share of equal minima estimates the Jaccard
 * resemblance of two texts' shingle sets. Syndicated copies of one wire story score
 * near 1; different outlets' own reports of one event stay far below.
 */

export const SKETCH_SIZE = 16;
export const SHINGLE_WORDS = 4;
const EMPTY = 0xffffffff;

/** 32-bit FNV-1a of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a cheap, well-mixed 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds: sketches must be identical across runs and machines.
const SEEDS = Array.from({ length: SKETCH_SIZE }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

/** Hashes of the word shingles of a list of lower-cased words (one shingle when shorter). */
export function shingleHashes(words: readonly string[], size = SHINGLE_WORDS): number[] {
  return shinglesOf(words.map(hashString), size);
}

function shinglesOf(hashes: readonly number[], size: number): number[] {
  const out: number[] = [];
  const n = Math.max(1, hashes.length - size + 1);
  if (!hashes.length) return out;
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < Math.min(hashes.length, i + size); k++) h = fmix32(h ^ hashes[k]!);
    out.push(h);
  }
  return out;
}

/** The MinHash sketch of a word list; all-empty when there are no words. */
export function sketchWords(words: readonly string[]): Uint32Array {
  return sketchHashes(words.map(hashString));
}

/** The sketch of a word list given as each word's hashString (the matcher caches them per word). */
export function sketchHashes(wordHashes: readonly number[]): Uint32Array {
  const sketch = new Uint32Array(SKETCH_SIZE).fill(EMPTY);
  const n = Math.max(1, wordHashes.length - SHINGLE_WORDS + 1);
  if (!wordHashes.length) return sketch;
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    const end = Math.min(wordHashes.length, i + SHINGLE_WORDS);
    for (let k = i; k < end; k++) h = fmix32(h ^ wordHashes[k]!);
    for (let j = 0; j < SKETCH_SIZE; j++) {
      const v = fmix32(h ^ SEEDS[j]!);
      if (v < sketch[j]!) sketch[j] = v;
    }
  }
  return sketch;
}

/** Estimated Jaccard resemblance of two sketches stored at offsets of flat arrays. */
export function resemblance(a: Uint32Array, aAt: number, b: Uint32Array, bAt: number): number {
  let same = 0;
  for (let i = 0; i < SKETCH_SIZE; i++) {
    const x = a[aAt + i]!;
    if (x !== EMPTY && x === b[bAt + i]) same++;
  }
  return same / SKETCH_SIZE;
}
