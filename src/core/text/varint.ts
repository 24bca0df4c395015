/**
 * Unsigned 32-bit integers in variable-length bytes, 7 bits a byte from the lowest, the
 * high bit set on every byte but the last (LEB128, as in Protocol Buffers). Posting lists
 * store ascending numbers as their gaps in this code, the d-gap + varint coding of Witten,
 * Moffat & Bell, "Managing Gigabytes": small gaps cost one byte instead of four.
 */

/** Bytes `value` takes (1 to 5). */
export function varintLength(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Writes `value` (0 to 2^32 - 1) at `at`; returns the position after it. */
export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  if (!(value >= 0 && value <= 0xffffffff)) throw new RangeError(`varint: ${value} is not an unsigned 32-bit integer`);
  let v = value;
  while (v >= 0x80) {
    bytes[at++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  bytes[at++] = v;
  return at;
}

/**
 * Reads varints from `bytes[at .. end)`, one `next()` at a time. One reader can be moved
 * over many ranges with `seek`, so a search over many lists allocates nothing per list.
 */
export class VarintReader {
  at: number;
  end: number;

  constructor(
    readonly bytes: Uint8Array,
    at = 0,
    end = bytes.length,
  ) {
    this.at = at;
    this.end = end;
  }

  seek(at: number, end: number): this {
    this.at = at;
    this.end = end;
    return this;
  }

  get done(): boolean {
    return this.at >= this.end;
  }

  /** The next value; a RangeError when the range ends inside one or it is over 32 bits. */
  next(): number {
    const bytes = this.bytes;
    let at = this.at;
    if (at >= this.end) malformed('read past the end');
    let b = bytes[at++]!;
    let value = b & 0x7f;
    if (b & 0x80) {
      // Bit operations while the value fits 28 bits; the fifth byte may hold only 4 more.
      let shift = 7;
      do {
        if (at >= this.end) malformed('cut off');
        b = bytes[at++]!;
        if (shift === 28) {
          if (b > 0x0f) malformed('over 32 bits');
          value = (value | (b << 28)) >>> 0;
          break;
        }
        value |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
    }
    this.at = at;
    return value;
  }
}

/** Out of line, so the reader's hot path stays small enough to inline. */
function malformed(what: string): never {
  throw new RangeError(`varint: ${what}`);
}
