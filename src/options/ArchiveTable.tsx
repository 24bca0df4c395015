import { formatDate } from '../ui/format';
import { t } from '../shared/i18n';
import type { ArchiveListItem } from '../shared/messages';

interface Props {
  page: { total: number; items: ArchiveListItem[] } | null;
  query: string;
  offset: number;
  pageSize: number;
  selected: ReadonlySet<string>;
  busy: boolean;
  archiveEmpty: boolean;
  onQuery(q: string): void;
  onOffset(offset: number): void;
  onSelect(selected: ReadonlySet<string>): void;
  onDelete(): void;
}

/** The archive list: search, select, delete, page. Page text is rendered as text. */
export function ArchiveTable(p: Props) {
  const items = p.page?.items ?? [];
  const total = p.page?.total ?? 0;
  const allOnPage = items.length > 0 && items.every((i) => p.selected.has(i.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(p.selected);
    if (on) next.add(id);
    else next.delete(id);
    p.onSelect(next);
  };
  const togglePage = (on: boolean) => {
    const next = new Set(p.selected);
    for (const i of items) {
      if (on) next.add(i.id);
      else next.delete(i.id);
    }
    p.onSelect(next);
  };

  return (
    <section class="archive" aria-label={t('archivedArticles')}>
      <div class="archive-controls">
        <input
          type="search"
          data-testid="archive-search"
          placeholder={t('archiveSearchPlaceholder')}
          aria-label={t('archiveSearchLabel')}
          value={p.query}
          onInput={(e) => p.onQuery(e.currentTarget.value)}
        />
        <button type="button" data-testid="delete-selected" disabled={p.busy || p.selected.size === 0} onClick={p.onDelete}>
          {p.selected.size ? t('deleteSelectedCount', [p.selected.size]) : t('deleteSelected')}
        </button>
      </div>
      {p.archiveEmpty ? (
        <p class="empty">{t('archiveEmpty')}</p>
      ) : !p.page ? (
        <p class="empty" role="status" data-testid="archive-loading"><span class="spinner" aria-hidden="true" />{t('archiveLoading')}</p>
      ) : total === 0 ? (
        <p class="empty">{t('noArticleMatches', [p.query])}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" class="select">
                <input type="checkbox" aria-label={t('selectAllOnPage')} checked={allOnPage} onChange={(e) => togglePage(e.currentTarget.checked)} />
              </th>
              <th scope="col">{t('columnHeadline')}</th>
              <th scope="col">{t('columnOutlet')}</th>
              <th scope="col">{t('columnPublished')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="archive-row" data-id={item.id}>
                <td class="select">
                  <input type="checkbox" data-testid="row-select" aria-label={t('selectArticle', [item.title || item.id])} checked={p.selected.has(item.id)} onChange={(e) => toggle(item.id, e.currentTarget.checked)} />
                </td>
                <td class="headline">{webUrl(item.url) ? <a href={item.url ?? undefined} target="_blank" rel="noreferrer">{item.title || t('noHeadline')}</a> : item.title || t('noHeadline')}</td>
                <td>{item.outlet || <span class="muted">{t('outletUnknown')}</span>}</td>
                <td class="date">{formatDate(item.published)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > p.pageSize && (
        <nav class="pager" aria-label={t('pagesLabel')}>
          <button type="button" disabled={p.offset === 0} onClick={() => p.onOffset(Math.max(0, p.offset - p.pageSize))}>{t('previousPage')}</button>
          <span>
            {t('pageRange', [p.offset + 1, Math.min(total, p.offset + p.pageSize), total])}
          </span>
          <button type="button" disabled={p.offset + p.pageSize >= total} onClick={() => p.onOffset(p.offset + p.pageSize)}>{t('nextPage')}</button>
        </nav>
      )}
    </section>
  );
}

/** Only http(s) addresses become links: an imported record could carry any string. */
function webUrl(url: string | null): boolean {
  return url !== null && /^https?:\/\//i.test(url);
}
