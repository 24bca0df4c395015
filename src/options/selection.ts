/**
 * The rows the reader selected in a list that is never all loaded: either some ids, or
 * every record that matches the current filters except some ids ("select all matching").
 * Ranges (shift-click, shift+arrows) add the ids between two rows.
 */
export interface Selection {
  all: boolean;
  /** Selected ids, or with `all` the ones left out. */
  ids: ReadonlySet<string>;
}

export const NONE: Selection = { all: false, ids: new Set() };
export const ALL: Selection = { all: true, ids: new Set() };

export function isSelected(sel: Selection, id: string): boolean {
  return sel.all !== sel.ids.has(id);
}

export function selectedCount(sel: Selection, total: number): number {
  return sel.all ? Math.max(0, total - sel.ids.size) : sel.ids.size;
}

/** Selects or unselects these ids. */
export function setSelected(sel: Selection, ids: readonly string[], on: boolean): Selection {
  const next = new Set(sel.ids);
  // With `all`, the set holds exceptions: selecting removes them.
  const add = sel.all ? !on : on;
  for (const id of ids) {
    if (add) next.add(id);
    else next.delete(id);
  }
  return { all: sel.all, ids: next };
}

export function toggle(sel: Selection, id: string): Selection {
  return setSelected(sel, [id], !isSelected(sel, id));
}
