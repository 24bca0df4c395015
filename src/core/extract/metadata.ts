/**
 * Article metadata, each value with where it came from (Article.sources). Sources are tried
 * in order of trust: JSON-LD (the publisher's structured data), Open Graph, other meta tags,
 * `<time>` elements, the URL, and last what Readability guessed from the page.
 */
import type { MetaSource } from '../types';
import { personByline } from './byline';
import { dateFromUrl, normaliseDate } from './dates';
import { jsonLdObjects, readJsonLdArticle, type JsonLdArticle } from './jsonld';
import { DEFAULT_LIMITS } from './limits';
import { scanPage, type PageScan } from './scan';
import { cleanUrl, plausibleCanonical, siteHost } from './url';

export interface Found<T> {
  value: T;
  source: MetaSource;
}

export interface PageMetadata {
  title: Found<string> | null;
  byline: Found<string> | null;
  outlet: Found<string> | null;
  published: Found<string> | null;
  modified: Found<string> | null;
  lang: Found<string> | null;
  url: Found<string> | null;
}

/** What Readability read from the page, used as the last resort. */
export interface ReadabilityGuess {
  title?: string | null | undefined;
  byline?: string | null | undefined;
}

/** The page's `<meta>` contents by lower-cased name, property or itemprop, read in one pass. */
type MetaIndex = Map<string, string[]>;

function indexMeta(metas: readonly Element[]): MetaIndex {
  const index: MetaIndex = new Map();
  for (const meta of metas) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = index.get(key);
      if (list) list.push(content);
      else index.set(key, [content]);
    }
  }
  return index;
}

/** Contents of the meta tags named `keys`, in the order of `keys`. */
function metaValues(index: MetaIndex, keys: readonly string[]): string[] {
  return keys.flatMap((k) => index.get(k) ?? []);
}

function first<T>(...candidates: (Found<T> | null)[]): Found<T> | null {
  return candidates.find((c) => c !== null) ?? null;
}

function found<T>(value: T | null | undefined, source: MetaSource): Found<T> | null {
  return value === null || value === undefined || value === '' ? null : { value, source };
}

function firstDate(raws: readonly string[], source: MetaSource): Found<string> | null {
  for (const raw of raws) {
    const d = normaliseDate(raw);
    if (d) return { value: d, source };
  }
  return null;
}

/** Longest metadata values kept (a headline or site name beyond this is page garbage, cut at a word). */
const MAX_META_CHARS = 400;

