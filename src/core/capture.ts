/**
 * Which visited pages auto-capture may even look at, before any script runs in
 * them: only http(s) pages, never a domain on the reader's block list (the domain and its
 * subdomains), never a host that only exists on the reader's machine or network
 * (localhost, private addresses, single-label intranet names, .local, .internal...): such
 * pages are routers, dev servers and intranets, not news, and may show private data. A
 * local host the extension was granted access to by name (not through the http://*
 * wildcard; e.g. the test build's http://127.0.0.1/*) is allowed: someone chose it.
 */

/** Longest host name DNS allows. */
const MAX_HOST_CHARS = 253;
export const MAX_BLOCKLIST_ENTRIES = 1000;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export type BlockEntryCheck = { ok: true; domain: string } | { ok: false; reason: 'empty' | 'invalid' | 'too-broad' };

function hostOf(input: string): string | null {
  const text = input.trim().toLowerCase();
  // "*.example.com" and ".example.com" mean the same as "example.com": subdomains always match.
  const bare = text.replace(/^\*?\./, '');
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(bare) ? bare : `http://${bare}`);
    if (url.username || url.password || url.port) return null;
    // The URL parser lowercases, turns IDN into punycode and normalises IPv4 forms.
    return url.hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

function isIpv4(host: string): boolean {
  const m = IPV4.exec(host);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

/**
 * A block list entry as the reader typed it ("www.Example.com", "https://example.com/news",
 * "*.example.com") turned into the domain it blocks, or why it cannot be one. A bare
 * top-level domain ("com") would block a whole country or category of sites: refused.
 */
export function checkBlockEntry(input: string): BlockEntryCheck {
  if (!input.trim()) return { ok: false, reason: 'empty' };
  const host = hostOf(input);
  if (!host || host.length > MAX_HOST_CHARS || host.startsWith('[')) return { ok: false, reason: 'invalid' };
  if (isIpv4(host)) return { ok: true, domain: host };
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1) ?? '')) return { ok: false, reason: 'invalid' };
  if (labels.length < 2) return { ok: false, reason: 'too-broad' };
  return { ok: true, domain: host.replace(/^www\./, '') };
}

/** True when `host` is `domain` or one of its subdomains (never a lookalike: "notexample.com"). */
export function hostMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === domain || h.endsWith(`.${domain}`);
}

export function isBlocked(host: string, blocklist: readonly string[]): boolean {
  return blocklist.some((domain) => hostMatches(host, domain));
}

/** A host that names the reader's own machine or network rather than a public site. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h.startsWith('[')) {
    // IPv6: loopback, unspecified, unique local (fc00::/7), link local (fe80::/10).
    return /^\[(?:::1?|f[cd][0-9a-f]{0,2}:.*|fe[89ab][0-9a-f]?:.*)\]$/.test(h);
  }
  const v4 = IPV4.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (!h.includes('.')) return true;
  return /\.(?:localhost|local|internal|intranet|lan|home\.arpa|corp|test|example|invalid)$/.test(h);
}

export type CaptureSkip = 'not-web' | 'blocked' | 'local';

export interface CaptureScope {
  blocklist: readonly string[];
  /** Hosts the extension was granted by name (host permissions without a wildcard host). */
  grantedHosts: readonly string[];
}

/** Why auto-capture must leave the page at `url` alone, or null when it may look at it. */
export function captureSkipReason(url: string | undefined, scope: CaptureScope): CaptureSkip | null {
  if (!url) return 'not-web';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not-web';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not-web';
  if (parsed.username || parsed.password) return 'not-web';
  const host = parsed.hostname.toLowerCase();
  if (isBlocked(host, scope.blocklist)) return 'blocked';
  if (isLocalHost(host) && !scope.grantedHosts.includes(host)) return 'local';
  return null;
}

/** The host names in host permission patterns that name one host (`http://127.0.0.1/*`), not a wildcard. */
export function namedHosts(origins: readonly string[]): string[] {
  const hosts: string[] = [];
  for (const origin of origins) {
    const m = /^(?:https?|\*):\/\/([^/*]+)\//.exec(origin);
    if (m?.[1]) hosts.push(m[1].toLowerCase().replace(/:\d+$/, ''));
  }
  return hosts;
}
