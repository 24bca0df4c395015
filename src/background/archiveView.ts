import type { CatalogQuery } from '../core/search/catalog';
import { isSameArticle } from '../core/match';
import type { ArticleRecord, MatchResult } from '../core/types';
import type { ArchiveFilter, ArchivePage, ListQuery, RelatedItem } from '../shared/messages';
import type { Archive } from './archive';
import type { CatalogStore } from './catalogStore';
import type { MatchIndexStore } from './matchIndexStore';
import { measure } from './mirror';
import { t } from '../shared/i18n';

/**
 * The options page's view of the archive: list, select, delete by filter, and one
 * article's related coverage. The catalog answers the list; the match index answers
 * "related coverage" and the "same story as this article" filter.
 */
export interface ArchiveViewDeps {
  archive: Archive;
  /** Opened on first use. */
  catalog(): Promise<CatalogStore>;
  matches: MatchIndexStore;
}

/** Related results listed for one archived article. */
export const ARCHIVE_RELATED_TOP = 20;

export async function listPage(deps: ArchiveViewDeps, q: ListQuery): Promise<ArchivePage> {
  const catalog = await deps.catalog();
  return catalog.list(await catalogQuery(deps, q));
}

export async function matchingIds(deps: ArchiveViewDeps, q: ListQuery): Promise<string[]> {
  const catalog = await deps.catalog();
  const ids = catalog.matchingIds(await catalogQuery(deps, q));
  const offset = q.offset ?? 0;
  return ids.slice(offset, q.limit === undefined ? undefined : offset + q.limit);
}

/** Deletes everything the filter passes (once the catalog has every committed write), but `except`, in one transaction. */
export async function deleteMatching(deps: ArchiveViewDeps, filter: ArchiveFilter, except: readonly string[] = []): Promise<number> {
  const keep = new Set(except);
  const catalog = await deps.catalog();
  const ids = (await catalog.settledIds(await catalogQuery(deps, filter))).filter((id) => !keep.has(id));
  return ids.length ? deps.archive.delete(ids) : 0;
}

export async function relatedOf(deps: ArchiveViewDeps, id: string): Promise<RelatedItem[]> {
  const record = await deps.archive.get(id);
  if (!record) throw new Error(t('errArticleGone', [id]));
  return (await relatedItems(deps, record, new Set([id]), ARCHIVE_RELATED_TOP)).items;
}

/**
 * The match index's results for an article, with their archived titles and outlets,
 * without copies of the article itself (`sameArticle` says whether one was found). The
 * popup (analyze.ts) and the options page list the same thing.
 */
export async function relatedItems(
  deps: Pick<ArchiveViewDeps, 'archive' | 'matches'>,
  article: ArticleRecord,
  exclude: Set<string>,
  top: number,
): Promise<{ items: RelatedItem[]; records: ArticleRecord[]; sameArticle: boolean }> {
  // A few more than shown: copies of the article found by text are dropped below.
  const hits: MatchResult[] = await deps.matches.search(article, top + 5, exclude);
  const reading = performance.now();
  const found = await deps.archive.getMany(hits.map((h) => h.id));
  measure('framelens:records', reading);
  const items: RelatedItem[] = [];
  const records: ArticleRecord[] = [];
  let sameArticle = false;
  hits.forEach((hit, i) => {
    const record = found[i];
    if (!record || items.length >= top) return;
    if (isSameArticle(article, record)) {
      sameArticle = true;
      return;
    }
    const item: RelatedItem = { ...hit, title: record.title, outlet: record.outlet, published: record.published, url: record.url };
    const incomplete = (record as { incomplete?: unknown }).incomplete;
    if (typeof incomplete === 'string' && incomplete) item.incomplete = incomplete;
    items.push(item);
    records.push(record);
  });
  return { items, records, sameArticle };
}

async function catalogQuery(deps: ArchiveViewDeps, q: ListQuery): Promise<CatalogQuery> {
  const { sameStoryAs, outlet, ...rest } = q;
  const query: CatalogQuery = { ...rest };
  if (outlet !== undefined && !query.outlets) query.outlets = [outlet];
  if (sameStoryAs !== undefined) {
    // An article deleted since the link was made: its story is empty, not an error.
    const record = await deps.archive.get(sameStoryAs);
    const related = record ? (await relatedItems(deps, record, new Set([sameStoryAs]), ARCHIVE_RELATED_TOP)).items : [];
    query.ids = record ? [sameStoryAs, ...related.filter((r) => r.related ?? r.sameStory ?? true).map((r) => r.id)] : [];
  }
  return query;
}
