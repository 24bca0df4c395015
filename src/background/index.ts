import type { Runtime } from 'webextension-polyfill';
import { getBrowser } from '../shared/browser';
import { Archive } from './archive';
import { clearOnNavigation } from './badge';
import { createCompareMenu, onCompareMenuClick } from './contextMenu';
import { openArchiveDb } from './db';
import { createHandlers, type BackgroundDeps } from './handlers';
import { MatchIndexStore } from './matchIndexStore';
import { CatalogStore } from './catalogStore';
import { createRouter } from './router';
import { TermBackgroundStore } from './termBackgroundStore';
import { discardStaleImports } from './stagedImport';
import { installI18n, t } from '../shared/i18n';

/**
 * The service worker (uBlock Origin Lite's discipline): every listener is registered
 * synchronously at the top level, so an event that wakes the worker finds its listener,
 * and handlers wait for `initialized`. The worker can be stopped at any moment: the
 * archive is in IndexedDB and the match index is a cache rebuilt from it.
 */
const browser = getBrowser();
// Replies in the browser's UI language (the popup shows them as they are).
installI18n(browser.i18n);

let initialized: Promise<BackgroundDeps> | null = null;

/** Opens the database and loads the match index once; a failed start is retried on the next message. */
function ready(): Promise<BackgroundDeps> {
  initialized ??= initialize().catch((e: unknown) => {
    initialized = null;
    throw new Error(t('errArchiveOpen', [e instanceof Error ? e.message : String(e)]));
  });
  return initialized;
}

async function initialize(): Promise<BackgroundDeps> {
  const archive = new Archive(await openArchiveDb());
  const keepAlive = () => browser.runtime.getPlatformInfo().catch(() => undefined);
  const matches = await MatchIndexStore.open(archive, keepAlive);
  const catalog = await CatalogStore.open(archive, keepAlive);
  const readSample = async () => {
    const res = await fetch(browser.runtime.getURL('sample/sample.ndjson'));
    if (!res.ok) throw new Error(t('errSampleMissing'));
    return res.text();
  };
  const terms = await TermBackgroundStore.open(archive);
  return { browser, archive, matches, catalog, terms, readSample };
}

const route = createRouter(createHandlers(ready), { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') });

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

browser.runtime.onInstalled.addListener(({ reason }) => {
  // Runs the schema migrations now rather than on the first click, and clears imports a
  // previous version left half-staged.
  void ready().then((deps) => discardStaleImports(deps.archive)).catch((e: unknown) => console.error(e));
  createCompareMenu(browser);
  // A first-run page says what Framelens does and offers the sample archive.
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') }).catch((e: unknown) => console.error(e));
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => clearOnNavigation(browser, tabId, changeInfo.status));

(browser.contextMenus as typeof browser.contextMenus | undefined)?.onClicked.addListener((info, tab) => {
  void onCompareMenuClick(browser, info, tab).catch((e: unknown) => console.error(e));
});

void ready().catch((e: unknown) => console.error(e));
