import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { getBrowser } from '../shared/browser';
import { startPage } from '../ui/page';
import { App } from './App';
import { targetTabId } from './connector';

const root = document.getElementById('app');
if (root) {
  void startPage(getBrowser(), 'popupPageTitle').finally(() => render(<App tabId={targetTabId(location.search)} />, root));
}
