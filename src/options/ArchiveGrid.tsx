import { errorText } from '../core/errors';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveListItem, ArchiveSort, ListQuery } from '../shared/messages';
import { t } from '../shared/i18n';
import { ArchiveRow } from './ArchiveRow';
import { checkboxClickAction, gridKeyAction, rowClickAction, type GridAction } from './gridKeys';
import { ROW_HEIGHT, rowAt, scrollToShow, viewport } from './gridViewport';
import { isSelected, setSelected, toggle, type Selection } from './selection';
import { useRowPages, type GridSource } from './useRowPages';

interface Props {
  source: GridSource;
  /** The filter and order (offset and limit are the grid's). */
  base: ListQuery;
  /** Bumped when the archive changed: cached rows are dropped. */
  version: number;
  total: number;
  selection: Selection;
  onSelection(sel: Selection): void;
  onOpen(id: string): void;
  onSort(sort: ArchiveSort): void;
  labels(outlet: string): string[];
  /** The first page's answer: total, records still being indexed, and the list (JSON of `base`) it is for. */
  onLoaded(total: number, pending: number, forKey: string): void;
  onError(message: string): void;
}

const COLUMNS: { key: ArchiveSort | null; label: () => string; className: string }[] = [
  { key: null, label: () => t('columnSelect'), className: 'c-select' },
  { key: 'title', label: () => t('columnHeadline'), className: 'c-title' },
  { key: 'outlet', label: () => t('columnOutlet'), className: 'c-outlet' },
  { key: 'published', label: () => t('columnPublished'), className: 'c-date' },
  { key: 'saved', label: () => t('columnSaved'), className: 'c-date' },
];

/**
 * The archive as one virtualised grid (WAI-ARIA grid pattern with row focus): only the
 * rows in view are in the DOM, each with aria-rowindex in a grid whose aria-rowcount is
 * the whole list, so a screen reader says "row 5,012 of 100,001". Rows are fetched a page
 * at a time as they scroll into view (useRowPages.ts); keys and clicks as gridKeys.ts says.
 */
export function ArchiveGrid(p: Props) {
  const grid = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState(0);
  // Keys can arrive faster than renders: moves and ranges read the latest values from refs.
  const activeRef = useRef(0);
  const anchorRef = useRef(0);
  const selectionRef = useRef(p.selection);
  selectionRef.current = p.selection;
  activeRef.current = active;
  anchorRef.current = anchor;
  const focusWanted = useRef(false);
  const key = JSON.stringify(p.base);
  const { bodyHeight, first, last, pageRows } = viewport(scrollTop, height, p.total);
  const { rows, rangeIds } = useRowPages({
    source: p.source,
    base: p.base,
    version: p.version,
    first,
    last,
    onLoaded: p.onLoaded,
    onError: p.onError,
  });

  // A new filter or order starts from the top of the list.
  useEffect(() => {
    setActive(0);
    setAnchor(0);
    if (grid.current) grid.current.scrollTop = 0;
    setScrollTop(0);
  }, [key]);

  useLayoutEffect(() => {
    const el = grid.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keyboard moves focus to the active row once it is rendered.
  useEffect(() => {
    if (!focusWanted.current) return;
    // The ref, not this render's `active`: an effect of an earlier render may run late.
    const row = grid.current?.querySelector<HTMLElement>(`[data-index="${activeRef.current}"]`);
    if (row) {
      focusWanted.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const bring = (index: number) => {
    const el = grid.current;
    if (!el) return;
    el.scrollTop = scrollToShow(index, el.scrollTop, bodyHeight);
    setScrollTop(el.scrollTop);
  };
  const select = (sel: Selection) => {
    selectionRef.current = sel;
    p.onSelection(sel);
  };
  const selectRange = (a: number, b: number) => {
    rangeIds(a, b).then(
      (ids) => select(setSelected(selectionRef.current, ids, true)),
      (e: unknown) => p.onError(errorText(e)),
    );
  };
  const activate = (index: number) => {
    activeRef.current = index;
    setActive(index);
  };
  const anchorAt = (index: number) => {
    anchorRef.current = index;
    setAnchor(index);
  };
  const move = (index: number, extend: boolean) => {
    activate(index);
    focusWanted.current = true;
    bring(index);
    if (extend) selectRange(anchorRef.current, index);
    else anchorAt(index);
  };

  const perform = (action: GridAction, item: ArchiveListItem | undefined) => {
    const at = activeRef.current;
    if (action.kind === 'move') move(action.to, action.extend);
    else if (action.kind === 'range') selectRange(anchorRef.current, at);
    else if (action.kind === 'toggle' && item) select(toggle(selectionRef.current, item.id));
    else if (action.kind === 'open' && item) p.onOpen(item.id);
    else if (action.kind === 'selectAll') select({ all: true, ids: new Set() });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const item = rows.get(activeRef.current);
    const action = gridKeyAction(e, {
      active: activeRef.current,
      total: p.total,
      pageRows,
      loaded: item !== undefined,
      inTextField: e.target instanceof HTMLInputElement,
    });
    if (!action) return;
    e.preventDefault();
    perform(action, item);
  };

  const clickRow = (e: MouseEvent, index: number, item: ArchiveListItem) => {
    activate(index);
    const action = rowClickAction(e);
    if (action !== 'range') anchorAt(index);
    perform({ kind: action }, item);
  };
  const clickCheckbox = (e: MouseEvent, index: number, item: ArchiveListItem) => {
    activate(index);
    const action = checkboxClickAction(e);
    if (action === 'range') e.preventDefault();
    else anchorAt(index);
    perform({ kind: action }, item);
  };

  const rendered = [];
  for (let i = first; i < last; i++) {
    const item = rows.get(i);
    rendered.push(
      <ArchiveRow
        // Keyed by position: a row keeps its element (and focus) when its data arrives.
        key={i}
        index={i}
        item={item}
        selected={item ? isSelected(p.selection, item.id) : false}
        active={i === active}
        labels={p.labels}
        onClick={(e, it) => clickRow(e, i, it)}
        onCheckbox={(e, it) => clickCheckbox(e, i, it)}
        onFocus={() => activate(i)}
      />,
    );
  }

  return (
    <>
      <p id="archive-grid-hint" class="visually-hidden">
        {t('archiveGridHint')}
      </p>
      <div
        ref={grid}
        class="grid"
        role="grid"
        aria-label={t('archivedArticles')}
        aria-rowcount={p.total + 1}
        aria-colcount={COLUMNS.length}
        aria-multiselectable="true"
        aria-describedby="archive-grid-hint"
        data-testid="archive-grid"
        // The grid keeps a tab stop when the active row has scrolled out of the DOM.
        tabIndex={active >= first && active < last ? -1 : 0}
        onFocus={(e) => {
          if (e.target === grid.current && p.total > 0) move(Math.min(p.total - 1, rowAt(scrollTop)), false);
        }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" class="grid-head">
          <div role="row" aria-rowindex={1} class="grid-row head">
            {COLUMNS.map((c) => (
              <div
                role="columnheader"
                key={c.className + c.label()}
                class={c.className}
                aria-sort={c.key && c.key === p.base.sort ? (p.base.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.key ? (
                  <button type="button" class="sort" data-testid={`sort-${c.key}`} onClick={() => p.onSort(c.key!)}>
                    {c.label()}
                    {c.key === p.base.sort && <span aria-hidden="true">{p.base.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                  </button>
                ) : (
                  <span class="visually-hidden">{c.label()}</span>
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" class="grid-body" style={{ height: `${p.total * ROW_HEIGHT}px` }}>
          {rendered}
        </div>
      </div>
    </>
  );
}
