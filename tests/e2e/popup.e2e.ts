/**
 * The reader's path in real Chromium: popup states (empty archive, no article, forbidden
 * page), then with the sample archive loaded through the options page, the CBC article's
 * related coverage (the Daily Mail article first, with reasons), its framing differences,
 * Save, and the full comparison page. Screenshots for the README come from this run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentServiceWorker,
  openPopupFor,
  startSuite,
  type ExtensionSession,
  type FixtureServer,
  type Problems,
  type SuiteSession,
} from './harness';
import { CBC, SCREENSHOTS_DIR as SHOTS, stateText } from './pages';

const NOT_ARTICLE = 'section-front-world';

let extension: ExtensionSession;
let fixtures: FixtureServer;
let problems: Problems;
let network: SuiteSession['network'];

let suite: SuiteSession;

beforeAll(async () => {
  ({ extension, fixtures, problems, network } = suite = await startSuite());
});

afterAll(() => suite?.close());

describe('popup states before any archive', () => {
  it('says the archive is empty and what to do next, and still shows the article', async () => {
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    expect(await stateText(popup)).toMatch(/archive is empty/i);
    await expect.poll(() => popup.getByTestId('article-title').innerText()).toMatch(/China welcomes UN visit to Xinjiang/);
    expect(await popup.getByTestId('article-outlet').innerText()).toMatch(/CBC/);
    await popup.close();
    await page.close();
  });

  it('saves the page to the archive once, and says so when the popup opens again', async () => {
    const first = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    const save = first.popup.getByTestId('save');
    await expect.poll(() => save.isEnabled(), { timeout: 15_000 }).toBe(true);
    await save.click();
    await expect.poll(() => save.innerText()).toMatch(/saved/i);
    await first.popup.close();
    await first.page.close();
    const again = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    await expect.poll(() => again.popup.getByTestId('save').innerText(), { timeout: 15_000 }).toMatch(/saved/i);
    expect(await again.popup.getByTestId('save').isDisabled()).toBe(true);
    // Saving again is no duplicate: still one record, and still no related coverage of itself.
    expect(await stateText(again.popup)).toMatch(/no related coverage yet/i);
    await again.popup.close();
    await again.page.close();
  });

  it('says there is no article on a section front page', async () => {
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(NOT_ARTICLE));
    expect(await stateText(popup)).toMatch(/no article here/i);
    await popup.close();
    await page.close();
  });

  it('says the browser forbids reading its own pages', async () => {
    const page = await extension.context.newPage();
    await page.goto('chrome://version/');
    const sw = await currentServiceWorker(extension.context, extension.extensionId);
    // Without the tabs permission, tabs the extension may not read have no url: that is this one.
    const tabId = await sw.evaluate(async () => {
      const tabs = await (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }
      ).chrome.tabs.query({});
      return tabs.find((t) => t.url === undefined)?.id ?? null;
    });
    expect(tabId).not.toBeNull();
    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
    expect(await stateText(popup)).toMatch(/cannot read this page/i);
    await popup.close();
    await page.close();
  });
});

describe('with the sample archive', () => {
  it('loads the sample archive through the options page', async () => {
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByTestId('load-sample').click();
    await expect
      .poll(async () => Number((await options.getByTestId('archive-count').innerText()).replace(/\D/g, '')), { timeout: 30_000 })
      .toBeGreaterThan(50);
    await options.close();
  });

  it('ranks the Daily Mail article first for the CBC page, with reasons and distinctive terms for both sides', async () => {
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    await popup.setViewportSize({ width: 480, height: 1400 });
    const first = popup.getByTestId('related-item').first();
    await first.waitFor({ timeout: 20_000 });
    expect(await popup.getByTestId('related-title').first().innerText()).toMatch(/China invites EU diplomats/);
    expect((await popup.getByTestId('related-reasons').first().innerText()).trim()).not.toBe('');
    const self = popup.getByTestId('terms-self');
    const other = popup.getByTestId('terms-other');
    await self.waitFor({ timeout: 15_000 });
    expect(await self.locator('.chip').count()).toBeGreaterThan(2);
    expect(await other.locator('.chip').count()).toBeGreaterThan(2);
    // The canonical pair's spelling difference is shown as one referent named two ways.
    expect(await popup.locator('.naming').innerText()).toMatch(/Uyghur[\s\S]*vs[\s\S]*Uighur/);
    await popup.locator('main').screenshot({ path: `${SHOTS}/popup.png` });
    await popup.close();
    await page.close();
  });

  it('opens the full comparison with evidence marked in both texts', async () => {
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    await popup.getByTestId('terms-self').waitFor({ timeout: 20_000 });
    const opened = extension.context.waitForEvent('page', { predicate: (p) => p.url().includes('/compare.html') });
    await popup.getByTestId('open-compare').click();
    const compare = await opened;
    await compare.setViewportSize({ width: 1400, height: 1000 });
    await compare.getByTestId('compare-article').nth(1).waitFor({ timeout: 20_000 });
    expect(await compare.getByTestId('compare-article').count()).toBe(2);
    expect(await compare.getByTestId('mark-naming').count()).toBeGreaterThan(0);
    expect(await compare.getByTestId('mark-term').count()).toBeGreaterThan(0);
    expect(await compare.getByTestId('only-sentence').count()).toBeGreaterThan(0);
    expect(await compare.getByTestId('report-voices').innerText()).toMatch(/Wang Wenbin/);
    // Turning a layer off removes its marks: the toggles really drive the text.
    await compare.getByTestId('layer-term').uncheck();
    expect(await compare.getByTestId('mark-term').count()).toBe(0);
    await compare.getByTestId('layer-term').check();
    await compare.screenshot({ path: `${SHOTS}/compare.png` });
    await compare.getByTestId('theme').selectOption('dark');
    await compare.screenshot({ path: `${SHOTS}/compare-dark.png` });
    await compare.close();
    await popup.close();
    await page.close();
  });

  it('while a large import is being indexed, lists what is indexed, says how far indexing is, and updates when it is done', async () => {
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    // Long enough (300 made-up words each) that indexing them takes seconds.
    const syllables = [
      'ka',
      'lo',
      'mi',
      'ren',
      'tus',
      'vel',
      'dor',
      'pha',
      'quin',
      'sel',
      'bra',
      'ny',
      'gol',
      'fe',
      'zu',
      'hart',
      'wen',
      'cro',
    ];
    const word = (a: number) => `${syllables[a % 18]}${syllables[Math.floor(a / 18) % 18]}${syllables[Math.floor(a / 324) % 18]}`;
    const records = Array.from({ length: 4000 }, (_, i) => ({
      id: `council-${i}`,
      url: `https://council.example/minutes/${i}`,
      title: `Council minutes ${i}`,
      outlet: 'Council Gazette',
      published: '2020-05-06',
      text: Array.from({ length: 300 }, (_, j) => word((i * 131 + j * 977) % 5832)).join(' ') + '.',
    }));
    const imported = (await options.evaluate(
      `chrome.runtime.sendMessage(${JSON.stringify({ type: 'archive/import', payload: { records } })})`,
    )) as { ok: boolean };
    expect(imported.ok).toBe(true);
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url(CBC));
    const indexing = popup.getByTestId('indexing');
    await indexing.waitFor({ timeout: 20_000 });
    expect(await indexing.innerText()).toMatch(/Indexing [\d,]+ of 4,000 new articles/);
    // The articles indexed before the import are searched meanwhile.
    expect(await popup.getByTestId('related-title').first().innerText()).toMatch(/China invites EU diplomats/);
    await indexing.waitFor({ state: 'detached', timeout: 180_000 });
    expect(await popup.getByTestId('related-title').first().innerText()).toMatch(/China invites EU diplomats/);
    await popup.close();
    await page.close();
    // The import stays out of the other tests' way.
    await options.evaluate(
      `chrome.runtime.sendMessage(${JSON.stringify({ type: 'archive/delete', payload: { ids: records.map((r) => r.id) } })})`,
    );
    await options.close();
  });

  it('made no network request and raised no error along the way', () => {
    expect(network.fromExtension()).toEqual([]);
    expect(problems.all()).toEqual([]);
  });
});
