import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { getBrowser } from '../shared/browser';
import { startPage } from '../ui/page';
import { OptionsApp } from './OptionsApp';
import { initialQuery } from './viewState';

const root = document.getElementById('app');
if (root) {
  const browser = getBrowser();
  // `?q=` comes from the "Compare coverage" context-menu entry on selected text.
  void startPage(browser, 'optionsPageTitle').finally(() =>
    render(<OptionsApp initialQuery={initialQuery(location.search)} browser={browser} />, root),
  );
}
