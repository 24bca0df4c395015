/**
 * Takes the README's screenshots from the real extension: `npx tsx scripts/screenshots.ts`
 * after `npm run build:test`. Loads the sample archive, opens the popup for the CBC seed page
 * (served from 127.0.0.1, which the test build may read) and the options page, and writes
 * docs/screenshots/popup-full.png (the whole popup, scrolled) and options.png. The E2E run
 * (tests/e2e/popup.e2e.ts) writes popup.png and compare.png itself. Same fixtures and archive
 * each run, so the pictures change only when the UI does.
 */
import { mkdir } from 'node:fs/promises';
import { launchExtension, openPopupFor, startFixtureServer } from '../tests/e2e/harness';
import { ROOT_DIR } from '../vite.config';

const OUT_DIR = `${ROOT_DIR}docs/screenshots`;
/** Chrome's popup is at most 800x600; the popup's own CSS sets its width. */
const POPUP_VIEWPORT = { width: 460, height: 600 };

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const fixtures = await startFixtureServer();
  const { context, extensionId, close } = await launchExtension();
  try {
    const options = await context.newPage();
    await options.setViewportSize({ width: 1100, height: 760 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByTestId('load-sample').click();
    await options.getByTestId('archive-row').first().waitFor({ timeout: 30_000 });
    await options.screenshot({ path: `${OUT_DIR}/options.png` });
    console.log(`wrote ${OUT_DIR}/options.png`);

    const { popup } = await openPopupFor(context, extensionId, fixtures.url('cbc-xinjiang-un'));
    await popup.setViewportSize(POPUP_VIEWPORT);
    // The comparison with the best match is what the picture is for.
    await popup.getByTestId('terms-self').first().waitFor({ timeout: 30_000 });
    await popup.screenshot({ path: `${OUT_DIR}/popup-full.png`, fullPage: true });
    console.log(`wrote ${OUT_DIR}/popup-full.png`);
  } finally {
    await close();
    await fixtures.close();
  }
}

await main();
