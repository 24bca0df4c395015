/** Helpers for the catalog's per-record columns. */

/** `array`, or a copy grown to hold at least `size` items (doubling, so appends stay cheap). */
export function grow(array: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  if (array.length >= size) return array;
  const bigger = new Uint8Array(Math.max(size, array.length * 2, 1024));
  bigger.set(array);
  return bigger;
}

/** Days since 1970 of an ISO date's day (YYYY-MM-DD…), NaN when there is none. */
export function dayNumber(iso: string | null): number {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : NaN;
}

/** A string column's part of a snapshot. */
export interface StringColumnParts {
  bytes: Uint8Array;
  /** Value i is bytes[offsets[i] .. offsets[i + 1]) in UTF-8. */
  offsets: Uint32Array;
  /** 1 where the value is null. */
  nulls: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Strings (or nulls) end to end in one UTF-8 buffer. At 100k records the titles, addresses
 * and dates would be 300k string objects (a header each, and two bytes a character for any
 * title with a curly quote); here they are a few buffers, which a snapshot also copies as
 * blocks instead of string by string. Values are decoded when read: a page lists 50.
 */
export class StringColumn {
  private bytes = new Uint8Array(1024);
  private offsets = new Uint32Array(257);
  private nulls = new Uint8Array(256);
  private n = 0;

  get length(): number {
    return this.n;
  }

  push(value: string | null): void {
    const n = this.n;
    if (n + 1 >= this.offsets.length) {
      this.offsets = growTo(this.offsets, this.offsets.length * 2);
      this.nulls = growTo(this.nulls, this.offsets.length);
    }
    const at = this.offsets[n]!;
    const s = value ?? '';
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (at + s.length * 3 > this.bytes.length) this.bytes = growTo(this.bytes, Math.max(this.bytes.length * 2, at + s.length * 3));
    const written = encoder.encodeInto(s, this.bytes.subarray(at)).written;
    this.offsets[n + 1] = at + written;
    this.nulls[n] = value === null ? 1 : 0;
    this.n++;
  }

  get(i: number): string | null {
    if (this.nulls[i]) return null;
    return decoder.decode(this.bytes.subarray(this.offsets[i]!, this.offsets[i + 1]!));
  }

  /** Every value, in order. */
  values(): (string | null)[] {
    return Array.from({ length: this.n }, (_, i) => this.get(i));
  }

  /** A column of the values whose renumber[i] is 0 or more, in order. */
  kept(renumber: Int32Array): StringColumn {
    const out = new StringColumn();
    for (let i = 0; i < this.n; i++) if (renumber[i]! >= 0) out.push(this.get(i));
    return out;
  }

  toParts(): StringColumnParts {
    return {
      bytes: this.bytes.slice(0, this.offsets[this.n]),
      offsets: this.offsets.slice(0, this.n + 1),
      nulls: this.nulls.slice(0, this.n),
    };
  }

  /** A column of `n` values from its parts; throws a TypeError when they do not fit. */
  static fromParts(p: StringColumnParts, n: number): StringColumn {
    const ok =
      typeof p === 'object' &&
      p !== null &&
      p.bytes instanceof Uint8Array &&
      p.offsets instanceof Uint32Array &&
      p.nulls instanceof Uint8Array &&
      p.offsets.length === n + 1 &&
      p.nulls.length === n &&
      p.offsets[0] === 0 &&
      p.offsets[n] === p.bytes.length;
    if (!ok) throw new TypeError('a column does not fit the records');
    for (let i = 0; i < n; i++) if (p.offsets[i + 1]! < p.offsets[i]!) throw new TypeError('a column is out of order');
    const c = new StringColumn();
    c.bytes = p.bytes.slice();
    c.offsets = p.offsets.slice();
    c.nulls = p.nulls.slice();
    c.n = n;
    return c;
  }
}

function growTo<T extends Uint8Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
