import type { SortDir } from './catalogTypes';

/** Living record numbers in ascending order of a value: those with the value first (`valued` of them), then those without. */
export interface SortOrder {
  order: Uint32Array;
  valued: number;
}

/** Orders the living records by `values` (ties and records without a value by id); '' and NaN are no value. */
export function sortOrder(values: readonly (number | string)[], alive: Uint8Array, ids: readonly string[]): SortOrder {
  const missing = (v: number | string) => v === '' || (typeof v === 'number' && Number.isNaN(v));
  const live: number[] = [];
  const absent: number[] = [];
  for (let d = 0; d < ids.length; d++) {
    if (!alive[d]) continue;
    (missing(values[d]!) ? absent : live).push(d);
  }
  const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  live.sort((a, b) => {
    const va = values[a]!;
    const vb = values[b]!;
    return va < vb ? -1 : va > vb ? 1 : byId(a, b);
  });
  absent.sort(byId);
  return { order: Uint32Array.from([...live, ...absent]), valued: live.length };
}

/** Calls `visit` with every record of the order in the direction asked; records without the value come last either way. */
export function visitInOrder({ order, valued }: SortOrder, dir: SortDir, visit: (doc: number) => void): void {
  if (dir === 'asc') {
    for (let i = 0; i < order.length; i++) visit(order[i]!);
    return;
  }
  for (let i = valued - 1; i >= 0; i--) visit(order[i]!);
  for (let i = valued; i < order.length; i++) visit(order[i]!);
}
