import type { ArchiveListItem } from '../shared/messages';
import { t } from '../shared/i18n';
import { formatDate } from '../ui/format';
import { ROW_HEIGHT } from './gridViewport';

interface Props {
  index: number;
  /** The row's record; undefined while its page is loading. */
  item: ArchiveListItem | undefined;
  selected: boolean;
  active: boolean;
  labels(outlet: string): string[];
  onClick(e: MouseEvent, item: ArchiveListItem): void;
  onCheckbox(e: MouseEvent, item: ArchiveListItem): void;
  onFocus(): void;
}

/** One row of the archive grid: checkbox, headline, outlet with its group labels, dates. */
export function ArchiveRow({ index: i, item, selected, active, labels, onClick, onCheckbox, onFocus }: Props) {
  return (
    <div
      role="row"
      aria-rowindex={i + 2}
      aria-selected={item ? selected : undefined}
      tabIndex={active ? 0 : -1}
      data-index={i}
      data-testid="archive-row"
      data-id={item?.id}
      class={`grid-row${selected ? ' selected' : ''}${active ? ' active' : ''}`}
      style={{ top: `${i * ROW_HEIGHT}px` }}
      onClick={item ? (e) => onClick(e, item) : undefined}
      onFocus={onFocus}
    >
      {item ? (
        <>
          <div role="gridcell" class="c-select">
            <input
              type="checkbox"
              tabIndex={-1}
              data-testid="row-select"
              aria-label={t('selectArticle', [item.title || item.id])}
              checked={selected}
              onClick={(e) => {
                e.stopPropagation();
                onCheckbox(e, item);
              }}
            />
          </div>
          <div role="gridcell" class="c-title" data-testid="row-title">
            {item.title || t('noHeadline')}
          </div>
          <div role="gridcell" class="c-outlet">
            <span data-testid="row-outlet">{item.outlet || t('outletUnknown')}</span>
            {labels(item.outlet).map((g) => (
              <span class="chip group-chip" key={g} data-testid="group-label">
                {g}
              </span>
            ))}
          </div>
          <div role="gridcell" class="c-date" data-testid="row-published">
            {formatDate(item.published)}
          </div>
          <div role="gridcell" class="c-date">
            {formatDate(new Date(item.savedAt).toISOString())}
          </div>
        </>
      ) : (
        <div role="gridcell" class="c-loading">
          {t('archiveLoading')}
        </div>
      )}
    </div>
  );
}
