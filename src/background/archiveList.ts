import type { ArchiveListItem, ListQuery } from '../shared/messages';
import type { ArchiveDb, StoredArticle } from './db';

const DEFAULT_LIMIT = 50;

/**
 * A page of the archive, newest saved first. Without filters it counts and skips with
 * the savedAt index (no records read but the page's). With a query or outlet it scans the
 * savedAt index once, newest first: fine at the sample's and a reader's thousands; issue 5
 * replaces the scan with a full-text index for 100k records.
 */
export async function listArticles(db: ArchiveDb, q: ListQuery): Promise<{ total: number; items: ArchiveListItem[] }> {
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_LIMIT;
  const words = searchWords(q.query ?? '');
  const outlet = q.outlet?.trim().toLowerCase() ?? '';
  const tx = db.transaction('articles');
  const index = tx.store.index('savedAt');
  const items: ArchiveListItem[] = [];
  if (!words.length && !outlet) {
    const total = await index.count();
    let cursor = await index.openCursor(null, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && items.length < limit) {
      items.push(listItem(cursor.value));
      cursor = await cursor.continue();
    }
    return { total, items };
  }
  let total = 0;
  let cursor = await index.openCursor(null, 'prev');
  while (cursor) {
    const row = cursor.value;
    if ((!outlet || row.record.outlet.toLowerCase() === outlet) && matchesWords(row, words)) {
      if (total >= offset && items.length < limit) items.push(listItem(row));
      total++;
    }
    cursor = await cursor.continue();
  }
  return { total, items };
}

/** Lower-case words without accents, so "Uyghur" finds "uyghur" and "Zürich" finds "zurich". */
export function searchWords(query: string): string[] {
  return fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function matchesWords(row: StoredArticle, words: string[]): boolean {
  if (!words.length) return true;
  const { title, outlet, text } = row.record;
  const haystack = fold(`${title}\n${outlet}\n${text}`);
  return words.every((w) => haystack.includes(w));
}

function listItem(row: StoredArticle): ArchiveListItem {
  const r = row.record;
  return { id: r.id, url: r.url, title: r.title, outlet: r.outlet, published: r.published, words: row.words, savedAt: row.savedAt };
}
