/** What a fetch Response gives to read its body (structural, so Node's and the browser's both fit). */
export interface ReadableBody {
  body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A response body read as it streams in, up to `maxBytes`: null (and the rest cancelled) as
 * soon as it passes the limit, so a huge or endless answer never fills the memory.
 */
export async function readLimited(res: ReadableBody, maxBytes: number): Promise<Uint8Array | null> {
  if (!res.body) {
    const whole = new Uint8Array(await res.arrayBuffer());
    return whole.byteLength > maxBytes ? null : whole;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
