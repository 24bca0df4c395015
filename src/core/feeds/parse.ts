/**
 * Reads a feed in any of the formats readers subscribe to into one list of FeedItems:
 * RSS 2.0 (https://www.rssboard.org/rss-specification), RSS 1.0 / RDF
 * (https://web.resource.org/rss/1.0/spec), Atom 1.0 (RFC 4287) and JSON Feed 1.0 / 1.1
 * (https://www.jsonfeed.org/version/1.1/). Relative links are resolved against xml:base and
 * the feed's own address; HTML in titles and summaries becomes plain text. A document that
 * is not a feed throws a FeedError that says what it is instead.
 */
import { parseFeedDate } from './dates';
import { htmlToText } from './charRefs';
import { parseJsonFeed } from './jsonFeed';
import { finishItems, textOf } from './items';
import { DEFAULT_FEED_LIMITS, FeedError, type FeedLimits, type ParsedFeed } from './types';
import { resolveHttpUrl } from './urls';
import { attr, childNamed, childrenNamed, parseXml, XmlError, type XmlElement } from './xml';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  /** RSS 0.90's namespace, still seen on old RDF feeds. */
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** RSS 2.0 elements have no namespace; a few feeds put them in RSS 1.0's by mistake. */
const RSS = ['', NS.rss1];
const RDF_ITEMS = [NS.rss1, NS.rss090, ''];
const ATOM = [NS.atom];
const DC = [NS.dc];

export function parseFeed(text: string, feedUrl: string | null, limits: Partial<FeedLimits> = {}): ParsedFeed {
  const { maxChars, maxItems } = { ...DEFAULT_FEED_LIMITS, ...limits };
  if (text.length > maxChars) throw new FeedError(`The feed is larger than ${Math.round(maxChars / 1_000_000)} MB.`);
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (!start) throw new FeedError('The address answered an empty document, not a feed.');
  if (start.startsWith('{') || start.startsWith('[')) return parseJsonFeed(start, feedUrl, maxItems);
  let root: XmlElement;
  try {
    root = parseXml(start);
  } catch (e) {
    throw new FeedError(`This is not a feed: ${e instanceof XmlError ? e.message : 'unreadable XML'}.`);
  }
  const name = root.name.toLowerCase();
  if (name === 'rss' || (name === 'channel' && root.ns === '')) return readRss(root, feedUrl, maxItems);
  if (root.name === 'RDF' && root.ns === NS.rdf) return readRdf(root, feedUrl, maxItems);
  if (root.name === 'feed' && root.ns === NS.atom) return readAtom(root, feedUrl, maxItems);
  if (root.name === 'feed')
    throw new FeedError(
      'This looks like an Atom feed without the Atom namespace (http://www.w3.org/2005/Atom), which Framelens cannot read.',
    );
  if (name === 'html') throw new FeedError('This address is a web page, not a feed. Look on the site for its RSS or Atom link.');
  if (name === 'opml') throw new FeedError('This is an OPML list of feeds, not a feed: import it with "Import OPML".');
  throw new FeedError(`This is not a feed: the document is <${root.qname.slice(0, 40)}>, not RSS, Atom or JSON Feed.`);
}

/** The base for relative links inside `element`: its xml:base (and its ancestors'), read against the feed's address. */
function baseOf(element: XmlElement, feedUrl: string | null): string | null {
  const chain: string[] = [];
  for (let e: XmlElement | null = element; e; e = e.parent) {
    const base = attr(e, 'base', NS.xml);
    if (base !== undefined) chain.unshift(base);
  }
  let base = feedUrl;
  for (const b of chain) base = resolveHttpUrl(b, base) ?? base;
  return base;
}

