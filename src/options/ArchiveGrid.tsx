import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveListItem, ArchiveSort, ListQuery } from '../shared/messages';
import { formatDate } from '../ui/format';
import { t } from '../shared/i18n';
import { isSelected, setSelected, toggle, type Selection } from './selection';
import { errorText } from '../core/errors';

export const ROW_HEIGHT = 36;
/** Rows fetched per request; pages are cached until the list changes. */
export const FETCH_PAGE = 100;
/** Rows rendered above and below the visible ones, so fast scrolling rarely shows blanks. */
const OVERSCAN = 8;

export interface GridSource {
  list(query: ListQuery): Promise<{ total: number; items: ArchiveListItem[]; pending: number }>;
  ids(query: ListQuery): Promise<string[]>;
}

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
 * at a time as they scroll into view. Keys: arrows, Page Up/Down, Home/End move; Shift with
 * them extends the selection; Space selects; Enter opens; Ctrl+A selects every match.
 */
export function ArchiveGrid(p: Props) {
  const grid = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [rows, setRows] = useState<Map<number, ArchiveListItem>>(new Map());
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState(0);
  const requested = useRef(new Set<number>());
  // Keys can arrive faster than renders: moves and ranges read the latest values from refs.
  const activeRef = useRef(0);
  const anchorRef = useRef(0);
  const selectionRef = useRef(p.selection);
  selectionRef.current = p.selection;
  activeRef.current = active;
  anchorRef.current = anchor;
  const generation = useRef(0);
  const focusWanted = useRef(false);
  const key = JSON.stringify(p.base);

  // A new filter or order: forget the rows and start from the top of the list. An archive
  // change (or indexing progress) asks for the rows again but shows the old ones meanwhile.
  useEffect(() => {
    generation.current++;
    requested.current = new Set();
  }, [key, p.version]);
  useEffect(() => {
    setRows(new Map());
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

  const bodyHeight = Math.max(0, height - ROW_HEIGHT);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(p.total, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN);

  // Fetch the pages the visible rows fall in, and page 0 always: its answer carries the total.
  useEffect(() => {
    const wanted = new Set<number>([0, Math.floor(first / FETCH_PAGE)]);
    for (let i = first; i < last; i += FETCH_PAGE) wanted.add(Math.floor(i / FETCH_PAGE));
    if (last > 0) wanted.add(Math.floor((last - 1) / FETCH_PAGE));
    const gen = generation.current;
    for (const page of wanted) {
      if (requested.current.has(page)) continue;
      requested.current.add(page);
      p.source.list({ ...p.base, offset: page * FETCH_PAGE, limit: FETCH_PAGE }).then((answer) => {
        if (gen !== generation.current) return;
        if (page === 0) p.onLoaded(answer.total, answer.pending, key);
        setRows((old) => {
          const next = new Map(old);
          answer.items.forEach((item, i) => next.set(page * FETCH_PAGE + i, item));
          return next;
        });
      }, (e: unknown) => {
        // Not asked again until the list or the archive changes: no retry loop against a failing background.
        if (gen === generation.current) p.onError(errorText(e));
      });
    }
  });

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

  const visibleRows = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT));
  const bring = (index: number) => {
    const el = grid.current;
    if (!el) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + bodyHeight) el.scrollTop = top + ROW_HEIGHT - bodyHeight;
    setScrollTop(el.scrollTop);
  };

  /** Ids of rows a..b (inclusive): from the cache when loaded, else asked for. */
  const rangeIds = async (a: number, b: number): Promise<string[]> => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const cached: string[] = [];
    for (let i = lo; i <= hi; i++) {
      const row = rows.get(i);
      if (!row) return p.source.ids({ ...p.base, offset: lo, limit: hi - lo + 1 });
      cached.push(row.id);
    }
    return cached;
  };
  const select = (sel: Selection) => {
    selectionRef.current = sel;
    p.onSelection(sel);
  };
  const selectRange = (a: number, b: number) => {
    rangeIds(a, b).then((ids) => select(setSelected(selectionRef.current, ids, true)), (e: unknown) => p.onError(errorText(e)));
  };
  const activate = (index: number) => {
    activeRef.current = index;
    setActive(index);
  };
  const anchorAt = (index: number) => {
    anchorRef.current = index;
    setAnchor(index);
  };

  const move = (to: number, extend: boolean) => {
    const index = Math.max(0, Math.min(p.total - 1, to));
    activate(index);
    focusWanted.current = true;
    bring(index);
    if (extend) selectRange(anchorRef.current, index);
    else anchorAt(index);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (p.total === 0) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLInputElement && e.key === ' ') return;
    const at = activeRef.current;
    const keys: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + visibleRows, PageUp: at - visibleRows, Home: 0, End: p.total - 1 };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key]!, e.shiftKey);
      return;
    }
    const row = rows.get(at);
    if (e.key === ' ' && row) {
      e.preventDefault();
      if (e.shiftKey) selectRange(anchorRef.current, at);
      else select(toggle(selectionRef.current, row.id));
    } else if (e.key === 'Enter' && row) {
      e.preventDefault();
      p.onOpen(row.id);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      select({ all: true, ids: new Set() });
    }
  };

  const clickRow = (e: MouseEvent, index: number, item: ArchiveListItem) => {
    activate(index);
    if (e.shiftKey) {
      selectRange(anchorRef.current, index);
      return;
    }
    anchorAt(index);
    if (e.ctrlKey || e.metaKey) select(toggle(selectionRef.current, item.id));
    else p.onOpen(item.id);
  };

  const rendered = [];
  for (let i = first; i < last; i++) {
    const item = rows.get(i);
    const selected = item ? isSelected(p.selection, item.id) : false;
    rendered.push(
      <div
        // Keyed by position: a row keeps its element (and focus) when its data arrives.
        key={i}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={item ? selected : undefined}
        tabIndex={i === active ? 0 : -1}
        data-index={i}
        data-testid="archive-row"
        data-id={item?.id}
        class={`grid-row${selected ? ' selected' : ''}${i === active ? ' active' : ''}`}
        style={{ top: `${i * ROW_HEIGHT}px` }}
        onClick={item ? (e) => clickRow(e, i, item) : undefined}
        onFocus={() => activate(i)}
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
                  activate(i);
                  if (e.shiftKey) {
                    e.preventDefault();
                    selectRange(anchorRef.current, i);
                  } else {
                    anchorAt(i);
                    select(toggle(selectionRef.current, item.id));
                  }
                }}
              />
            </div>
            <div role="gridcell" class="c-title" data-testid="row-title">{item.title || t('noHeadline')}</div>
            <div role="gridcell" class="c-outlet">
              <span data-testid="row-outlet">{item.outlet || t('outletUnknown')}</span>
              {p.labels(item.outlet).map((g) => <span class="chip group-chip" key={g} data-testid="group-label">{g}</span>)}
            </div>
            <div role="gridcell" class="c-date" data-testid="row-published">{formatDate(item.published)}</div>
            <div role="gridcell" class="c-date">{formatDate(new Date(item.savedAt).toISOString())}</div>
          </>
        ) : (
          <div role="gridcell" class="c-loading">{t('archiveLoading')}</div>
        )}
      </div>,
    );
  }

  return (
    <>
    <p id="archive-grid-hint" class="visually-hidden">{t('archiveGridHint')}</p>
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
        if (e.target === grid.current && p.total > 0) move(Math.floor(scrollTop / ROW_HEIGHT), false);
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
