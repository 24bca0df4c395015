/**
 * What a key or a click does in the archive grid (WAI-ARIA grid pattern with row focus):
 * arrows, Page Up/Down, Home/End move the active row, with Shift extending the selection
 * from the anchor; Space selects (Shift+Space: from the anchor); Enter opens; Ctrl+A (or
 * Cmd+A) selects every match. A click opens a row, Ctrl/Cmd+click toggles it, Shift+click
 * selects the range; a click on the row's checkbox toggles instead of opening.
 */

export type GridAction =
  /** Make row `to` active; `extend` selects anchor..to, else `to` becomes the anchor. */
  | { kind: 'move'; to: number; extend: boolean }
  /** Select or unselect the active row. */
  | { kind: 'toggle' }
  /** Select the rows from the anchor to the active row. */
  | { kind: 'range' }
  | { kind: 'open' }
  | { kind: 'selectAll' };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export interface GridPosition {
  /** The active row. */
  active: number;
  /** Rows in the list. */
  total: number;
  /** Rows a page key moves. */
  pageRows: number;
  /** Whether the active row's data has arrived (Space and Enter need it). */
  loaded: boolean;
  /** Whether the key went to a text field in the grid (Space types there). */
  inTextField: boolean;
}

/** The action for a key, or null when the grid leaves the key to the browser. */
export function gridKeyAction(e: KeyPress, at: GridPosition): GridAction | null {
  if (at.total === 0) return null;
  if (at.inTextField && e.key === ' ') return null;
  const a = at.active;
  const moves: Record<string, number> = {
    ArrowDown: a + 1,
    ArrowUp: a - 1,
    PageDown: a + at.pageRows,
    PageUp: a - at.pageRows,
    Home: 0,
    End: at.total - 1,
  };
  const to = moves[e.key];
  if (to !== undefined) return { kind: 'move', to: clampRow(to, at.total), extend: e.shiftKey };
  if (e.key === ' ' && at.loaded) return e.shiftKey ? { kind: 'range' } : { kind: 'toggle' };
  if (e.key === 'Enter' && at.loaded) return { kind: 'open' };
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') return { kind: 'selectAll' };
  return null;
}

/** A click on a loaded row (which becomes the active row). */
export function rowClickAction(e: Omit<KeyPress, 'key'>): 'range' | 'toggle' | 'open' {
  if (e.shiftKey) return 'range';
  return e.ctrlKey || e.metaKey ? 'toggle' : 'open';
}

/** A click on a row's checkbox. */
export function checkboxClickAction(e: Pick<KeyPress, 'shiftKey'>): 'range' | 'toggle' {
  return e.shiftKey ? 'range' : 'toggle';
}

export function clampRow(index: number, total: number): number {
  return Math.max(0, Math.min(total - 1, index));
}
