/**
 * Feed autodiscovery: the feeds a web page announces with
 * `<link rel="alternate" type="application/rss+xml" href="…">` (the RSS Advisory Board's
 * autodiscovery spec, https://www.rssboard.org/rss-autodiscovery; Atom and JSON Feed the
 * same way). Read with a scan of the <link> tags, no DOM, so the worker can do it.
 */
import { decodeEntities } from './charRefs';
import { resolveHttpUrl } from './urls';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml']);
const LINK = /<link\b[^>]*>/gi;
const ATTR = /([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
/** Feeds are announced in the head: the first 512 KB of a page are plenty. */
const MAX_SCAN_CHARS = 512_000;

/** The feeds a page links to, in page order, absolute, each once. */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.slice(0, MAX_SCAN_CHARS).matchAll(LINK)) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(ATTR)) attrs.set((m[1] ?? '').toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.get('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const url = resolveHttpUrl(attrs.get('href'), pageUrl);
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}
