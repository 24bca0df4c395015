import type { DiscoveryIO, FetchOutcome, ReadOutcome } from '../../core/discover/types';
import { fetchBounded, FetchError, PAGE_LIMITS, type FetchFn, type FetchLimits } from '../feeds/fetchBounded';
import type { PageExtractor } from '../feeds/pageExtractor';
import { errorText } from '../../core/errors';

/** A search service's answer: small (a list of links), and quick or not at all. */
export const API_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 2_000_000 };

export interface DiscoveryIODeps {
  pages: PageExtractor;
  /** Time limit of one result page (the reader's setting). */
  pageTimeoutMs: number;
  /** Host access for an address (the reader granted it in the click, or not). */
  canRead(url: string): Promise<boolean>;
  fetchFn?: FetchFn;
}

/**
 * The core's IO in the worker: the feeds' bounded fetch (no cookies, no referrer, time and
 * size limits, the media type checked) and the feeds' page reader (offscreen document in
 * Chrome, DOMParser in Firefox). Failures are answers, never throws.
 */
export function createDiscoveryIO(deps: DiscoveryIODeps): DiscoveryIO {
  const pageLimits: FetchLimits = { ...PAGE_LIMITS, timeoutMs: deps.pageTimeoutMs };
  return {
    async fetchText(url, kind, signal): Promise<FetchOutcome> {
      if (!(await deps.canRead(url))) return { ok: false, reason: 'forbidden', detail: new URL(url).host };
      try {
        const page = await fetchBounded(url, kind, kind === 'api' ? API_LIMITS : pageLimits, deps.fetchFn, signal);
        return { ok: true, status: page.status, contentType: page.contentType, body: page.text, url: page.url };
      } catch (e) {
        if (e instanceof FetchError)
          return { ok: false, reason: e.reason, detail: e.message, ...(e.status === undefined ? {} : { status: e.status }) };
        return { ok: false, reason: 'network', detail: errorText(e) };
      }
    },
    async readPage(html, url): Promise<ReadOutcome> {
      const result = await deps.pages
        .extract(html, url)
        .catch((e: unknown) => ({ ok: false as const, reason: 'error' as const, message: errorText(e) }));
      if (result.ok) return { ok: true, article: result.article };
      return { ok: false, reason: 'not-article', detail: result.message };
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
      }),
    now: () => new Date(),
  };
}
