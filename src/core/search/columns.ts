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
