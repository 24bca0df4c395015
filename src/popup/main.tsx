import '../ui/theme.css';
import './popup.css';
import { analyzeTab, targetTabId } from './connector';

const root = document.getElementById('app');
if (root) {
  // The tab is read while the rest of the page (Preact, the views) loads, sets itself up and
  // renders: the ask goes out once the connector alone is loaded. The styles stay in the
  // page's head, so the first paint is already in the reader's theme.
  const tabId = targetTabId(location.search);
  const analysis = analyzeTab(tabId);
  void import('./start').then(({ start }) => start(root, tabId, analysis));
}
