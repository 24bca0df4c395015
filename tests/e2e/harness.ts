/**
 * End-to-end harness: the built extension (dist-test/) in Debian's Chromium, fixture pages
 * on 127.0.0.1, and recorders for what the extension does (requests, errors, dialogs).
 * Never a downloaded browser: executablePath is /usr/bin/chromium (CHROMIUM_PATH overrides).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { ExtractResult } from '../../src/core/types';

import { collectProblems, recordRequests, type Problems } from './harness-recorders';

export { collectProblems, recordRequests, type Problems, type RecordedRequest } from './harness-recorders';

export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const TEST_BUILD_DIR = `${REPO_DIR}dist-test`;
export const FIXTURE_PAGES_DIR = `${REPO_DIR}tests/fixtures/pages`;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The brief's flags: no first-run UI, no sync/updates/background traffic of the browser itself. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * No test needs the network: every host name except 127.0.0.1 fails to resolve, so a fixture
 * page's remote scripts and trackers (kept as in the real page) never load. Requests still
 * show up in `recordRequests`, which is what the privacy tests look at.
 */
export const OFFLINE_FLAG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/**
 * The slice of Chrome's promise-based extension API that tests run inside the service worker
 * (`serviceWorker.evaluate` serialises the function; this only types it).
 */
interface ChromeInWorker {
  runtime: { getManifest(): { name: string; version: string; host_permissions?: string[] } };
  tabs: { query(q: Record<string, never>): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>> };
  scripting: {
    executeScript<T>(injection: { target: { tabId: number }; files?: string[]; func?: () => T }): Promise<Array<{ result?: T }>>;
  };
}
declare const chrome: ChromeInWorker;

// ---------------------------------------------------------------- fixture pages

export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The URL of a fixture page: `${origin}/${slug}/`. */
  url(slug: string): string;
  /** Every path requested so far, in order (a page's own subresources show up here too). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves tests/fixtures/pages/<slug>/source.html at /<slug>/ as UTF-8 HTML and answers 404
 * to everything else, so a fixture page cannot load anything (pages are self-contained).
 */
export async function startFixtureServer(pagesDir = FIXTURE_PAGES_DIR): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const slug = /^\/([a-z0-9][a-z0-9-]*)\/$/.exec(path)?.[1];
    const file = slug ? `${pagesDir}/${slug}/source.html` : null;
    if (req.method !== 'GET' || !file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (slug) => `${origin}/${slug}/`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------- the extension

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension to load (default dist-test/). */
  extensionDir?: string;
  /** Default true. `npm start` runs headful. */
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  /** Default true: only 127.0.0.1 resolves (see OFFLINE_FLAG). */
  offline?: boolean;
  /** Browser profile folder (default: a temporary one Playwright removes). Benchmarks measure its size. */
  userDataDir?: string;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? TEST_BUILD_DIR;
  if (!existsSync(`${extensionDir}/manifest.json`)) {
    throw new Error(`No built extension in ${extensionDir}. Run \`npm run build:test\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    // Playwright's defaults include --disable-extensions, which would win over --load-extension.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.offline === false ? [] : [OFFLINE_FLAG]),
      ...(options.args ?? []),
    ],
  });
  try {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** The extension's current service worker (it may have been restarted since launch). */
export async function currentServiceWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${extensionId}/`);
  return context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
}

/**
 * Stops the extension's service worker as Chrome does when it idles
 * (chrome://serviceworker-internals); a stopped one stays stopped. Done when the page shows it
 * stopped, or when the running worker is a new one (a marker set in the old one's global
 * scope is gone): an open extension page that asks the background something starts a new
 * worker at once.
 */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  const ours = () => context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  const marked = async (w: Worker) =>
    Promise.race([
      w.evaluate(() => (globalThis as { __framelensStopMark?: boolean }).__framelensStopMark === true).catch(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 1000)),
    ]);
  const internals = await context.newPage();
  try {
    await internals.goto('chrome://serviceworker-internals/');
    await internals.locator('body').getByText('Running Status:').first().waitFor();
    const stop = internals.locator('cr-button[data-command="stop"]:visible').first();
    if (!(await stop.count())) return;
    await Promise.all(
      ours().map((w) =>
        w
          .evaluate(() => {
            (globalThis as { __framelensStopMark?: boolean }).__framelensStopMark = true;
          })
          .catch(() => undefined),
      ),
    );
    await stop.click();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const status = await internals.locator('body').innerText();
      if (status.includes('Running Status: STOPPED')) return;
      if (status.includes('Running Status: RUNNING')) {
        const workers = ours();
        if (workers.length && !(await Promise.all(workers.map(marked))).some(Boolean)) return;
      }
      if (Date.now() > deadline)
        throw new Error(`the service worker did not stop within 15 s: ${/Running Status: \w+/.exec(status)?.[0] ?? status.slice(0, 300)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await internals.close();
  }
}

/** The id of the tab showing `pageUrl`, asked of the extension (the test build may read 127.0.0.1 tab URLs). */
export async function tabIdFor(serviceWorker: Worker, pageUrl: string): Promise<number> {
  const id = await serviceWorker.evaluate(async (url: string) => {
    const tabs = await chrome.tabs.query({});
    // The newest tab showing it (Chrome's tab ids only grow), when a test opened it twice.
    const ids = tabs.filter((tab) => tab.url === url || tab.pendingUrl === url).map((tab) => tab.id ?? -1);
    return ids.length > 0 ? Math.max(...ids) : null;
  }, pageUrl);
  if (id === null) throw new Error(`No tab shows ${pageUrl} (the extension can only see 127.0.0.1 URLs in the test build)`);
  return id;
}

/**
 * Reads the article in a tab exactly as the background does: inject content.js, then call
 * the global it defines (brief: content script contract).
 */
export async function extractInTab(serviceWorker: Worker, tabId: number): Promise<ExtractResult | null> {
  return serviceWorker.evaluate(async (id: number) => {
    await chrome.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] });
    const [frame] = await chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.__framelens?.extract() ?? null });
    return frame?.result ?? null;
  }, tabId);
}

/** The manifest the browser loaded. */
export async function loadedManifest(serviceWorker: Worker) {
  return serviceWorker.evaluate(() => chrome.runtime.getManifest());
}

/** A manifest problem as chrome://extensions lists it. */
export interface ManifestIssue {
  manifestKey?: string;
  message: string;
}

/**
 * The manifest warnings Chrome reports for the extension. Chrome records them only in
 * developer mode, so this turns it on in chrome://extensions (chrome.developerPrivate exists
 * only there) and reloads the extension: the service worker restarts, so use
 * `currentServiceWorker` afterwards.
 */
export async function manifestIssues(context: BrowserContext, extensionId: string): Promise<ManifestIssue[]> {
  const page = await context.newPage();
  type DeveloperPrivate = {
    updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
    reload(id: string, options: { failQuietly: boolean }, done: () => void): void;
    getExtensionInfo(id: string, done: (info: { manifestErrors: ManifestIssue[]; installWarnings: ManifestIssue[] }) => void): void;
  };
  try {
    await page.goto('chrome://extensions/');
    const restarted = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`) });
    await page.evaluate(async (id: string) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await new Promise<void>((resolve) => api.updateProfileConfiguration({ inDeveloperMode: true }, resolve));
      await new Promise<void>((resolve) => api.reload(id, { failQuietly: true }, resolve));
    }, extensionId);
    await restarted;
    return await page.evaluate(async (id: string) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      const info = await new Promise<Parameters<Parameters<DeveloperPrivate['getExtensionInfo']>[1]>[0]>((resolve) =>
        api.getExtensionInfo(id, resolve),
      );
      return [...info.installWarnings, ...info.manifestErrors].map(({ manifestKey, message }) => ({ manifestKey, message }));
    }, extensionId);
  } finally {
    await page.close();
  }
}

