import { describe, expect, it } from 'vitest';
import { VarintReader, varintLength, writeVarint } from '../../src/core/text/varint';
import { prng } from '../../scripts/prng';

function encode(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.reduce((n, v) => n + varintLength(v), 0));
  let at = 0;
  for (const v of values) at = writeVarint(bytes, at, v);
  expect(at).toBe(bytes.length);
  return bytes;
}

function decode(bytes: Uint8Array): number[] {
  const reader = new VarintReader(bytes);
  const out: number[] = [];
  while (!reader.done) out.push(reader.next());
  return out;
}

describe('varint', () => {
  it('round-trips random values of every length', () => {
    const rand = prng(3);
    const values = Array.from({ length: 5000 }, (_, i) => Math.floor(rand() * 2 ** (1 + (i % 32))));
    expect(decode(encode(values))).toEqual(values);
  });

  it('uses one more byte at each 7-bit boundary', () => {
    const cases: [number, number][] = [
      [0, 1],
      [127, 1],
      [128, 2],
      [16383, 2],
      [16384, 3],
      [2097151, 3],
      [2097152, 4],
      [268435455, 4],
      [268435456, 5],
      [0xffffffff, 5],
    ];
    for (const [value, length] of cases) {
      expect(varintLength(value)).toBe(length);
      const bytes = encode([value]);
      expect(bytes.length).toBe(length);
      expect(decode(bytes)).toEqual([value]);
    }
  });

  it('keeps the byte layout stored snapshots were written in', () => {
    expect([...encode([1, 127, 128, 300, 16384])]).toEqual([0x01, 0x7f, 0x80, 0x01, 0xac, 0x02, 0x80, 0x80, 0x01]);
    expect([...encode([0xffffffff])]).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it('reads within a range and seeks to another', () => {
    const bytes = encode([5, 300, 7, 9]);
    const reader = new VarintReader(bytes, 1, 3);
    expect(reader.next()).toBe(300);
    expect(reader.done).toBe(true);
    expect(reader.seek(3, 5).next()).toBe(7);
    expect(reader.next()).toBe(9);
  });

  it('refuses malformed input with a RangeError instead of a wrong number', () => {
    expect(() => new VarintReader(new Uint8Array([0x80])).next()).toThrow(/cut off/);
    expect(() => new VarintReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x10])).next()).toThrow(/over 32 bits/);
    expect(() => new VarintReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).next()).toThrow(/over 32 bits/);
    expect(() => new VarintReader(new Uint8Array([0x01]), 1).next()).toThrow(/past the end/);
    // A range that ends inside a value is cut off even when the array goes on.
    expect(() => new VarintReader(new Uint8Array([0xac, 0x02]), 0, 1).next()).toThrow(/cut off/);
  });

  it('refuses values it cannot write', () => {
    const bytes = new Uint8Array(8);
    for (const bad of [-1, 2 ** 32, Number.NaN]) expect(() => writeVarint(bytes, 0, bad)).toThrow(RangeError);
  });
});
