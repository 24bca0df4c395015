/**
 * Error states in real Chromium, each with a message a reader understands, beyond what
 * popup.e2e.ts (empty archive, no article, chrome:// page) and options.e2e.ts (invalid JSON
 * line, staged import across a worker stop) cover: other pages the browser forbids, a
 * closed tab, a full quota when saving and importing, malformed files through Chromium's
 * own gzip and UTF-8 decoders, and the service worker stopped while the popup is open.
 * Forbidden-page classification by URL (web stores, PDF, file://) is unit-tested in
 * tests/unit/hostile-forbidden.test.ts: those pages cannot load offline.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedFiles } from '../../scripts/make-malformed';
import {
  currentServiceWorker,
  openPopupFor,
  REPO_DIR,
  startFixtureServer,
  startSuite,
  stopServiceWorker,
  type ExtensionSession,
  type FixtureServer,
  type Problems,
  type SuiteSession,
} from './harness';
import { CBC, openExtensionPage, stateText as popupState } from './pages';

let extension: ExtensionSession;
let fixtures: FixtureServer;
/** The hostile corpus's ordinary articles (not in the sample archive). */
let hostile: FixtureServer;
let problems: Problems;
let network: SuiteSession['network'];
let suite: SuiteSession;

beforeAll(async () => {
  ({ extension, fixtures, problems, network } = suite = await startSuite());
  hostile = await startFixtureServer(`${REPO_DIR}tests/fixtures/hostile`);
});

afterAll(async () => {
  await suite?.close();
  await hostile?.close();
});

const stateText = (popup: Page) => popupState(popup, 20_000);
const openPopup = (tabId: number) => openExtensionPage(extension, `popup.html?tab=${tabId}`);

async function openOptions(): Promise<Page> {
  const options = await openExtensionPage(extension, 'options.html');
  await options.getByTestId('archive-count').waitFor();
  return options;
}

async function archiveCount(options: Page): Promise<number> {
  return Number((await options.getByTestId('archive-count').innerText()).replace(/\D/g, ''));
}

/** Makes the worker's IndexedDB refuse writes to the archive as a browser out of quota does; returns the undo. */
async function fillQuota(): Promise<() => Promise<void>> {
  const worker = await currentServiceWorker(extension.context, extension.extensionId);
  await worker.evaluate(() => {
    const store = IDBObjectStore.prototype as IDBObjectStore & { realPut?: IDBObjectStore['put'] };
    store.realPut ??= store.put;
    store.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'articles' || this.name === 'staging') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return store.realPut!.apply(this, args);
    };
  });
  return async () => {
    await worker.evaluate(() => {
      const store = IDBObjectStore.prototype as IDBObjectStore & { realPut?: IDBObjectStore['put'] };
      if (store.realPut) store.put = store.realPut;
    });
  };
}

describe('pages the browser does not let extensions read', () => {
  // Without the tabs permission these tabs have no URL for the extension: the newest such tab is the one opened.
  async function newestHiddenTab(): Promise<number> {
    const worker = await currentServiceWorker(extension.context, extension.extensionId);
    const id = await worker.evaluate(async () => {
      const tabs = await (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }
      ).chrome.tabs.query({});
      return Math.max(...tabs.filter((t) => t.url === undefined).map((t) => t.id ?? -1));
    });
    expect(id).toBeGreaterThan(0);
    return id;
  }

  for (const url of ['about:blank', 'data:text/html,<h1>Not a web page</h1>', 'chrome://extensions/']) {
    it(`${url.slice(0, 20)}: says the page cannot be read and what to do instead`, async () => {
      const page = await extension.context.newPage();
      await page.goto(url);
      const popup = await openPopup(await newestHiddenTab());
      const text = await stateText(popup);
      expect(text).toMatch(/cannot read this page|not allowed to read this page/i);
      expect(text).toMatch(/Open a news article/);
      await popup.close();
      await page.close();
    });
  }

  it('a closed tab: says so', async () => {
    const popup = await openPopup(987_654);
    expect(await stateText(popup)).toMatch(/tab was closed/i);
    await popup.close();
  });
});

