import type { ArchiveListItem, ListQuery } from '../shared/messages';
import type { ArchiveDb, StoredArticle } from './db';

const DEFAULT_LIMIT = 50;
const SCAN_PAGE = 500;

/**
 * A page of the archive, newest saved first. Without filters it reads only the page's
 * records. With a query or outlet it scans
 * every record once: fine at the sample's and a reader's thousands (tens of thousands take
 * seconds); issue 5 replaces the scan with a full-text index for 100k records.
 */
export async function listArticles(db: ArchiveDb, q: ListQuery): Promise<{ total: number; items: ArchiveListItem[] }> {
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_LIMIT;
  const words = searchWords(q.query ?? '');
  const outlet = q.outlet?.trim().toLowerCase() ?? '';
  if (!words.length && !outlet) {
    // Two requests whatever the page: every id in list order (newest first), then the page's
    // rows, all asked at once. Cursor steps would each wait their turn while the worker indexes.
    const tx = db.transaction('articles');
    const ids = (await tx.store.index('savedAt').getAllKeys()).reverse();
    const rows = await Promise.all(ids.slice(offset, offset + limit).map((id) => tx.store.get(id)));
    return { total: ids.length, items: rows.filter((r): r is StoredArticle => r !== undefined).map(listItem) };
  }
  // A filter reads every record: in pages of SCAN_PAGE by id (a few requests, not one per
  // record, so it stays quick while the worker is busy indexing), keeping the matches as
  // list items, then orders them as the index does (newest first, ties by id descending).
  const matches: ArchiveListItem[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: StoredArticle[] = await db.getAll('articles', after === null ? null : IDBKeyRange.lowerBound(after, true), SCAN_PAGE);
    for (const row of rows) if ((!outlet || row.record.outlet.toLowerCase() === outlet) && matchesWords(row, words)) matches.push(listItem(row));
    const last: StoredArticle | undefined = rows.at(-1);
    if (!last || rows.length < SCAN_PAGE) break;
    after = last.id;
  }
  matches.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { total: matches.length, items: matches.slice(offset, offset + limit) };
}

/** Lower-case words without accents, so "Uyghur" finds "uyghur" and "Zürich" finds "zurich". */
export function searchWords(query: string): string[] {
  return fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function fold(text: string): string {
  const lower = text.toLowerCase();
  // Decomposing is the costly part of a scan; only text with accented letters needs it.
  return LATIN_ACCENTED.test(lower) ? lower.normalize('NFKD').replace(/\p{M}+/gu, '') : lower;
}

const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/;

/** Every word in the title, outlet or text; the text is read only when the short fields miss one. */
function matchesWords(row: StoredArticle, words: string[]): boolean {
  if (!words.length) return true;
  const { title, outlet, text } = row.record;
  const head = fold(`${title}\n${outlet}`);
  const missing = words.filter((w) => !head.includes(w));
  if (!missing.length) return true;
  const body = fold(text);
  return missing.every((w) => body.includes(w));
}

function listItem(row: StoredArticle): ArchiveListItem {
  const r = row.record;
  return { id: r.id, url: r.url, title: r.title, outlet: r.outlet, published: r.published, words: row.words, savedAt: row.savedAt };
}
