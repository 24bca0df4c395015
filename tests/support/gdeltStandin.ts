/**
 * A local stand-in of the open news index, for unit tests, the E2E suite and the discovery
 * bench: Node http on 127.0.0.1 (port 0). It answers the GDELT DOC 2.0 article list
 * (`/api/v2/doc/doc?mode=artlist&format=json`: every word and quoted phrase required,
 * the date window, `{}` when nothing matches), Bing News RSS search (`/news/search?format=rss`,
 * links through bing.com's click counter) and the article pages themselves, built from
 * records with JSON-LD NewsArticle; plus misbehaving pages (404, slow, not HTML, a paywall
 * stub, huge, a list page) and, when asked, the rate-limit answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinDoc {
  title: string;
  text: string;
  outlet: string;
  /** The outlet's domain as the index lists it. */
  domain: string;
  /** When the index saw it (ISO); also the page's datePublished unless `published` says otherwise. */
  seen: string;
  published?: string | null;
  /** How the page behaves when fetched; 'article' (default) serves the text as a news article. */
  page?: 'article' | 'not-found' | 'slow' | 'pdf' | 'paywall' | 'huge' | 'listing' | 'truncated';
  /** Anything carried along for the caller (a record id, a story); never served. */
  tag?: string;
}

export interface StandinOptions {
  /** Minimum gap between two API requests, ms; a faster request gets the rate-limit answer. 0: none. */
  minIntervalMs?: number;
  /** How a rate-limited request is answered: GDELT's plain-text message (200) or HTTP 429. */
  rateLimitStyle?: 'text' | '429';
  /** How long the 'slow' page waits before it answers, ms. */
  slowMs?: number;
}

export interface StandinRequest {
  path: string;
  params: Record<string, string>;
  at: number;
}

/** The next API answers, in order, replaced by a misbehaviour (tests of the parsers' paths). */
export type ApiFault = 'text-rate-limit' | '429' | 'html-error' | 'malformed' | 'empty' | 'wrong-types' | 'plain-error' | '500';

const RATE_TEXT = 'Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.';

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Words as the index reads them: letters and digits, everything else a break. */
export function indexWords(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Quoted phrases and bare words of a query; each a list of words, all required. */
export function parseStandinQuery(q: string): string[][] {
  const out: string[][] = [];
  for (const m of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    const words = indexWords(m[1] ?? m[2] ?? '');
    if (words.length) out.push(words);
  }
  return out;
}

function contains(words: readonly string[], phrase: readonly string[]): number {
  let n = 0;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    n++;
  }
  return n;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function stampToMs(s: string | undefined): number | null {
  const m = s ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s) : null;
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
}

function seenStamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export class GdeltStandin {
  readonly requests: StandinRequest[] = [];
  readonly faults: ApiFault[] = [];
  private server: Server | null = null;
  private docs: StandinDoc[] = [];
  private words: string[][] = [];
  private postings = new Map<string, number[]>();
  private lastApiAt = -Infinity;
  base = '';

  constructor(
    docs: readonly StandinDoc[] = [],
    private options: StandinOptions = {},
  ) {
    for (const d of docs) this.add(d);
  }

  add(doc: StandinDoc): number {
    const n = this.docs.push(doc) - 1;
    const words = indexWords(`${doc.title} ${doc.text}`);
    this.words.push(words);
    for (const w of new Set(words)) {
      const list = this.postings.get(w);
      if (list) list.push(n);
      else this.postings.set(w, [n]);
    }
    return n;
  }

  /** The address a document's page is served at. */
  pageUrl(n: number): string {
    const slug = indexWords(this.docs[n]!.title).slice(0, 6).join('-') || 'article';
    return `${this.base}/${encodeURIComponent(this.docs[n]!.domain)}/${n}/${slug}`;
  }

  doc(n: number): StandinDoc | undefined {
    return this.docs[n];
  }

  /** Index of the document a page address serves, or null. */
  docOf(url: string): number | null {
    const m = /^\/[^/]+\/(\d+)\//.exec(new URL(url, this.base || 'http://127.0.0.1').pathname);
    return m ? Number(m[1]) : null;
  }

  get gdeltEndpoint(): string {
    return `${this.base}/api/v2/doc/doc`;
  }

  get bingEndpoint(): string {
    return `${this.base}/news/search`;
  }

  /** Documents matching every term of the query within [from, to], most occurrences first. */
  search(query: string, from: number | null, to: number | null, max: number): number[] {
    const terms = parseStandinQuery(query);
    if (!terms.length) return [];
    const rare = [...terms].sort((a, b) => (this.postings.get(a[0]!)?.length ?? 0) - (this.postings.get(b[0]!)?.length ?? 0))[0]!;
    const hits: { n: number; score: number }[] = [];
    for (const n of this.postings.get(rare[0]!) ?? []) {
      const seen = Date.parse(this.docs[n]!.seen);
      if ((from !== null && seen < from) || (to !== null && seen > to)) continue;
      let score = 0;
      for (const t of terms) {
        const c = contains(this.words[n]!, t);
        if (!c) {
          score = -1;
          break;
        }
        score += Math.log(1 + c);
      }
      if (score > 0) hits.push({ n, score });
    }
    return hits
      .sort((a, b) => b.score - a.score || a.n - b.n)
      .slice(0, max)
      .map((h) => h.n);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    this.requests.push({ path: url.pathname, params: Object.fromEntries(url.searchParams), at: Date.now() });
    if (url.pathname === '/api/v2/doc/doc' || url.pathname === '/news/search') return this.api(url, res);
    const n = this.docOf(url.href);
    const doc = n === null ? undefined : this.docs[n];
    if (!doc) return this.send(res, 404, 'text/html', '<!doctype html><title>Not found</title><h1>Not found</h1>');
    return this.page(doc, url, res);
  }

  private api(url: URL, res: ServerResponse): void {
    const now = Date.now();
    const gap = this.options.minIntervalMs ?? 0;
    const fault = this.faults.shift();
    if ((gap && now - this.lastApiAt < gap) || fault === 'text-rate-limit' || fault === '429') {
      this.lastApiAt = now;
      if (fault === '429' || (!fault && this.options.rateLimitStyle === '429'))
        return this.send(res, 429, 'text/plain', 'Too Many Requests');
      return this.send(res, 200, 'text/plain', RATE_TEXT);
    }
    this.lastApiAt = now;
    if (fault === 'html-error')
      return this.send(res, 200, 'text/html', '<html><head><title>Error</title></head><body><h1>Service unavailable</h1></body></html>');
    if (fault === 'malformed') return this.send(res, 200, 'application/json', '{"articles": [{"url": "http://x.test/a", "title": "cut off');
    if (fault === 'empty') return this.send(res, 200, 'application/json', '{}');
    if (fault === 'wrong-types') return this.send(res, 200, 'application/json', '{"articles": {"url": 3}}');
    if (fault === 'plain-error') return this.send(res, 200, 'text/plain', 'The specified phrase is too short.');
    if (fault === '500') return this.send(res, 500, 'text/html', '<html><body>Internal error</body></html>');
    if (url.pathname === '/news/search') return this.bing(url, res);
    const p = url.searchParams;
    const max = Math.min(250, Math.max(1, Number(p.get('maxrecords') ?? 75) || 75));
    const hits = this.search(
      p.get('query') ?? '',
      stampToMs(p.get('startdatetime') ?? undefined),
      stampToMs(p.get('enddatetime') ?? undefined),
      max,
    );
    if (!hits.length) return this.send(res, 200, 'application/json', '{}');
    const articles = hits.map((n) => ({
      url: this.pageUrl(n),
      url_mobile: '',
      title: this.docs[n]!.title,
      seendate: seenStamp(this.docs[n]!.seen),
      socialimage: '',
      domain: this.docs[n]!.domain,
      language: 'English',
      sourcecountry: 'United States',
    }));
    this.send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ articles }));
  }

  private bing(url: URL, res: ServerResponse): void {
    const hits = this.search(url.searchParams.get('q') ?? '', null, null, 50);
    const items = hits.map((n) => {
      const d = this.docs[n]!;
      const click = `http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=${n}&url=${encodeURIComponent(this.pageUrl(n))}&c=1&mkt=en-us`;
      return `<item><title>${esc(d.title)}</title><link>${esc(click)}</link><description>${esc(d.text.slice(0, 200))}</description><pubDate>${new Date(d.seen).toUTCString()}</pubDate><News:Source>${esc(d.outlet)}</News:Source></item>`;
    });
    const body = `<?xml version="1.0" encoding="utf-8" ?><rss version="2.0" xmlns:News="https://www.bing.com:443/news/search?q=x&amp;format=rss"><channel><title>${esc(url.searchParams.get('q') ?? '')} - Bing News</title><link>https://www.bing.com/news</link><description>Search results</description>${items.join('')}</channel></rss>`;
    this.send(res, 200, 'application/rss+xml; charset=utf-8', body);
  }

  private async page(doc: StandinDoc, url: URL, res: ServerResponse): Promise<void> {
    switch (doc.page) {
      case 'not-found':
        return this.send(res, 404, 'text/html', '<!doctype html><title>Page not found</title><h1>404</h1>');
      case 'pdf':
        return this.send(res, 200, 'application/pdf', '%PDF-1.4\n%…');
      case 'slow':
        await new Promise((r) => setTimeout(r, this.options.slowMs ?? 30_000));
        if (res.destroyed) return;
        break;
      case 'huge': {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const chunk = `<p>${'padding text '.repeat(800)}</p>`;
        for (let i = 0; i < 1000 && !res.destroyed; i++) res.write(chunk);
        res.end();
        return;
      }
      case 'listing':
        return this.send(res, 200, 'text/html; charset=utf-8', listingPage(doc));
      default:
    }
    this.send(res, 200, 'text/html; charset=utf-8', articlePage(doc, url.href));
  }

  private send(res: ServerResponse, status: number, type: string, body: string): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }
}

