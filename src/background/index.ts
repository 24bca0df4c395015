import type { Runtime } from 'webextension-polyfill';
import { getBrowser } from '../shared/browser';
import { Archive } from './archive';
import { clearOnNavigation } from './badge';
import { createCompareMenu, onCompareMenuClick } from './contextMenu';
import { openArchiveDb } from './db';
import type { BackgroundDeps } from './deps';
import { handlers } from './handlers';
import { MatchIndexStore } from './matchIndexStore';
import { CatalogStore } from './catalogStore';
import { inForeground, measure } from './mirror';
import { createRouter } from './router';
import { TermBackgroundStore } from './termBackgroundStore';
import { discardStaleImports } from './stagedImport';
import { AutoCapture, onHostAccessRemoved } from './capture';
import { RETENTION_ALARM, RETENTION_PERIOD_MINUTES, RetentionRunner } from './retention';
import { readRetention } from '../shared/settings';
import { createFeedService } from './feeds/setup';
import { installI18n, t } from '../shared/i18n';
import { errorText } from '../core/errors';

/**
 * The service worker (uBlock Origin Lite's discipline): every listener is registered
 * synchronously at the top level, so an event that wakes the worker finds its listener,
 * and the router waits for `ready()` before it runs a message's handler. The worker can be
 * stopped at any moment: the archive is in IndexedDB and the match index is a cache rebuilt
 * from it.
 */
const browser = getBrowser();
// Replies in the browser's UI language (the popup shows them as they are).
installI18n(browser.i18n);

let initialized: Promise<BackgroundDeps> | null = null;

/** Opens the database once (a failed start is retried on the next message). */
function ready(): Promise<BackgroundDeps> {
  initialized ??= initialize().catch((e: unknown) => {
    initialized = null;
    throw new Error(t('errArchiveOpen', [errorText(e)]));
  });
  return initialized;
}

/**
 * Opens the database and starts restoring the match index, the one thing a click needs:
 * the popup's tab is read meanwhile (searches wait for the index). The catalog and the term
 * background are read when something first asks for them.
 */
async function initialize(): Promise<BackgroundDeps> {
  const opening = performance.now();
  const archive = new Archive(await openArchiveDb());
  measure('framelens:open', opening);
  const keepAlive = () => browser.runtime.getPlatformInfo().catch(() => undefined);
  const matches = MatchIndexStore.start(archive, keepAlive);
  let catalog: Promise<CatalogStore> | null = null;
  const openCatalog = () => {
    catalog ??= CatalogStore.open(archive, keepAlive, (urgent) => matches.caughtUp(urgent).catch(() => undefined)).catch((e: unknown) => {
      catalog = null;
      throw e;
    });
    return catalog;
  };
  const readSample = async () => {
    const res = await fetch(browser.runtime.getURL('sample/sample.ndjson'));
    if (!res.ok) throw new Error(t('errSampleMissing'));
    return res.text();
  };
  const terms = TermBackgroundStore.start(archive);
  archive.onChange((change) => retention.afterWrite(change.put.length));
  const feeds = createFeedService(browser, archive);
  // Polls a stopped worker left unfinished resume now; alarms are checked against the feeds.
  void feeds.start().catch((e: unknown) => console.error(e));
  return { browser, archive, matches, catalog: openCatalog, terms, feeds, readSample };
}

// Collecting articles by themselves: auto-capture of visited news pages (opt-in) and retention.
const capture = new AutoCapture(browser, ready);
const retention = new RetentionRunner(
  () => readRetention(browser.storage),
  async () => (await ready()).archive,
);

/** The retention alarm exists once per profile; creating it again only resets its period. */
async function ensureRetentionAlarm(): Promise<void> {
  if (!(await browser.alarms.get(RETENTION_ALARM)))
    await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES });
}

const route = createRouter(handlers, ready, { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') });

/**
 * The popup's messages: a reader waits for their answer, so indexing steps aside while they
 * are answered. Not the options page's: it asks every few seconds during a large import
 * (counting 100k rows takes seconds), and indexing would hardly run.
 */
const CLICK_PATH = new Set(['tab/analyze', 'tab/related']);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const type = typeof message === 'object' && message !== null && 'type' in message ? message.type : null;
  return CLICK_PATH.has(String(type)) ? inForeground(() => route(message, sender)) : route(message, sender);
});

browser.runtime.onInstalled.addListener(({ reason }) => {
  // Runs the schema migrations now rather than on the first click, and clears imports a
  // previous version left half-staged.
  void ready()
    .then((deps) => discardStaleImports(deps.archive))
    .catch((e: unknown) => console.error(e));
  createCompareMenu(browser);
  void ensureRetentionAlarm().catch((e: unknown) => console.error(e));
  // A first-run page says what Framelens does and offers the sample archive.
  if (reason === 'install')
    void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') }).catch((e: unknown) => console.error(e));
});

browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
  clearOnNavigation(browser, tabId, changeInfo.status);
  void capture.onTabUpdated(changeInfo, tab)?.catch((e: unknown) => console.error(e));
});
browser.permissions.onRemoved.addListener((removed) => void onHostAccessRemoved(browser, removed).catch((e: unknown) => console.error(e)));
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETENTION_ALARM) void retention.run().catch((e: unknown) => console.error(e));
});
browser.runtime.onStartup.addListener(() => void ensureRetentionAlarm().catch((e: unknown) => console.error(e)));

(browser.contextMenus as typeof browser.contextMenus | undefined)?.onClicked.addListener((info, tab) => {
  void onCompareMenuClick(browser, info, tab).catch((e: unknown) => console.error(e));
});

// A feed's poll is due (feed subscriptions).
browser.alarms.onAlarm.addListener((alarm) => {
  void ready()
    .then((deps) => deps.feeds.onAlarm(alarm.name))
    .catch((e: unknown) => console.error(e));
});

void ready().catch((e: unknown) => console.error(e));
