import { describe, expect, it } from 'vitest';
import { checkboxClickAction, clampRow, gridKeyAction, rowClickAction, type GridPosition, type KeyPress } from '../../src/options/gridKeys';
import { ROW_HEIGHT, OVERSCAN, rowAt, scrollToShow, viewport } from '../../src/options/gridViewport';
import { FETCH_PAGE, pagesFor } from '../../src/options/useRowPages';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });
const at = (over: Partial<GridPosition> = {}): GridPosition => ({
  active: 10,
  total: 100,
  pageRows: 7,
  loaded: true,
  inTextField: false,
  ...over,
});

describe('archive grid keys', () => {
  it('moves the active row by one, a page, or to either end, and stops at the ends', () => {
    expect(gridKeyAction(press('ArrowDown'), at())).toEqual({ kind: 'move', to: 11, extend: false });
    expect(gridKeyAction(press('ArrowUp'), at())).toEqual({ kind: 'move', to: 9, extend: false });
    expect(gridKeyAction(press('PageDown'), at())).toEqual({ kind: 'move', to: 17, extend: false });
    expect(gridKeyAction(press('PageUp'), at())).toEqual({ kind: 'move', to: 3, extend: false });
    expect(gridKeyAction(press('Home'), at())).toEqual({ kind: 'move', to: 0, extend: false });
    expect(gridKeyAction(press('End'), at())).toEqual({ kind: 'move', to: 99, extend: false });
    expect(gridKeyAction(press('ArrowUp'), at({ active: 0 }))).toEqual({ kind: 'move', to: 0, extend: false });
    expect(gridKeyAction(press('PageDown'), at({ active: 97 }))).toEqual({ kind: 'move', to: 99, extend: false });
    expect(gridKeyAction(press('PageUp'), at({ active: 2 }))).toEqual({ kind: 'move', to: 0, extend: false });
  });

  it('extends the selection when Shift is held with a move', () => {
    expect(gridKeyAction(press('ArrowDown', { shiftKey: true }), at())).toEqual({ kind: 'move', to: 11, extend: true });
    expect(gridKeyAction(press('End', { shiftKey: true }), at())).toEqual({ kind: 'move', to: 99, extend: true });
  });

  it('selects with Space, a range with Shift+Space, opens with Enter, only on a loaded row', () => {
    expect(gridKeyAction(press(' '), at())).toEqual({ kind: 'toggle' });
    expect(gridKeyAction(press(' ', { shiftKey: true }), at())).toEqual({ kind: 'range' });
    expect(gridKeyAction(press('Enter'), at())).toEqual({ kind: 'open' });
    expect(gridKeyAction(press(' '), at({ loaded: false }))).toBeNull();
    expect(gridKeyAction(press('Enter'), at({ loaded: false }))).toBeNull();
  });

  it('leaves Space to a text field, and every key to the browser in an empty list', () => {
    expect(gridKeyAction(press(' '), at({ inTextField: true }))).toBeNull();
    expect(gridKeyAction(press('ArrowDown'), at({ inTextField: true }))).toEqual({ kind: 'move', to: 11, extend: false });
    for (const key of ['ArrowDown', 'End', ' ', 'Enter', 'a'])
      expect(gridKeyAction(press(key, { ctrlKey: true }), at({ total: 0, active: 0 }))).toBeNull();
  });

  it('selects every match with Ctrl+A or Cmd+A, loaded or not, and ignores a plain A', () => {
    expect(gridKeyAction(press('a', { ctrlKey: true }), at())).toEqual({ kind: 'selectAll' });
    expect(gridKeyAction(press('A', { metaKey: true }), at({ loaded: false }))).toEqual({ kind: 'selectAll' });
    expect(gridKeyAction(press('a'), at())).toBeNull();
    expect(gridKeyAction(press('Tab'), at())).toBeNull();
  });

  it('opens on a click, toggles on Ctrl/Cmd+click, selects a range on Shift+click; the checkbox never opens', () => {
    const mods = (m: Partial<KeyPress> = {}) => ({ shiftKey: false, ctrlKey: false, metaKey: false, ...m });
    expect(rowClickAction(mods())).toBe('open');
    expect(rowClickAction(mods({ ctrlKey: true }))).toBe('toggle');
    expect(rowClickAction(mods({ metaKey: true }))).toBe('toggle');
    expect(rowClickAction(mods({ shiftKey: true, ctrlKey: true }))).toBe('range');
    expect(checkboxClickAction({ shiftKey: false })).toBe('toggle');
    expect(checkboxClickAction({ shiftKey: true })).toBe('range');
    expect(clampRow(-3, 10)).toBe(0);
    expect(clampRow(12, 10)).toBe(9);
  });
});

describe('archive grid viewport', () => {
  it('renders the rows in view and a margin either side, within the list', () => {
    const height = ROW_HEIGHT * 11; // the header and ten rows
    expect(viewport(0, height, 1000)).toEqual({ bodyHeight: ROW_HEIGHT * 10, first: 0, last: 10 + OVERSCAN, pageRows: 10 });
    expect(viewport(ROW_HEIGHT * 100, height, 1000)).toMatchObject({ first: 100 - OVERSCAN, last: 110 + OVERSCAN });
    expect(viewport(ROW_HEIGHT * 995, height, 1000)).toMatchObject({ last: 1000 });
    expect(viewport(0, 10, 5)).toEqual({ bodyHeight: 0, first: 0, last: 5, pageRows: 1 });
    expect(rowAt(ROW_HEIGHT * 42 + 5)).toBe(42);
  });

  it('scrolls as little as it can to show a row whole', () => {
    const body = ROW_HEIGHT * 10;
    expect(scrollToShow(5, 0, body)).toBe(0);
    expect(scrollToShow(3, ROW_HEIGHT * 4, body)).toBe(ROW_HEIGHT * 3);
    expect(scrollToShow(20, 0, body)).toBe(ROW_HEIGHT * 21 - body);
    expect(scrollToShow(14, ROW_HEIGHT * 5, body)).toBe(ROW_HEIGHT * 5);
  });

  it('asks for the pages the rendered rows fall in, and the first page always', () => {
    expect([...pagesFor(0, 30)].sort((a, b) => a - b)).toEqual([0]);
    expect([...pagesFor(FETCH_PAGE * 5 - 3, FETCH_PAGE * 5 + 20)].sort((a, b) => a - b)).toEqual([0, 4, 5]);
    expect([...pagesFor(FETCH_PAGE * 2, FETCH_PAGE * 4 + 1)].sort((a, b) => a - b)).toEqual([0, 2, 3, 4]);
    expect([...pagesFor(0, 0)]).toEqual([0]);
  });
});
