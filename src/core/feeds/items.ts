import { MAX_ID_CHARS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, type FeedItem } from './types';
import { fnv1aHex } from '../text/hash';
import type { XmlElement } from './xml';

/** An item as a format reader found it; the id may be missing until finishItems picks one. */
export type RawItem = Omit<FeedItem, 'id'> & { id: string | null };

export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function textOf(element: XmlElement | undefined): string {
  return element ? element.inner.trim() : '';
}

export function finishItems(items: RawItem[], maxItems: number): { items: FeedItem[]; dropped: number } {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    const id = clipText(item.id || item.url || `hash:${fnv1aHex(`${item.title}\n${item.published ?? ''}\n${item.summary}`)}`, MAX_ID_CHARS);
    // A feed that repeats an item (it happens) lists it once.
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...item, id, title: clipText(item.title, MAX_TITLE_CHARS), summary: clipText(item.summary, MAX_SUMMARY_CHARS) });
  }
  return { items: out.slice(0, maxItems), dropped: Math.max(0, out.length - maxItems) };
}
