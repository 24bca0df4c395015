/** An absolute http(s) address for `raw` read against `base`, or null (javascript:, mailto:, garbage). */
export function resolveHttpUrl(raw: string | null | undefined, base: string | null): string | null {
  const text = raw?.trim();
  if (!text || text.length > 4096) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** The match pattern for an address's origin, any port (http://127.0.0.1/* covers every port): what the options page requests and the worker checks. */
export function hostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
