/**
 * Bing News search as RSS (`https://www.bing.com/news/search?q=…&format=rss`): words are
 * all required, phrases in double quotes. Each item's link goes through Bing's click
 * counter (`bing.com/news/apiclick.aspx?…&url=<the outlet's address>`): the outlet's own
 * address is read from it, so the page is fetched from the outlet and Bing never learns
 * which results were read. The outlet's name is the item's `News:Source`.
 */
import { FeedError, parseFeed, resolveHttpUrl } from '../feeds';
import { parseXml } from '../feeds/xml';
import { excerpt, fetchFailure, isHttpUrl, MAX_LINKS, termSyntax, type Provider, type ProviderAnswer } from './provider';
import type { FetchOutcome, FoundLink } from './types';

export const BING_ENDPOINT = 'https://www.bing.com/news/search';

/** The outlet's address behind a Bing click-counter link; other links as they are; null when unusable. */
export function decodeBingLink(link: string | null): string | null {
  if (!link || !isHttpUrl(link)) return null;
  const u = new URL(link);
  if (!/(^|\.)bing\.com$/i.test(u.hostname)) return link;
  const target = u.searchParams.get('url');
  return target && isHttpUrl(target) && !/(^|\.)bing\.com$/i.test(new URL(target).hostname) ? target : null;
}

/** `News:Source` of each item by its outlet address (whatever prefix the namespace was given). */
function sources(body: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const root = parseXml(body);
    const channel = root.children.find((c) => c.name.toLowerCase() === 'channel') ?? root;
    for (const item of channel.children.filter((c) => c.name === 'item')) {
      const url = decodeBingLink(resolveHttpUrl(item.children.find((c) => c.name === 'link')?.inner.trim(), base));
      const source = item.children
        .find((c) => c.name === 'Source')
        ?.inner.trim()
        .slice(0, 200);
      if (url && source) out.set(url, source);
    }
  } catch {
    // parseFeed read it, so this does not happen; without names the hosts stand in.
  }
  return out;
}

export function parseBing(outcome: FetchOutcome): ProviderAnswer {
  if (!outcome.ok) return fetchFailure(outcome);
  const body = outcome.body.replace(/^\ufeff/, '').trim();
  if (!body.startsWith('<'))
    return {
      ok: false,
      reason: 'garbage',
      detail: `The service answered ${body ? `text instead of results: ${excerpt(body)}` : 'nothing'}`,
    };
  let feed;
  try {
    feed = parseFeed(body, outcome.url, { maxItems: MAX_LINKS });
  } catch (e) {
    if (e instanceof FeedError) return { ok: false, reason: 'garbage', detail: e.message };
    throw e;
  }
  const outlets = sources(body, outcome.url);
  const links: FoundLink[] = [];
  feed.items.forEach((item) => {
    const url = decodeBingLink(item.url);
    if (!url) return;
    links.push({
      url,
      title: item.title.slice(0, 2000),
      outlet: outlets.get(url) ?? new URL(url).hostname.replace(/^www\./, ''),
      published: item.published,
      lang: null,
      provider: 'bing',
    });
  });
  return { ok: true, links };
}

export const bing: Provider = {
  name: 'bing',
  label: 'Bing News (RSS)',
  defaultEndpoint: BING_ENDPOINT,
  // Bing publishes no limit for its RSS search; one request a second is polite.
  minIntervalMs: 1000,
  maxAgeDays: null,
  query: (terms) => terms.map(termSyntax).join(' '),
  url: (endpoint, query) => `${endpoint}?${new URLSearchParams({ q: query, format: 'rss' }).toString()}`,
  parse: parseBing,
};
