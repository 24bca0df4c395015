import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { getBrowser } from '../shared/browser';
import { installI18n, uiLocale } from '../ui/i18n';
import { applyTheme, readTheme, watchTheme } from '../ui/theme';
import { initialQuery } from './connector';
import { OptionsApp } from './OptionsApp';

/**
 * The shared page setup (as src/ui/page.ts startPage, which needs a localized title this
 * page does not have yet): the shared components' messages, and the stored theme applied
 * before the first paint and kept in step with the other pages.
 */
async function start(): Promise<void> {
  const browser = getBrowser();
  installI18n(browser.i18n);
  document.documentElement.lang = uiLocale();
  applyTheme(await readTheme(browser.storage));
  watchTheme(browser.storage, (theme) => applyTheme(theme));
}

const root = document.getElementById('app');
if (root) void start().finally(() => render(<OptionsApp initialQuery={initialQuery(location.search)} />, root));
