import { VarintReader } from '../text/varint';

/** Calls `visit` with each document of one posting list, ascending: a bitmap when `dense`, else varint gaps. */
export function forEachDoc(bytes: Uint8Array, start: number, end: number, dense: boolean, visit: (doc: number) => void): void {
  if (dense) {
    for (let i = start; i < end; i++) for (let b = bytes[i]!, doc = (i - start) * 8; b; b >>= 1, doc++) if (b & 1) visit(doc);
    return;
  }
  const reader = new VarintReader(bytes, start, end);
  let doc = -1;
  while (!reader.done) visit((doc += reader.next()));
}
