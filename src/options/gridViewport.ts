/** Where the archive grid's rows sit: fixed-height rows in a scrolled box whose first row is the column header. */

export const ROW_HEIGHT = 36;
/** Rows rendered above and below the visible ones, so fast scrolling rarely shows blanks. */
export const OVERSCAN = 8;

export interface Viewport {
  /** Height of the rows' area (the box less the header). */
  bodyHeight: number;
  /** Rows to render: first .. last - 1. */
  first: number;
  last: number;
  /** Whole rows in view (at least 1): how far Page Up/Down move. */
  pageRows: number;
}

export function viewport(scrollTop: number, height: number, total: number): Viewport {
  const bodyHeight = Math.max(0, height - ROW_HEIGHT);
  return {
    bodyHeight,
    first: Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN),
    last: Math.min(total, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN),
    pageRows: Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT)),
  };
}

/** The row at the top of the view. */
export function rowAt(scrollTop: number): number {
  return Math.floor(scrollTop / ROW_HEIGHT);
}

/** The scroll position that shows row `index` whole, moving as little as it can. */
export function scrollToShow(index: number, scrollTop: number, bodyHeight: number): number {
  const top = index * ROW_HEIGHT;
  if (top < scrollTop) return top;
  if (top + ROW_HEIGHT > scrollTop + bodyHeight) return top + ROW_HEIGHT - bodyHeight;
  return scrollTop;
}
