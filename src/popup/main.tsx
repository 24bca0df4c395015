import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { App } from './App';
import { targetTabId } from './connector';

const root = document.getElementById('app');
if (root) render(<App tabId={targetTabId(location.search)} />, root);
