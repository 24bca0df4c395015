/**
 * The built extension in Debian's Firefox ESR, driven over WebDriver BiDi (Firefox's own
 * remote protocol: https://w3c.github.io/webdriver-bidi/), with no extra package: Node's
 * WebSocket (global from Node 22; `--experimental-websocket` on Node 20, which
 * vitest.e2e.config.ts passes). Playwright's Firefox needs its patched build, so it is not used.
 *
 * Extension pages cannot be opened by BiDi navigation, so the harness opens them as Firefox
 * itself would (a tab added from the browser chrome, which needs --remote-allow-system-access);
 * the extension's internal UUID is pinned through the `extensions.webextensions.uuids' pref, so
 * its pages have a known moz-extension:// origin.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { TEST_BUILD_DIR } from './harness';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

interface BidiMessage {
  id?: number;
  type: 'success' | 'error' | 'event';
  method?: string;
  result?: unknown;
  error?: string;
  message?: string;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

export interface FirefoxExtensionSession {
  extensionId: string;
  /** moz-extension://<uuid>/ */
  baseUrl: string;
  /** Opens a web page in a new tab and returns its browsing context id. */
  openPage(url: string): Promise<string>;
  /** Opens one of the extension's pages (e.g. 'options.html') in a new tab. */
  openExtensionPage(path: string): Promise<string>;
  /** Evaluates `expression` (a value or a promise) in a tab and returns it through JSON. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** URLs of the open tabs. */
  tabUrls(): Promise<string[]>;
  /**
   * console.error calls, uncaught errors and unhandled rejections in an extension page since
   * it was opened by `openExtensionPage`. Firefox's BiDi log events leave out extension
   * pages, so the harness hooks them once the page has loaded: errors during the very first
   * render are not seen here (the tests check that the page rendered instead).
   */
  pageErrors(context: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Keeps Firefox off the network (only 127.0.0.1 is reachable) and quiet on start. */
function profilePrefs(extensionId: string, uuid: string): string {
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': '127.0.0.1',
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.disabledForTesting': true,
  };
  return Object.entries(prefs)
    .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
    .join('\n');
}

/** Records an extension page's console errors and uncaught errors in a global the test reads. */
const ERROR_HOOK = `(() => {
  const errors = (globalThis.__framelensTestErrors = []);
  const consoleError = console.error.bind(console);
  console.error = (...args) => { errors.push(args.map(String).join(' ')); consoleError(...args); };
  addEventListener('error', (event) => errors.push(String(event.error ?? event.message)));
  addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  return true;
})()`;

export async function launchFirefoxExtension(extensionDir = TEST_BUILD_DIR): Promise<FirefoxExtensionSession> {
  if (!existsSync(FIREFOX_PATH))
    throw new Error(`No Firefox at ${FIREFOX_PATH}. Install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  if (typeof WebSocket === 'undefined') throw new Error('No global WebSocket: run Node 22+, or Node 20 with --experimental-websocket.');
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const extensionId = manifest.browser_specific_settings?.gecko?.id;
  if (!extensionId) throw new Error('The manifest has no browser_specific_settings.gecko.id');

  const uuid = randomUUID();
  const profile = mkdtempSync(`${tmpdir()}/framelens-firefox-`);
  writeFileSync(`${profile}/user.js`, profilePrefs(extensionId, uuid));
  const firefox = spawn(
    FIREFOX_PATH,
    ['--headless', '--no-remote', '--remote-allow-system-access', '--remote-debugging-port', '0', '--profile', profile],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const cleanUp = () => {
    firefox.kill();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Firefox did not start its WebDriver BiDi server within 30 s')), 30_000);
      const onOutput = (chunk: Buffer) => {
        const url = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(chunk.toString())?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      };
      firefox.stderr.on('data', onOutput);
      firefox.stdout.on('data', onOutput);
      firefox.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before BiDi was ready`)));
    });
    return await openSession(endpoint, extensionDir, extensionId, uuid, cleanUp);
  } catch (error) {
    cleanUp();
    throw error;
  }
}

async function openSession(
  endpoint: string,
  extensionDir: string,
  extensionId: string,
  uuid: string,
  cleanUp: () => void,
): Promise<FirefoxExtensionSession> {
  const socket = new WebSocket(`${endpoint}/session`);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  const baseUrl = `moz-extension://${uuid}/`;
  const pending = new Map<number, (message: BidiMessage) => void>();
  let nextId = 0;
  socket.addEventListener('message', (event: MessageEvent) => {
    const message = JSON.parse(String(event.data)) as BidiMessage;
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  const send = async <T>(method: string, params: object): Promise<T> => {
    const id = ++nextId;
    const reply = await new Promise<BidiMessage>((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
    pending.delete(id);
    if (reply.type === 'error') throw new Error(`${method}: ${reply.error}: ${reply.message}`);
    return reply.result as T;
  };
  const evaluateIn = async <T>(target: object, expression: string): Promise<T> => {
    const wrapped = `Promise.resolve(${expression}).then((value) => JSON.stringify(value === undefined ? null : value))`;
    const outcome = await send<EvaluateResult>('script.evaluate', { expression: wrapped, target, awaitPromise: true });
    if (outcome.type === 'exception') throw new Error(`Evaluation failed: ${outcome.exceptionDetails?.text}`);
    return JSON.parse(String(outcome.result?.value)) as T;
  };
  type Tree = { contexts: Array<{ context: string; url: string }> };
  const topLevel = async (scope?: 'chrome') =>
    (await send<Tree>('browsingContext.getTree', { maxDepth: 0, ...(scope ? { 'moz:scope': scope } : {}) })).contexts;

  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });

  const openPage = async (url: string) => {
    const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await send('browsingContext.navigate', { context, url, wait: 'complete' });
    return context;
  };
  const openExtensionPage = async (path: string) => {
    const url = `${baseUrl}${path}`;
    const [browserWindow] = await topLevel('chrome');
    if (!browserWindow) throw new Error('No Firefox window');
    await evaluateIn(
      { context: browserWindow.context },
      `(() => { const tab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); gBrowser.selectedTab = tab; return true; })()`,
    );
    for (let attempt = 0; attempt < 100; attempt++) {
      const tab = (await topLevel()).find((c) => c.url === url);
      if (tab) {
        await evaluateIn(
          { context: tab.context },
          `new Promise((resolve) => document.readyState === 'complete' ? resolve(true) : addEventListener('load', () => resolve(true)))`,
        );
        await evaluateIn({ context: tab.context }, ERROR_HOOK);
        return tab.context;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${url} did not open`);
  };

  return {
    extensionId,
    baseUrl,
    openPage,
    openExtensionPage,
    evaluate: (context, expression) => evaluateIn({ context }, expression),
    tabUrls: async () => (await topLevel()).map((c) => c.url),
    pageErrors: (context) => evaluateIn({ context }, 'globalThis.__framelensTestErrors ?? []'),
    close: async () => {
      await send('session.end', {}).catch(() => undefined);
      socket.close();
      cleanUp();
    },
  };
}
