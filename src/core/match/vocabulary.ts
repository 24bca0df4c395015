import { MAX_TERMS, TermKind } from './entries';
import { ENTITY_PREFIX, NUMBER_PREFIX } from './features';

const ENTITY_CODE = ENTITY_PREFIX.charCodeAt(0);
const NUMBER_CODE = NUMBER_PREFIX.charCodeAt(0);

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashChars(chars: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ chars[i]!, 0x01000193);
  return h >>> 0;
}

function grown<T extends Uint16Array | Uint32Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Term ids, their kinds and document frequencies, kept exact as articles come and go,
 * so IDF always reflects the archive itself.
 *
 * An archive of 10k articles has ~160k distinct terms (names, numbers, rare words), so
 * the term table is kept out of JavaScript strings and Maps (~75 bytes a term): the keys'
 * UTF-16 code units sit end to end in one Uint16Array and an open-addressing hash table
 * of term ids finds them (~30 bytes a term). A snapshot stores those arrays as they are,
 * so restoring one parses no strings.
 */
export class Vocabulary {
  /** Key of term t: chars[starts[t] .. starts[t + 1]). */
  chars = new Uint16Array(8192);
  starts = new Uint32Array(1025);
  /** Open addressing, linear probing: term id + 1, 0 when empty; size a power of two. */
  private table = new Int32Array(2048);
  private n = 0;
  df = new Int32Array(1024);
  kind = new Uint8Array(1024);
  // ln(df + 1), grown on demand: IDF without a Math.log per posting.
  private logTable = new Float64Array(1024);
  private logFilled = 0;

  /** A vocabulary from a snapshot's term characters, term starts and frequencies. */
  static restore(chars: Uint16Array, starts: Uint32Array, df: Int32Array): Vocabulary {
    const v = new Vocabulary();
    const n = starts.length - 1;
    const size = Math.max(1024, n + 1024);
    v.chars = chars.slice();
    v.starts = new Uint32Array(size + 1);
    v.starts.set(starts);
    v.df = new Int32Array(size);
    v.df.set(df.subarray(0, n));
    v.kind = new Uint8Array(size);
    v.n = n;
    v.rehash(tableSizeFor(n));
    for (let t = 0; t < n; t++) {
      const c = chars[starts[t]!];
      v.kind[t] = c === ENTITY_CODE ? TermKind.Entity : c === NUMBER_CODE ? TermKind.Number : TermKind.Word;
    }
    return v;
  }

  get count(): number {
    return this.n;
  }

  /** The key of a term id. */
  key(t: number): string {
    let s = '';
    for (let i = this.starts[t]!; i < this.starts[t + 1]!; i++) s += String.fromCharCode(this.chars[i]!);
    return s;
  }

  /** Drops spare capacity (after a bulk import: growth doubles arrays). */
  trim(): void {
    const n = this.n;
    const size = n + 1024;
    if (this.df.length > size) {
      this.df = this.df.slice(0, size);
      this.kind = this.kind.slice(0, size);
      this.starts = this.starts.slice(0, size + 1);
    }
    const used = this.starts[n]!;
    if (this.chars.length > used + 8192) this.chars = this.chars.slice(0, used + 8192);
  }

  /** Bytes the term table uses (keys, hash table, frequencies). */
  get byteLength(): number {
    return this.chars.byteLength + this.starts.byteLength + this.table.byteLength + this.df.byteLength + this.kind.byteLength;
  }

  private equals(t: number, key: string): boolean {
    const start = this.starts[t]!;
    if (this.starts[t + 1]! - start !== key.length) return false;
    const chars = this.chars;
    for (let i = 0; i < key.length; i++) if (chars[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private sameKeys(a: number, b: number): boolean {
    const as = this.starts[a]!;
    const bs = this.starts[b]!;
    const len = this.starts[a + 1]! - as;
    if (this.starts[b + 1]! - bs !== len) return false;
    for (let i = 0; i < len; i++) if (this.chars[as + i] !== this.chars[bs + i]) return false;
    return true;
  }

  /** The table slot holding `key`, or the empty slot where it would go. */
  private find(key: string): number {
    const mask = this.table.length - 1;
    let i = hashKey(key) & mask;
    for (;;) {
      const id = this.table[i]!;
      if (id === 0 || this.equals(id - 1, key)) return i;
      i = (i + 1) & mask;
    }
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let t = 0; t < this.n; t++) {
      let i = hashChars(this.chars, this.starts[t]!, this.starts[t + 1]!) & mask;
      while (table[i] !== 0) {
        if (this.sameKeys(table[i]! - 1, t)) throw new TypeError('not a match index snapshot: duplicate terms');
        i = (i + 1) & mask;
      }
      table[i] = t + 1;
    }
    this.table = table;
  }

  lookup(key: string): number | undefined {
    const id = this.table[this.find(key)]!;
    return id === 0 ? undefined : id - 1;
  }

  intern(key: string): number {
    const at = this.find(key);
    if (this.table[at] !== 0) return this.table[at]! - 1;
    const id = this.n;
    if (id >= MAX_TERMS) throw new RangeError(`match index vocabulary is full (${MAX_TERMS} terms)`);
    if (id + 1 >= this.df.length) {
      const size = this.df.length * 2;
      this.df = grown(this.df, size);
      this.kind = grown(this.kind, size);
      this.starts = grown(this.starts, size + 1);
    }
    const start = this.starts[id]!;
    if (start + key.length > this.chars.length) this.chars = grown(this.chars, Math.max(start + key.length, this.chars.length * 2));
    for (let i = 0; i < key.length; i++) this.chars[start + i] = key.charCodeAt(i);
    this.starts[id + 1] = start + key.length;
    this.n++;
    const c = key.charCodeAt(0);
    this.kind[id] = c === ENTITY_CODE ? TermKind.Entity : c === NUMBER_CODE ? TermKind.Number : TermKind.Word;
    // Load factor at most 1/2: probes stay short.
    if (this.n * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.table[at] = id + 1;
    return id;
  }

  /** ln(n + 1) for n ≥ 0. */
  log1(n: number): number {
    if (n >= this.logFilled) {
      if (n >= this.logTable.length) {
        const t = new Float64Array(Math.max(n + 1, this.logTable.length * 2));
        t.set(this.logTable.subarray(0, this.logFilled));
        this.logTable = t;
      }
      for (let i = this.logFilled; i <= n; i++) this.logTable[i] = Math.log(i + 1);
      this.logFilled = n + 1;
    }
    return this.logTable[n]!;
  }
}

function tableSizeFor(n: number): number {
  let size = 2048;
  while (size < n * 2 + 2) size *= 2;
  return size;
}

/** Smoothed IDF (as in scikit-learn): ln((N + 1) / (df + 1)) + 1, never zero. */
export function idfOf(vocab: Vocabulary, logN1: number, df: number): number {
  return logN1 - vocab.log1(df) + 1;
}
