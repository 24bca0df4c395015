/**
 * The colour theme setting shared by the popup, options, comparison and welcome pages:
 * "system" follows prefers-color-scheme (theme.css), "light" and "dark" force it. Stored in
 * storage.local, so every open page follows a change made on any of them.
 */
import { readStored, watchStored, type StorageArea } from '../shared/storage';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
export const THEME_KEY = 'theme';

/** The slice of `browser.storage` the setting needs (the browser seam passes the real one). */
export type ThemeStorage = StorageArea;

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** Sets `data-theme` on the root element, which theme.css reads; "system" removes it. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export async function readTheme(storage: ThemeStorage): Promise<Theme> {
  const stored = await readStored(storage, THEME_KEY);
  return isTheme(stored) ? stored : 'system';
}

export async function saveTheme(storage: ThemeStorage, theme: Theme): Promise<void> {
  await storage.local.set({ [THEME_KEY]: theme });
}

/** Calls `onChange` whenever another page (or this one) stores a new theme. */
export function watchTheme(storage: ThemeStorage, onChange: (theme: Theme) => void): void {
  watchStored(storage, THEME_KEY, (next) => onChange(isTheme(next) ? next : 'system'));
}