export interface PopupSession {
  /** The article page. */
  page: Page;
  /** popup.html?tab=<id>, in its own tab. */
  popup: Page;
  tabId: number;
}

/** Opens `pageUrl`, then the popup for that tab in a new page (a popup in a tab reads `?tab=`). */
export async function openPopupFor(context: BrowserContext, extensionId: string, pageUrl: string): Promise<PopupSession> {
  const page = await context.newPage();
  await page.goto(pageUrl);
  const tabId = await tabIdFor(await currentServiceWorker(context, extensionId), pageUrl);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return { page, popup, tabId };
}

// ---------------------------------------------------------------- one suite's setup

export interface SuiteSession {
  extension: ExtensionSession;
  /** The fixture pages (tests/fixtures/pages unless `pagesDir` says otherwise) on 127.0.0.1. */
  fixtures: FixtureServer;
  /** Console errors, uncaught errors and dialogs of the extension since launch. */
  problems: Problems;
  /** Every network request since launch. */
  network: ReturnType<typeof recordRequests>;
  close(): Promise<void>;
}

export interface SuiteOptions extends LaunchOptions {
  /** Folder of <slug>/source.html fixture pages (default tests/fixtures/pages). */
  pagesDir?: string;
}

/**
 * What an E2E file starts with: fixture pages served on 127.0.0.1, the built extension
 * launched, and its problems and requests recorded from the first moment, so no suite can
 * forget a recorder. `close()` stops the browser, then the server.
 */
export async function startSuite(options: SuiteOptions = {}): Promise<SuiteSession> {
  const { pagesDir, ...launch } = options;
  const fixtures = await startFixtureServer(pagesDir);
  let extension: ExtensionSession;
  try {
    extension = await launchExtension(launch);
  } catch (error) {
    await fixtures.close();
    throw error;
  }
  const problems = collectProblems(extension.context, extension.extensionId, [extension.serviceWorker]);
  const network = recordRequests(extension.context, extension.extensionId);
  return {
    extension,
    fixtures,
    problems,
    network,
    close: async () => {
      await extension.close();
      await fixtures.close();
    },
  };
}
