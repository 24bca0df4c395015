/**
 * OPML subscription lists (http://opml.org/spec2.opml): import reads every outline with an
 * xmlUrl at any depth (folders are outlines too); export writes a valid OPML 2.0 document.
 */
import { escapeXml } from './charRefs';
import { clipText } from './items';
import { resolveHttpUrl } from './urls';
import { parseXml, XmlError, type XmlElement } from './xml';

export interface OpmlFeed {
  /** Absolute http(s) address of the feed. */
  url: string;
  title: string;
  /** The site's address, when the outline gives one. */
  siteUrl: string | null;
}

export interface OpmlImport {
  feeds: OpmlFeed[];
  /** Outlines that name a feed Framelens cannot subscribe to, with why. */
  skipped: { text: string; reason: string }[];
}

export const MAX_OPML_FEEDS = 1000;

export class OpmlError extends Error {
  override readonly name = 'OpmlError';
}

export function parseOpml(text: string): OpmlImport {
  let root: XmlElement;
  try {
    root = parseXml(text.replace(/^\ufeff/, '').trimStart());
  } catch (e) {
    throw new OpmlError(`This is not an OPML file: ${e instanceof XmlError ? e.message : 'unreadable XML'}.`);
  }
  if (root.name.toLowerCase() !== 'opml')
    throw new OpmlError(`This is not an OPML file: the document is <${root.qname.slice(0, 40)}>, not <opml>.`);
  const body = root.children.find((c) => c.name.toLowerCase() === 'body');
  if (!body) throw new OpmlError('This OPML file has no <body>, so it lists no feeds.');
  const out: OpmlImport = { feeds: [], skipped: [] };
  const seen = new Set<string>();
  const visit = (outline: XmlElement) => {
    const raw = outline.attrs.xmlUrl ?? outline.attrs.xmlurl;
    const title = clipText((outline.attrs.title ?? outline.attrs.text ?? '').trim(), 500);
    if (raw !== undefined) {
      const url = resolveHttpUrl(raw, null);
      if (!url) out.skipped.push({ text: title || raw, reason: 'not an http or https address' });
      else if (seen.has(url)) out.skipped.push({ text: title || url, reason: 'listed twice' });
      else if (out.feeds.length >= MAX_OPML_FEEDS) out.skipped.push({ text: title || url, reason: `more than ${MAX_OPML_FEEDS} feeds` });
      else {
        seen.add(url);
        out.feeds.push({ url, title, siteUrl: resolveHttpUrl(outline.attrs.htmlUrl ?? outline.attrs.htmlurl, null) });
      }
    }
    for (const child of outline.children) if (child.name.toLowerCase() === 'outline') visit(child);
  };
  for (const child of body.children) if (child.name.toLowerCase() === 'outline') visit(child);
  return out;
}

/** An OPML 2.0 document listing the feeds (flat, type="rss" as readers expect for every format). */
export function buildOpml(feeds: readonly OpmlFeed[], title: string, now: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...feeds.map((f) => {
      const name = escapeXml(f.title || f.url);
      const site = f.siteUrl ? ` htmlUrl="${escapeXml(f.siteUrl)}"` : '';
      return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(f.url)}"${site}/>`;
    }),
    '  </body>',
    '</opml>',
    '',
  ];
  return lines.join('\n');
}
