import { render } from 'preact';
import '../ui/theme.css';
import './compare.css';
import { getBrowser } from '../shared/browser';
import { startPage } from '../ui/page';
import { ComparePage } from './ComparePage';

const root = document.getElementById('app');
if (root) {
  const browser = getBrowser();
  void startPage(browser, 'comparePageTitle').finally(() =>
    render(<ComparePage search={location.search} storage={browser.storage} />, root),
  );
}