function readRss(root: XmlElement, feedUrl: string | null, maxItems: number): ParsedFeed {
  const channel = root.name.toLowerCase() === 'channel' ? root : childNamed(root, 'channel', RSS);
  if (!channel) throw new FeedError('This RSS document has no <channel>, so it lists no articles.');
  const channelBase = baseOf(channel, feedUrl);
  // Some feeds put their items next to the channel instead of inside it (RSS 0.9 style).
  const itemElements = [...childrenNamed(channel, 'item', RSS), ...childrenNamed(root, 'item', RSS)];
  const items = itemElements.map((item) => {
    const base = baseOf(item, feedUrl);
    const guid = childNamed(item, 'guid', RSS);
    const guidText = textOf(guid);
    const permalink = guid && (attr(guid, 'isPermaLink') ?? 'true').toLowerCase() !== 'false';
    const url = resolveHttpUrl(textOf(childNamed(item, 'link', RSS)), base) ?? (permalink ? resolveHttpUrl(guidText, base) : null);
    const description = textOf(childNamed(item, 'description', RSS)) || textOf(childNamed(item, 'encoded', [NS.content]));
    return {
      id: guidText || null,
      url,
      title: htmlToText(textOf(childNamed(item, 'title', RSS))),
      published: parseFeedDate(textOf(childNamed(item, 'pubDate', RSS)) || textOf(childNamed(item, 'date', DC))),
      summary: htmlToText(description),
    };
  });
  return {
    format: 'rss',
    title: htmlToText(textOf(childNamed(channel, 'title', RSS))),
    siteUrl: resolveHttpUrl(textOf(childNamed(channel, 'link', RSS)), channelBase),
    ...finishItems(items, maxItems),
  };
}

function readRdf(root: XmlElement, feedUrl: string | null, maxItems: number): ParsedFeed {
  const channel = childNamed(root, 'channel', RDF_ITEMS);
  const items = childrenNamed(root, 'item', RDF_ITEMS).map((item) => {
    const base = baseOf(item, feedUrl);
    const about = attr(item, 'about', NS.rdf);
    return {
      id: about?.trim() || null,
      url: resolveHttpUrl(textOf(childNamed(item, 'link', RDF_ITEMS)), base) ?? resolveHttpUrl(about, base),
      title: htmlToText(textOf(childNamed(item, 'title', RDF_ITEMS))),
      published: parseFeedDate(textOf(childNamed(item, 'date', DC))),
      summary: htmlToText(textOf(childNamed(item, 'description', RDF_ITEMS)) || textOf(childNamed(item, 'encoded', [NS.content]))),
    };
  });
  if (!channel && items.length === 0) throw new FeedError('This RDF document is not an RSS 1.0 feed: it has no channel and no items.');
  return {
    format: 'rdf',
    title: channel ? htmlToText(textOf(childNamed(channel, 'title', RDF_ITEMS))) : '',
    siteUrl: channel ? resolveHttpUrl(textOf(childNamed(channel, 'link', RDF_ITEMS)), feedUrl) : null,
    ...finishItems(items, maxItems),
  };
}

/** Atom text constructs (RFC 4287 §3.1): text, html (escaped markup) or xhtml (inline markup). */
function atomText(element: XmlElement | undefined): string {
  if (!element) return '';
  const type = (attr(element, 'type') ?? 'text').toLowerCase();
  if (type === 'html' || type === 'text/html') return htmlToText(element.inner);
  // text, or xhtml (inline markup: its text in document order).
  return element.inner.replace(/\s+/g, ' ').trim();
}

/** The page an Atom entry or feed points to: rel="alternate" (the default rel), HTML first. */
function atomLink(element: XmlElement, base: string | null): string | null {
  const alternates = childrenNamed(element, 'link', ATOM).filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const html = alternates.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html'));
  return resolveHttpUrl(attr(html ?? alternates[0] ?? element, 'href'), base);
}

function readAtom(root: XmlElement, feedUrl: string | null, maxItems: number): ParsedFeed {
  const items = childrenNamed(root, 'entry', ATOM).map((entry) => {
    const base = baseOf(entry, feedUrl);
    return {
      id: textOf(childNamed(entry, 'id', ATOM)) || null,
      url: atomLink(entry, base),
      title: atomText(childNamed(entry, 'title', ATOM)),
      published: parseFeedDate(
        textOf(childNamed(entry, 'published', ATOM)) || textOf(childNamed(entry, 'updated', ATOM)) || textOf(childNamed(entry, 'date', DC)),
      ),
      summary: atomText(childNamed(entry, 'summary', ATOM) ?? childNamed(entry, 'content', ATOM)),
    };
  });
  return {
    format: 'atom',
    title: atomText(childNamed(root, 'title', ATOM)),
    siteUrl: atomLink(root, baseOf(root, feedUrl)),
    ...finishItems(items, maxItems),
  };
}