describe('extension page addresses with hostile or broken parameters', () => {
  const longId = 'x'.repeat(5000);
  for (const query of [
    '',
    '?ids=',
    `?self=__proto__&ids=constructor,toString`,
    `?self=${longId}&ids=${longId}`,
    `?self=a&ids=${Array.from({ length: 50 }, (_, i) => `id${i}`).join(',')}`,
    '?tab=abc&ids=a',
    '?self=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&ids=javascript:alert(1)',
  ]) {
    it(`compare.html${query.slice(0, 40)}: says what is wrong, runs nothing`, async () => {
      const compare = await extension.context.newPage();
      await compare.goto(`chrome-extension://${extension.extensionId}/compare.html${query}`);
      const error = compare.getByTestId('error');
      await error.waitFor({ timeout: 20_000 });
      const text = await error.innerText();
      expect(text.length).toBeGreaterThan(20);
      expect(text.length).toBeLessThan(700);
      expect(await compare.locator('[onerror], img[src="x"]').count()).toBe(0);
      await compare.close();
    });
  }

  for (const tab of ['99999999999999999999', '-1', '1e3', '0x10']) {
    it(`popup.html?tab=${tab}: a readable state, not a hang`, async () => {
      const popup = await extension.context.newPage();
      await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tab}`);
      const text = await stateText(popup);
      expect(text.length).toBeGreaterThan(20);
      await popup.close();
    });
  }
});

describe('a full quota', () => {
  it('saving from the popup says storage is full and nothing was saved; saving works again once there is room', async () => {
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    const save = popup.getByTestId('save');
    await expect.poll(() => save.isEnabled(), { timeout: 20_000 }).toBe(true);
    const undo = await fillQuota();
    await save.click();
    await expect
      .poll(() => popup.locator('.actions [role="alert"]').innerText(), { timeout: 15_000 })
      .toMatch(/no more storage.*nothing was saved/i);
    expect(await save.isEnabled()).toBe(true);
    const options = await openOptions();
    expect(await archiveCount(options)).toBe(0);
    await undo();
    await save.click();
    await expect.poll(() => save.innerText()).toMatch(/saved/i);
    await options.reload();
    await expect.poll(() => archiveCount(options)).toBe(1);
    await options.close();
    await popup.close();
    await page.close();
  });

  it('importing a file says storage is full and leaves the archive unchanged', async () => {
    const options = await openOptions();
    const before = await archiveCount(options);
    const undo = await fillQuota();
    const records = ['q1', 'q2', 'q3'].map((id) =>
      JSON.stringify({ id, url: `https://quota.example/${id}`, title: `Quota ${id}`, outlet: 'Q', published: null, text: 'Body.' }),
    );
    await options
      .getByTestId('import-file')
      .setInputFiles({ name: 'quota.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(records.join('\n')) });
    await expect
      .poll(() => options.getByTestId('error').innerText(), { timeout: 20_000 })
      .toMatch(/quota\.ndjson was refused: .*no more storage.*archive is unchanged/is);
    await undo();
    expect(await archiveCount(options)).toBe(before);
    await options.close();
  });
});

describe("malformed files through Chromium's own decoders", () => {
  it('refuses truncated and damaged gzip, invalid UTF-8, prototype keys and duplicate ids, each with a reason; the archive is unchanged', async () => {
    const options = await openOptions();
    const before = await archiveCount(options);
    const all = malformedFiles({ count: 400, seed: 7 });
    // Every kind once: byte-level defects (where Chromium's decoders differ from Node's) and a spread of line defects.
    const kinds = new Map<string, (typeof all)[number]>();
    for (const f of all) {
      const kind = f.defect
        .replace(/[\d ,]+(bytes|of)?/g, ' ')
        .replace(/on line.*/, '')
        .trim();
      if (!kinds.has(kind)) kinds.set(kind, f);
    }
    const chosen = [...kinds.values()].filter(
      (f) => /gzip|UTF-8|__proto__|constructor|duplicate|NUL|truncated|an array|month/.test(f.defect) || f.line === undefined,
    );
    expect(chosen.length).toBeGreaterThan(10);
    for (const f of chosen) {
      await options
        .getByTestId('import-file')
        .setInputFiles({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) });
      const where = f.line === undefined ? '' : ` at line ${f.line}`;
      // Whatever the page says about this file: its refusal (testid error), or an import report (import-status).
      const said = async () => (await options.locator('[data-testid="error"], [data-testid="import-status"]').allInnerTexts()).join('\n');
      await expect.poll(async () => (await said()).includes(f.name), { timeout: 20_000 }).toBe(true);
      const shown = await said();
      expect(shown, `${f.name}: ${f.defect}`).toContain(`${f.name} was refused${where}:`);
      expect(shown, f.defect).toMatch(f.reason);
      expect(shown).toMatch(/archive is unchanged/);
    }
    expect(await archiveCount(options)).toBe(before);
    await options.close();
  }, 120_000);
});

describe('the service worker stopped while the popup is open', () => {
  it('the open popup still saves, and new popups show everything as it was', async () => {
    const options = await openOptions();
    await options.getByTestId('load-sample').click();
    await expect.poll(() => archiveCount(options), { timeout: 30_000 }).toBeGreaterThan(50);
    const archived = await archiveCount(options);
    // The full list, as a reader sees it: a woken worker that is still catching up answers
    // with what it has indexed and says so ("Indexing N of M"), then the popup asks again.
    const relatedTitles = async (popup: Page) => {
      await popup.getByTestId('related-title').first().waitFor({ state: 'attached', timeout: 30_000 });
      await popup.getByTestId('indexing').waitFor({ state: 'detached', timeout: 30_000 });
      return popup.getByTestId('related-title').allTextContents();
    };
    // A page that is not in the archive yet, read before the worker stops and saved after.
    const german = await openPopupFor(extension.context, extension.extensionId, hostile.url('german-article'));
    const save = german.popup.getByTestId('save');
    await expect.poll(() => save.isEnabled(), { timeout: 20_000 }).toBe(true);
    await stopServiceWorker(extension.context);
    await save.click();
    await expect.poll(() => save.innerText(), { timeout: 20_000 }).toMatch(/saved/i);
    await german.popup.close();

    const cbc = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    const related = await relatedTitles(cbc.popup);
    expect(related.length).toBeGreaterThan(0);
    await cbc.popup.close();
    await stopServiceWorker(extension.context);
    // The worker rebuilds its state from IndexedDB: the same related coverage, in the same order.
    const again = await openPopup(cbc.tabId);
    expect(await relatedTitles(again)).toEqual(related);
    await again.close();
    const germanAgain = await openPopup(german.tabId);
    await expect.poll(() => germanAgain.getByTestId('save').innerText(), { timeout: 20_000 }).toMatch(/saved/i);
    await germanAgain.close();
    await options.reload();
    await expect.poll(() => archiveCount(options)).toBe(archived + 1);
    await german.page.close();
    await cbc.page.close();
    await options.close();
  }, 120_000);
});

describe('throughout the session', () => {
  it('the extension made no network request and raised no unexpected error or dialog', () => {
    expect(network.fromExtension()).toEqual([]);
    // A stopped worker's own console is gone; errors of the pages are still collected.
    expect(problems.all()).toEqual([]);
  });
});
