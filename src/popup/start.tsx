import { render } from 'preact';
import type { AnalyzeResponse } from '../shared/messages';
import { getBrowser } from '../shared/browser';
import { startPage } from '../ui/page';
import { App } from './App';

/** Sets the page up (messages, theme) and renders the popup for an analysis already asked for. */
export function start(root: HTMLElement, tabId: number | undefined, analysis: Promise<AnalyzeResponse>): void {
  void startPage(getBrowser(), 'popupPageTitle').finally(() => render(<App tabId={tabId} analysis={analysis} />, root));
}
