import { installI18n, t, uiLocale, type I18nApi, type MessageKey } from '../shared/i18n';
import { applyTheme, readTheme, watchTheme, type ThemeStorage } from './theme';

/** What an extension page needs from the browser seam before it renders. */
export interface PageBrowser {
  i18n: I18nApi;
  storage: ThemeStorage;
}

/**
 * Sets up an extension page before its first render: messages and `<html lang>` in the
 * browser's UI language, the localized title, and the stored theme (applied before the first
 * paint so a dark-mode reader never sees a white flash), kept in step with the other pages.
 */
export async function startPage(browser: PageBrowser, titleKey: MessageKey): Promise<void> {
  installI18n(browser.i18n);
  document.documentElement.lang = uiLocale();
  document.title = t(titleKey);
  applyTheme(await readTheme(browser.storage));
  watchTheme(browser.storage, (theme) => applyTheme(theme));
}
