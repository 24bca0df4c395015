import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t, tn } from '../shared/i18n';
import { NONE, selectedCount, type Selection } from './selection';

interface Props {
  /** Records in the list as filtered; `loaded` once its first page has arrived. */
  total: number;
  loaded: boolean;
  /** Whether a search or filter narrows the list, and the archive's size for "n of m". */
  filtered: boolean;
  archiveCount: number | undefined;
  /** Records still being indexed. */
  pending: number;
  busy: boolean;
  selection: Selection;
  onSelection(sel: Selection): void;
  /** Deletes the selected records (asked after the reader confirms). */
  onDelete(): Promise<void>;
  /** A new filter closes the confirmation. */
  filterKey: string;
}

/** The list's count, select all / clear / delete, and the confirmation before deleting. */
export function SelectionBar(p: Props) {
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setConfirming(false), [p.filterKey]);
  const chosen = selectedCount(p.selection, p.total);
  const { busy, total, selection } = p;

  return (
    <>
      <div class="list-bar">
        <p class="list-count" role="status" data-testid="list-count">
          {!p.loaded
            ? t('archiveLoading')
            : p.filtered
              ? tn('matchingCount', total, [formatNumber(p.archiveCount ?? total)])
              : tn('listedCount', total)}
          {p.pending > 0 && (
            <span class="muted" data-testid="indexing">
              {' '}
              · {tn('indexingCount', p.pending)}
            </span>
          )}
        </p>
        <div class="selection-actions">
          <button
            type="button"
            data-testid="select-all"
            disabled={busy || total === 0 || (selection.all && selection.ids.size === 0)}
            onClick={() => p.onSelection({ all: true, ids: new Set() })}
          >
            {tn('selectAllMatching', total)}
          </button>
          {chosen > 0 && (
            <button type="button" data-testid="clear-selection" onClick={() => p.onSelection(NONE)}>
              {t('clearSelection')}
            </button>
          )}
          <button type="button" data-testid="delete-selected" disabled={busy || chosen === 0} onClick={() => setConfirming(true)}>
            {chosen ? t('deleteSelectedCount', [chosen]) : t('deleteSelected')}
          </button>
        </div>
      </div>
      {confirming && chosen > 0 && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm-delete">
          <p id="confirm-text">{tn('confirmDelete', chosen)}</p>
          <button
            type="button"
            class="danger"
            data-testid="confirm-delete-yes"
            autoFocus
            onClick={() => {
              setConfirming(false);
              void p.onDelete();
            }}
          >
            {tn('deleteCount', chosen)}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </>
  );
}
