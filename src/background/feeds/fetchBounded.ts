import { decodeBody, refusedMediaType, type BodyKind } from '../../core/feeds';
import { t } from '../../shared/i18n';
import { errorText } from '../../core/errors';
import { readLimited } from '../../core/net/readLimited';

/**
 * The only network requests Framelens makes, and only for feeds the reader subscribed to or
 * for coverage the reader asked to find online:
 * no cookies or credentials (credentials: 'omit'), no referrer, a time limit, a size limit
 * read as the body streams in, the media type checked, and http(s) only after redirects
 * (fetch follows at most 20, as the Fetch standard says).
 */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export const FEED_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5_000_000 };
export const PAGE_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5_000_000 };

export interface Fetched {
  /** The address after redirects. */
  url: string;
  text: string;
  status: number;
  contentType: string | null;
}

/** 'api': a search service's answer (JSON or RSS), whose parser judges the body itself. */
export type FetchKind = BodyKind | 'api';

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

const ACCEPT: Record<FetchKind, string> = {
  api: 'application/json, application/rss+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9',
};

export type FetchFailure = 'timed-out' | 'too-large' | 'network' | 'http' | 'not-html';

/** A reader's sentence for why a fetch failed, and the kind of failure for code that sorts them. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    message: string,
    readonly reason: FetchFailure = 'network',
    readonly status?: number,
  ) {
    super(message);
  }
}

/** `signal` lets the caller cancel (the time limit applies either way). */
export async function fetchBounded(
  url: string,
  kind: FetchKind,
  limits: FetchLimits,
  fetchFn: FetchFn = globalThis.fetch.bind(globalThis),
  cancel?: AbortSignal,
): Promise<Fetched> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
  let res: Response;
  try {
    res = await fetchFn(url, {
      credentials: 'omit',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      cache: 'no-cache',
      headers: { accept: ACCEPT[kind] },
      signal,
    });
  } catch (e) {
    throw failure(e, limits);
  }
  const finalUrl = res.url || url;
  if (!/^https?:/i.test(finalUrl)) throw new FetchError(t('errFetchNotHttp'));
  if (!res.ok) {
    void res.body?.cancel().catch(() => undefined);
    throw new FetchError(t('errFetchStatus', [res.status, res.statusText || 'error']), 'http', res.status);
  }
  const contentType = res.headers.get('content-type');
  const refused = refusedMediaType(contentType, kind === 'api' ? 'feed' : kind);
  if (refused) {
    void res.body?.cancel().catch(() => undefined);
    throw new FetchError(t('errFetchMediaType', [refused]), kind === 'page' ? 'not-html' : 'network');
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) {
    void res.body?.cancel().catch(() => undefined);
    throw tooLarge(limits);
  }
  let bytes: Uint8Array;
  try {
    const read = await readLimited(res, limits.maxBytes);
    if (!read) throw tooLarge(limits);
    bytes = read;
  } catch (e) {
    throw e instanceof FetchError ? e : failure(e, limits);
  }
  return { url: finalUrl, text: decodeBody(bytes, contentType), status: res.status, contentType };
}

function tooLarge(limits: FetchLimits): FetchError {
  return new FetchError(t('errFetchTooLarge', [Math.round(limits.maxBytes / 1_000_000)]), 'too-large');
}

function failure(e: unknown, limits: FetchLimits): FetchError {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return new FetchError(t('errFetchTimeout', [Math.round(limits.timeoutMs / 1000)]), 'timed-out');
  return new FetchError(t('errFetchNetwork', [errorText(e)]));
}
