import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { getBrowser } from '../shared/browser';
import { startPage } from '../ui/page';
import { App } from './App';
import { analyzeTab, targetTabId } from './connector';

const root = document.getElementById('app');
if (root) {
  // The tab is read while the page sets itself up (messages, theme) and renders its first frame.
  const tabId = targetTabId(location.search);
  const analysis = analyzeTab(tabId);
  void startPage(getBrowser(), 'popupPageTitle').finally(() => render(<App tabId={tabId} analysis={analysis} />, root));
}
