import { errorText } from '../core/errors';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveListItem, ListQuery } from '../shared/messages';

/** Rows fetched per request; pages are cached until the list changes. */
export const FETCH_PAGE = 100;

export interface GridSource {
  list(query: ListQuery): Promise<{ total: number; items: ArchiveListItem[]; pending: number }>;
  ids(query: ListQuery): Promise<string[]>;
}

/** The pages rows first .. last - 1 fall in, and page 0 always: its answer carries the total. */
export function pagesFor(first: number, last: number): Set<number> {
  const wanted = new Set<number>([0, Math.floor(first / FETCH_PAGE)]);
  for (let i = first; i < last; i += FETCH_PAGE) wanted.add(Math.floor(i / FETCH_PAGE));
  if (last > 0) wanted.add(Math.floor((last - 1) / FETCH_PAGE));
  return wanted;
}

interface Options {
  source: GridSource;
  /** The filter and order (offset and limit are the pages'). */
  base: ListQuery;
  /** Bumped when the archive changed: rows are asked again, the old ones shown meanwhile. */
  version: number;
  /** The rows in view. */
  first: number;
  last: number;
  /** The first page's answer: total, records still being indexed, and the list (JSON of `base`) it is for. */
  onLoaded(total: number, pending: number, forKey: string): void;
  onError(message: string): void;
}

/**
 * The list's rows by position, fetched a page at a time as they come into view. A page
 * that failed is not asked again until the list or the archive changes: no retry loop
 * against a failing background.
 */
export function useRowPages(o: Options): { rows: Map<number, ArchiveListItem>; rangeIds(a: number, b: number): Promise<string[]> } {
  const [rows, setRows] = useState<Map<number, ArchiveListItem>>(new Map());
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(o.base);

  // A new filter or order forgets the rows; an archive change (or indexing progress) only asks again.
  useEffect(() => {
    generation.current++;
    requested.current = new Set();
  }, [key, o.version]);
  useEffect(() => setRows(new Map()), [key]);

  useEffect(() => {
    const gen = generation.current;
    for (const page of pagesFor(o.first, o.last)) {
      if (requested.current.has(page)) continue;
      requested.current.add(page);
      o.source.list({ ...o.base, offset: page * FETCH_PAGE, limit: FETCH_PAGE }).then(
        (answer) => {
          if (gen !== generation.current) return;
          if (page === 0) o.onLoaded(answer.total, answer.pending, key);
          setRows((old) => {
            const next = new Map(old);
            answer.items.forEach((item, i) => next.set(page * FETCH_PAGE + i, item));
            return next;
          });
        },
        (e: unknown) => {
          if (gen === generation.current) o.onError(errorText(e));
        },
      );
    }
  });

  /** Ids of rows a..b (inclusive): from the cache when loaded, else asked for. */
  const rangeIds = async (a: number, b: number): Promise<string[]> => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const cached: string[] = [];
    for (let i = lo; i <= hi; i++) {
      const row = rows.get(i);
      if (!row) return o.source.ids({ ...o.base, offset: lo, limit: hi - lo + 1 });
      cached.push(row.id);
    }
    return cached;
  };

  return { rows, rangeIds };
}
