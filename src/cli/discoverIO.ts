/**
 * The discovery IO for Node: fetch with no credentials and no referrer, bounded in time and
 * bytes as the body streams in, the media type checked; pages read with jsdom and the
 * extension's extractor.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import type { DiscoveryIO, FetchOutcome, ReadOutcome } from '../core/discover';
import { extractArticle } from '../core/extract';
import { decodeBody, refusedMediaType } from '../core/feeds';
import { readLimited } from '../core/net/readLimited';

export interface NodeIOLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const NODE_IO_LIMITS: NodeIOLimits = { timeoutMs: 15_000, maxBytes: 5_000_000 };

const ACCEPT = {
  api: 'application/json, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9',
};

export async function boundedFetch(url: string, kind: 'api' | 'page', limits: NodeIOLimits, outer?: AbortSignal): Promise<FetchOutcome> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
  const mb = Math.round(limits.maxBytes / 1_000_000);
  try {
    const res = await fetch(url, {
      credentials: 'omit',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      headers: { accept: ACCEPT[kind] },
      signal,
    });
    const finalUrl = res.url || url;
    const cancel = (): void => void res.body?.cancel().catch(() => undefined);
    if (!/^https?:/i.test(finalUrl)) {
      cancel();
      return { ok: false, reason: 'forbidden', detail: 'The address led to a page that is not http(s)' };
    }
    if (!res.ok) {
      cancel();
      return { ok: false, reason: 'http', status: res.status, detail: `The server answered ${res.status} ${res.statusText || ''}`.trim() };
    }
    const type = res.headers.get('content-type');
    const refused = refusedMediaType(type, kind === 'page' ? 'page' : 'feed');
    if (refused) {
      cancel();
      return { ok: false, reason: 'not-html', status: res.status, detail: refused };
    }
    if (Number(res.headers.get('content-length') ?? 0) > limits.maxBytes) {
      cancel();
      return { ok: false, reason: 'too-large', status: res.status, detail: `Larger than ${mb} MB` };
    }
    const bytes = await readLimited(res, limits.maxBytes);
    if (!bytes) return { ok: false, reason: 'too-large', status: res.status, detail: `Larger than ${mb} MB` };
    return { ok: true, status: res.status, contentType: type, body: decodeBody(bytes, type), url: finalUrl };
  } catch (e) {
    const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
    if (timeout.aborted || name === 'TimeoutError')
      return { ok: false, reason: 'timed-out', detail: `No answer within ${Math.round(limits.timeoutMs / 1000)} s` };
    if (outer?.aborted) return { ok: false, reason: 'network', detail: 'Cancelled' };
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    return { ok: false, reason: 'network', detail: `${e instanceof Error ? e.message : String(e)}${cause}` };
  }
}

export function readPageWithJsdom(html: string, url: string): ReadOutcome {
  let doc: Document;
  // The page's own console noise (CSS it cannot parse) is not the reader's business.
  const options = { url, virtualConsole: new VirtualConsole() };
  try {
    doc = new JSDOM(html, options).window.document;
  } catch {
    try {
      doc = new JSDOM(html.replace(/<style\b[\s\S]*?<\/style>/gi, ''), options).window.document;
    } catch (e) {
      return { ok: false, reason: 'not-html', detail: `Not readable as HTML (${(e as Error).message})` };
    }
  }
  const result = extractArticle(doc, url);
  if (result.ok) return { ok: true, article: result.article };
  return { ok: false, reason: 'not-article', detail: result.message };
}

export function nodeDiscoveryIO(limits: NodeIOLimits = NODE_IO_LIMITS): DiscoveryIO {
  return {
    fetchText: (url, kind, signal) => boundedFetch(url, kind, limits, signal),
    readPage: async (html, url) => readPageWithJsdom(html, url),
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      }),
    now: () => new Date(),
  };
}
