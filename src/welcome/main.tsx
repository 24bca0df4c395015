import { render } from 'preact';
import '../ui/theme.css';
import './welcome.css';
import { getBrowser } from '../shared/browser';
import { startPage } from '../ui/page';
import { WelcomePage } from './WelcomePage';

const root = document.getElementById('app');
if (root) {
  const browser = getBrowser();
  void startPage(browser, 'welcomePageTitle').finally(() => render(<WelcomePage browser={browser} />, root));
}