/** A news article page as outlets publish them: JSON-LD NewsArticle, Open Graph, the text in paragraphs. */
export function articlePage(doc: StandinDoc, url: string): string {
  const paragraphs = doc.text.split(/\n\s*\n/).filter(Boolean);
  const published = doc.published === undefined ? doc.seen.slice(0, 10) : doc.published;
  const words = doc.text.split(/\s+/).filter(Boolean).length;
  let shown = paragraphs;
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: doc.title,
    publisher: { '@type': 'Organization', name: doc.outlet },
    mainEntityOfPage: url,
  };
  if (published) ld.datePublished = published;
  if (doc.page === 'paywall') {
    shown = [paragraphs[0] ?? doc.title, 'Subscribe to continue reading this article. Already a subscriber? Sign in.'];
    ld.isAccessibleForFree = false;
    ld.wordCount = words;
  } else if (doc.page === 'truncated') {
    shown = paragraphs.slice(0, Math.max(1, Math.floor(paragraphs.length / 4)));
    ld.articleBody = doc.text;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.title)} | ${esc(doc.outlet)}</title>
<link rel="canonical" href="${esc(url)}"><meta property="og:type" content="article"><meta property="og:site_name" content="${esc(doc.outlet)}">
<meta property="og:title" content="${esc(doc.title)}">
<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${esc(doc.title)}</h1>${published ? `<time datetime="${esc(published)}">${esc(published)}</time>` : ''}
${shown.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article></main><footer><p>© ${esc(doc.outlet)}</p></footer></body></html>`;
}

function listingPage(doc: StandinDoc): string {
  const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/story/${i}">${esc(doc.title)} — part ${i}</a></li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(doc.outlet)}: latest</title></head><body><h1>Latest news</h1><ul>${items}</ul></body></html>`;
}
