/**
 * `npm start`: builds dist/ (the user build, no host permissions), opens Debian's Chromium
 * with it loaded, loads the sample archive through the options page, and opens the CBC seed
 * article served from 127.0.0.1. The reader then clicks the toolbar icon (or Alt+Shift+F):
 * that click grants activeTab, which is what lets Framelens read the page.
 * Runs until the browser window is closed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { launchExtension, startFixtureServer, CHROMIUM_PATH } from '../tests/e2e/harness';
import { buildExtension } from './build';
import { errorText } from '../src/core/errors';
import { ROOT_DIR } from '../vite.config';

const USER_BUILD = `${ROOT_DIR}dist`;
const DEMO_PAGES = ['cbc-xinjiang-un', 'dailymail-xinjiang-eu'] as const;
const UNDER_XVFB = 'FRAMELENS_UNDER_XVFB';

function findOnPath(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function howToLoadByHand(): string {
  return [
    'To use the build without this script, load it by hand:',
    `  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked", choose ${USER_BUILD}`,
    `  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on", choose ${USER_BUILD}/manifest.json`,
  ].join('\n');
}

const hasDisplay = () => Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** Without a display there is no window to show: rerun under a virtual X server if there is one. */
function rerunUnderXvfbIfHeadless(): void {
  const xvfbRun = findOnPath('xvfb-run');
  if (hasDisplay() || !xvfbRun || process.env[UNDER_XVFB]) return;
  console.log('No display ($DISPLAY is not set): running the browser under xvfb-run, invisible on this machine.');
  const rerun = spawnSync(xvfbRun, ['-a', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [UNDER_XVFB]: '1' },
  });
  process.exit(rerun.status ?? 1);
}

/** Clicks "Load sample archive" on the options page and waits for the count to change. */
async function loadSampleArchive(context: BrowserContext, extensionId: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const count = options.getByTestId('archive-count');
  const button = options.getByTestId('load-sample');
  try {
    await button.waitFor({ timeout: 10_000 });
    const before = (await count.textContent({ timeout: 5_000 }).catch(() => null)) ?? '';
    await button.click();
    await options.waitForFunction(
      ([selector, previous]) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        return text !== '' && text !== previous;
      },
      ['[data-testid="archive-count"]', before] as const,
      { timeout: 30_000 },
    );
    console.log(`Sample archive loaded: ${(await count.textContent())?.trim()}`);
  } catch (error) {
    console.warn(
      `Could not load the sample archive from the options page (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Use its "Load sample archive" button by hand.`,
    );
  }
}

async function main(): Promise<void> {
  rerunUnderXvfbIfHeadless();
  await buildExtension({ outDir: USER_BUILD, test: false });
  console.log(`Built ${USER_BUILD}`);
  if (!hasDisplay()) {
    console.error(
      `No display: $DISPLAY is not set and xvfb-run is not installed, so no browser window can be shown here.\n${howToLoadByHand()}`,
    );
    process.exit(1);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(
      `No Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).\n${howToLoadByHand()}`,
    );
    process.exit(1);
  }

  const fixtures = await startFixtureServer();
  const { context, extensionId } = await launchExtension({ extensionDir: USER_BUILD, headless: false, offline: false });
  const shutdown = async () => {
    await context.close().catch(() => undefined);
    await fixtures.close().catch(() => undefined);
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(130)));
  process.once('SIGTERM', () => void shutdown().then(() => process.exit(143)));

  // The demo pages are real news pages and keep their trackers' <script> tags: only let them
  // load from the local server, so opening a demo never contacts the outlets.
  await context.route('**/*', (route) => {
    const request = route.request();
    // Service-worker requests have no frame (and are not the demo pages').
    const fromDemo = !request.serviceWorker() && !request.isNavigationRequest() && request.frame().url().startsWith(fixtures.origin);
    return fromDemo && !request.url().startsWith(fixtures.origin) ? route.abort('blockedbyclient') : route.fallback();
  });
  await loadSampleArchive(context, extensionId);
  let article = null;
  for (const slug of DEMO_PAGES) {
    if (!existsSync(`${ROOT_DIR}tests/fixtures/pages/${slug}/source.html`)) continue;
    article = await context.newPage();
    await article.goto(fixtures.url(slug));
  }
  // The persistent context opens with one blank tab; drop it so the article is in front.
  for (const page of context.pages()) if (page.url() === 'about:blank' && context.pages().length > 1) await page.close();
  await article?.bringToFront();
  console.log(
    [
      '',
      'Framelens is loaded. Demo articles are served at',
      ...DEMO_PAGES.map((slug) => `  ${fixtures.url(slug)}`),
      'Click the Framelens icon in the toolbar (pin it from the puzzle-piece menu) or press Alt+Shift+F',
      'on an article to see related coverage and how the outlets frame it. Close the browser to stop.',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => context.once('close', () => resolve()));
  await fixtures.close();
}

try {
  await main();
} catch (error) {
  console.error(`npm start failed: ${errorText(error)}`);
  process.exit(1);
}
