/**
 * JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). `version` must name the
 * spec; items need an id (a number is accepted, as 1.0 feeds in the wild send one).
 */
import { parseFeedDate } from './dates';
import { htmlToText } from './charRefs';
import { finishItems, type RawItem } from './items';
import { FeedError, type ParsedFeed } from './types';
import { resolveHttpUrl } from './urls';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function parseJsonFeed(text: string, feedUrl: string | null, maxItems: number): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new FeedError('This is not a feed: it starts like JSON but does not parse as JSON.');
  }
  if (!isObject(doc) || !/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/.test(str(doc.version))) {
    throw new FeedError('This is JSON but not a JSON Feed (its "version" does not name https://jsonfeed.org/version/1.1).');
  }
  if (!Array.isArray(doc.items)) throw new FeedError('This JSON Feed has no "items" list.');
  const base = resolveHttpUrl(str(doc.feed_url), feedUrl) ?? feedUrl;
  const items: RawItem[] = doc.items.filter(isObject).map((item) => ({
    id: typeof item.id === 'number' ? String(item.id) : str(item.id) || null,
    url: resolveHttpUrl(str(item.url), base) ?? resolveHttpUrl(str(item.external_url), base),
    title: htmlToText(str(item.title)),
    published: parseFeedDate(str(item.date_published) || str(item.date_modified)),
    summary: str(item.summary) || str(item.content_text) || htmlToText(str(item.content_html)),
  }));
  return { format: 'json', title: str(doc.title), siteUrl: resolveHttpUrl(str(doc.home_page_url), base), ...finishItems(items, maxItems) };
}