function bounded(s: string): string {
  if (s.length <= MAX_META_CHARS) return s;
  const cut = s.slice(0, MAX_META_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_META_CHARS / 2))}…`;
}

const clean = (s: string | null | undefined): string | null => {
  const t = s
    ?.replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t ? bounded(t) : null;
};

/** A title without the " | Outlet" / " - Outlet" suffix sites append in `<title>` and og:title. */
function stripSiteSuffix(title: string, outlet: string | null): string {
  const parts = title.split(/\s+[|–—·-]\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!.toLowerCase();
  const site = outlet?.toLowerCase() ?? '';
  const isSite = site && (last.includes(site) || site.includes(last) || last.replace(/\s/g, '').includes(site.replace(/\.\w+$/, '')));
  const kept = isSite || (parts.length > 2 && last.split(' ').length <= 4) ? parts.slice(0, -1).join(' - ') : title;
  return kept.length >= 15 ? kept : title;
}

function timeElementDate(elements: readonly Element[]): string | null {
  const times = elements.filter((t) => t.hasAttribute('datetime'));
  const preferred = times.find(
    (t) => t.hasAttribute('pubdate') || /published|datePublished/i.test(`${t.getAttribute('itemprop') ?? ''} ${t.className}`),
  );
  for (const t of preferred ? [preferred, ...times] : times) {
    const d = normaliseDate(t.getAttribute('datetime'));
    if (d) return d;
  }
  return null;
}

function langTag(raw: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(raw ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

function canonicalLink(links: readonly Element[]): string | null {
  for (const link of links) {
    if (/(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? '')) return link.getAttribute('href');
  }
  return null;
}

function canonical(links: readonly Element[], meta: MetaIndex, ld: JsonLdArticle | null, pageUrl: string | null): Found<string> | null {
  const candidates: [string | null | undefined, MetaSource][] = [
    [canonicalLink(links), 'meta'],
    [metaValues(meta, ['og:url'])[0], 'open-graph'],
    [ld?.url, 'json-ld'],
  ];
  for (const [raw, source] of candidates) {
    const url = cleanUrl(raw, pageUrl);
    if (url && plausibleCanonical(url, pageUrl)) return { value: url, source };
  }
  return found(cleanUrl(pageUrl), 'url');
}

/** The scan of a page read on its own (tests, tools); extractArticle passes the scan it made. */
function collect(doc: Document): PageScan {
  const scan = scanPage(doc, { ...DEFAULT_LIMITS, maxElements: Infinity, maxDepth: Infinity });
  return scan.ok ? scan : { metas: [], links: [], ldScripts: [], times: [], title: null };
}

/** Reads every metadata field from the page; `pageUrl` is the address the page was loaded from. */
export function readMetadata(
  doc: Document,
  pageUrl: string | null,
  guess: ReadabilityGuess = {},
  scan: PageScan = collect(doc),
  ldObjects = jsonLdObjects(scan.ldScripts),
): PageMetadata {
  const ld = readJsonLdArticle(ldObjects);
  const meta = indexMeta(scan.metas);
  const url = canonical(scan.links, meta, ld, pageUrl);

  // Site names sometimes list sections: "Autoracing | F1 | Indy" is "Autoracing".
  const siteName = (raw: string | null | undefined): string | null => clean(raw?.split(/\s+\|\s+/)[0]);
  const outlet = first(
    found(siteName(ld?.publisher), 'json-ld'),
    found(siteName(metaValues(meta, ['og:site_name'])[0]), 'open-graph'),
    found(siteName(metaValues(meta, ['application-name', 'twitter:site', 'publisher', 'dc.publisher'])[0]?.replace(/^@/, '')), 'meta'),
    found(siteHost(url?.value ?? pageUrl), 'host'),
  );

  const docTitle = clean(scan.title?.textContent);
  const title = first(
    found(clean(ld?.headline), 'json-ld'),
    found(clean(metaValues(meta, ['og:title'])[0]), 'open-graph'),
    found(clean(metaValues(meta, ['twitter:title', 'headline', 'dc.title', 'title'])[0]), 'meta'),
    found(clean(guess.title), 'readability'),
    found(docTitle, 'meta'),
  );
  if (title && title.source !== 'json-ld') title.value = stripSiteSuffix(title.value, outlet?.value ?? null);

  const metaAuthors = metaValues(meta, [
    'author',
    'article:author',
    'parsely-author',
    'sailthru.author',
    'byl',
    'dc.creator',
    'dcterms.creator',
  ]);
  const byline = first(
    found(ld ? personByline(ld.authors) : null, 'json-ld'),
    found(personByline(metaAuthors), 'meta'),
    found(guess.byline ? personByline([guess.byline]) : null, 'readability'),
  );

  const published =
    first(
      firstDate(ld?.datePublished ? [ld.datePublished] : [], 'json-ld'),
      firstDate(metaValues(meta, ['article:published_time', 'og:published_time']), 'open-graph'),
      firstDate(
        metaValues(meta, [
          'date',
          'pubdate',
          'publishdate',
          'publish-date',
          'publish_date',
          'parsely-pub-date',
          'sailthru.date',
          'datepublished',
          'dc.date.issued',
          'dc.date',
          'dcterms.created',
          'dcterms.date',
          'article.published',
          'published_time',
        ]),
        'meta',
      ),
    ) ??
    first(
      // Only when the page states no date in its metadata: <time> elements and the URL.
      found(timeElementDate(scan.times), 'time-element'),
      found(dateFromUrl(url?.value) ?? dateFromUrl(pageUrl), 'url'),
    );
  const modified = first(
    firstDate(ld?.dateModified ? [ld.dateModified] : [], 'json-ld'),
    firstDate(metaValues(meta, ['article:modified_time', 'og:updated_time']), 'open-graph'),
    firstDate(metaValues(meta, ['last-modified', 'dcterms.modified', 'datemodified', 'article.updated', 'sailthru.lastmodified']), 'meta'),
  );

  const lang = first(
    found(langTag(doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang')), 'meta'),
    found(langTag(metaValues(meta, ['og:locale'])[0]), 'open-graph'),
    found(langTag(metaValues(meta, ['content-language', 'language', 'dc.language'])[0]), 'meta'),
    found(langTag(ld?.inLanguage), 'json-ld'),
  );

  return { title, byline, outlet, published, modified, lang, url };
}
