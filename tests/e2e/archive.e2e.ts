/**
 * Archive management on the options page, in the built extension (dist-test/) in Chromium,
 * with the sample archive plus BULK tiny generated records (20,000 by default; set
 * ARCHIVE_E2E_RECORDS for more) imported through the staged import messages: the
 * virtualised list and its keyboard, search, each filter, sorting, the URL hash, range
 * selection and bulk delete, the article view with related coverage, outlet groups (on the
 * options page and in the popup), and axe in light and dark with the list full.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPopupFor, startSuite, type ExtensionSession, type FixtureServer, type Problems, type SuiteSession } from './harness';
import { SAMPLE_COUNT, sendMessage as sendFrom } from './pages';

const BULK = Number(process.env.ARCHIVE_E2E_RECORDS ?? 20_000);
const TOTAL = BULK + SAMPLE_COUNT;
const WORDS = ['harbour', 'glacier', 'senate', 'budget', 'orchard', 'tunnel', 'festival'];
const RARE = 'zebracrossing';
const fmt = (n: number) => new Intl.NumberFormat('en').format(n);

interface Bulk {
  id: string;
  url: string;
  title: string;
  outlet: string;
  published: string;
  text: string;
  story: string | null;
}

function bulkRecord(i: number): Bulk {
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    id: `bulk:${i}`,
    url: `https://bulk.example/${i}`,
    title: `Bulk ${i} ${WORDS[i % WORDS.length]}${i % 541 === 0 ? ` ${RARE}` : ''}`,
    outlet: `Outlet ${String(i % 20).padStart(2, '0')}`,
    published: `2023-${month}-${day}`,
    text: `Body of generated record ${i}, bulkgen. ${WORDS[(i * 3) % WORDS.length]}.`,
    story: i % 50 === 0 ? 'story-alpha' : i % 50 === 1 ? 'story-beta' : null,
  };
}
const bulk = Array.from({ length: BULK }, (_, i) => bulkRecord(i));
const count = (keep: (r: Bulk) => boolean) => bulk.filter(keep).length;

/** expect.poll with room for a page load on a busy machine. */
function poll<T>(fn: () => T | Promise<T>, options: { timeout?: number; interval?: number } = {}) {
  return expect.poll(fn, { timeout: 15_000, ...options });
}

let extension: ExtensionSession;
let fixtures: FixtureServer;
let problems: Problems;
let page: Page;
let suite: SuiteSession;

const byTestId = (id: string): Locator => page.getByTestId(id);
const rows = () => byTestId('archive-row');
const listCount = () => byTestId('list-count').innerText();
const search = (q: string) => byTestId('archive-search').fill(q);
const rowTitles = async () => await page.locator('[data-testid="archive-row"] [data-testid="row-title"]').allInnerTexts();

beforeAll(async () => {
  ({ extension, fixtures, problems } = suite = await startSuite());
  page = await extension.context.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await vi.waitFor(async () => expect((await sendFrom(page, 'archive/stats', {})).ok).toBe(true));
  expect((await sendFrom(page, 'archive/loadSample', {})).ok).toBe(true);
  const start = await sendFrom(page, 'archive/importStart', { source: 'e2e-bulk' });
  const importId = String(start.data?.importId);
  for (let i = 0; i < bulk.length; i += 5000) {
    const reply = await sendFrom(page, 'archive/importBatch', { importId, records: bulk.slice(i, i + 5000) });
    expect(reply.ok, reply.error).toBe(true);
  }
  expect((await sendFrom(page, 'archive/importCommit', { importId })).data).toEqual({ added: BULK, updated: 0 });
  await page.reload();
  // The list answers at once and says how many records are still being indexed; wait for all.
  await vi.waitFor(async () => expect(await listCount()).toBe(`${fmt(TOTAL)} articles`), { timeout: 240_000, interval: 1000 });
}, 300_000);

afterAll(() => suite?.close());

describe('the archive list at scale', () => {
  it('renders only the rows in view, with the whole count for assistive technology', async () => {
    const grid = byTestId('archive-grid');
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    await poll(() => rows().count()).toBeGreaterThan(5);
    expect(await rows().count()).toBeLessThan(60);
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await poll(() => page.locator(`[role="row"][aria-rowindex="${TOTAL + 1}"] [data-testid="row-title"]`).count()).toBe(1);
    expect(await rows().count()).toBeLessThan(60);
  });

  it('moves through the list with the keyboard, focus on the row', async () => {
    await byTestId('archive-grid').evaluate((el) => {
      el.scrollTop = 0;
    });
    const top = page.locator('[role="row"][aria-rowindex="2"]');
    await poll(() => top.count()).toBe(1);
    await top.focus();
    const focusedRow = () => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));
    expect(await focusedRow()).toBe('2');
    await page.keyboard.press('End');
    await poll(focusedRow).toBe(String(TOTAL + 1));
    await page.keyboard.press('ArrowUp');
    await poll(focusedRow).toBe(String(TOTAL));
    await page.keyboard.press('Home');
    await poll(focusedRow).toBe('2');
    await page.keyboard.press('PageDown');
    await poll(async () => Number(await focusedRow())).toBeGreaterThan(5);
    // Shift+arrows select a range; Space toggles the focused row.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await poll(() => byTestId('delete-selected').innerText()).toBe('Delete selected (3)');
    await page.keyboard.press('Space');
    await poll(() => byTestId('delete-selected').innerText()).toBe('Delete selected (2)');
    await byTestId('clear-selection').click();
  });

  it('searches words and prefixes through the index', async () => {
    const rare = count((r) => r.title.includes(RARE));
    await search(RARE);
    await poll(listCount).toBe(`${rare} of ${fmt(TOTAL)} articles match`);
    await search('zebracr');
    await poll(listCount).toBe(`${rare} of ${fmt(TOTAL)} articles match`);
    await search(`${RARE} glacier`);
    await poll(listCount).toBe(
      `${count((r) => r.title.includes(RARE) && (r.title + r.text).includes('glacier'))} of ${fmt(TOTAL)} articles match`,
    );
    await search('no-such-word-qqq');
    await poll(() => byTestId('no-matches').innerText()).toContain('No article matches');
    await search('');
    await poll(listCount).toBe(`${fmt(TOTAL)} articles`);
  });

  it('filters by outlet (with counts), published dates and story, combined with the search', async () => {
    await byTestId('outlet-picker').locator('summary').click();
    const option = page.locator('[data-testid="outlet-option"][data-outlet="Outlet 03"]');
    expect(await option.locator('xpath=..').innerText()).toContain(`(${fmt(count((r) => r.outlet === 'Outlet 03'))})`);
    await option.check();
    await poll(listCount).toBe(`${fmt(count((r) => r.outlet === 'Outlet 03'))} of ${fmt(TOTAL)} articles match`);
    await byTestId('outlet-picker').locator('summary').click();
    await byTestId('date-from').fill('2023-03-01');
    await byTestId('date-to').fill('2023-04-15');
    const inRange = (r: Bulk) => r.outlet === 'Outlet 03' && r.published >= '2023-03-01' && r.published <= '2023-04-15';
    await poll(listCount).toBe(`${fmt(count(inRange))} of ${fmt(TOTAL)} articles match`);
    await search('harbour');
    await poll(listCount).toBe(
      `${fmt(count((r) => inRange(r) && (r.title + r.text).includes('harbour')))} of ${fmt(TOTAL)} articles match`,
    );
    // The filters live in the URL hash: a reload keeps them.
    await page.reload();
    await poll(listCount).toBe(
      `${fmt(count((r) => inRange(r) && (r.title + r.text).includes('harbour')))} of ${fmt(TOTAL)} articles match`,
    );
    expect(await byTestId('archive-search').inputValue()).toBe('harbour');
    expect(await byTestId('date-from').inputValue()).toBe('2023-03-01');
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await byTestId('story-filter').selectOption('story-beta');
    await poll(listCount).toBe(`${fmt(count((r) => r.story === 'story-beta'))} of ${fmt(TOTAL)} articles match`);
    await byTestId('story-filter').selectOption('');
    await poll(listCount).toBe(`${fmt(TOTAL)} articles`);
  });

  it('sorts by headline, outlet and dates, both ways', async () => {
    const titles = bulk.map((r) => r.title.toLowerCase()).sort();
    const firstRecord = async () => bulk[Number((await rows().first().getAttribute('data-id'))?.replace('bulk:', ''))];
    await search('bulkgen');
    await byTestId('sort-title').click();
    await poll(async () => (await rowTitles())[0]?.toLowerCase()).toBe(titles[0]);
    const ascending = (await rowTitles()).map((x) => x.toLowerCase());
    expect([...ascending].sort()).toEqual(ascending);
    await byTestId('sort-title').click();
    await poll(async () => (await rowTitles())[0]?.toLowerCase()).toBe(titles.at(-1));
    expect(page.url()).toContain('sort=title&dir=desc');
    const published = bulk.map((r) => r.published).sort();
    await byTestId('sort-key').selectOption('published');
    await poll(async () => (await firstRecord())?.published).toBe(published.at(-1));
    await byTestId('sort-dir').click();
    await poll(async () => (await firstRecord())?.published).toBe(published[0]);
    await byTestId('sort-key').selectOption('outlet');
    await poll(async () => page.locator('[data-testid="row-outlet"]').first().innerText()).toBe('Outlet 00');
    await byTestId('sort-key').selectOption('saved');
    await search('');
  });

  it('selects ranges with shift and ctrl, and deletes them after a confirmation', async () => {
    const rare = count((r) => r.title.includes(RARE));
    await search(RARE);
    await poll(listCount).toBe(`${rare} of ${fmt(TOTAL)} articles match`);
    await poll(() => rows().count()).toBeGreaterThan(6);
    const ids = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    await rows().nth(0).getByTestId('row-select').click();
    await rows()
      .nth(3)
      .getByTestId('row-select')
      .click({ modifiers: ['Shift'] });
    await poll(() => byTestId('delete-selected').innerText()).toBe('Delete selected (4)');
    await rows()
      .nth(5)
      .click({ modifiers: ['Control'] });
    await poll(() => byTestId('delete-selected').innerText()).toBe('Delete selected (5)');
    await byTestId('delete-selected').click();
    expect(await byTestId('confirm-delete').innerText()).toContain('Delete 5 articles from the archive?');
    await byTestId('confirm-delete-yes').click();
    await poll(listCount).toBe(`${rare - 5} of ${fmt(TOTAL - 5)} articles match`);
    const left = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(left).not.toContain(ids[0]);
    expect(left).not.toContain(ids[5]);
    expect(left).toContain(ids[4]);
  });

  it('deletes everything matching the filters in one go, and nothing else', async () => {
    await search('');
    const before = Number((await sendFrom(page, 'archive/stats', {})).data?.count);
    await page.goto(`chrome-extension://${extension.extensionId}/options.html#outlet=Outlet+07`);
    await poll(listCount).toMatch(/^[\d,]+ of [\d,]+ articles match$/);
    // Up to five of them went in the range delete above.
    const shown = Number((await listCount()).split(' of ')[0]!.replace(/\D/g, ''));
    const matching = count((r) => r.outlet === 'Outlet 07');
    expect(shown).toBeGreaterThanOrEqual(matching - 5);
    expect(shown).toBeLessThanOrEqual(matching);
    await byTestId('select-all').click();
    await poll(() => byTestId('delete-selected').innerText()).toBe(`Delete selected (${fmt(shown)})`);
    await byTestId('delete-selected').click();
    await byTestId('confirm-delete-yes').click();
    await poll(() => byTestId('import-status').innerText(), { timeout: 60_000 }).toContain(`Deleted ${fmt(shown)} articles.`);
    await poll(() => byTestId('no-matches').isVisible()).toBe(true);
    expect((await sendFrom(page, 'archive/stats', {})).data?.count).toBe(before - shown);
  });
});

describe('one article and its related coverage', () => {
  it('shows the article as text with its address and the related coverage from the match index', async () => {
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await search('Xinjiang UN visit');
    const row = rows().filter({ hasText: 'CBC News' }).first();
    await row.getByTestId('row-title').click();
    const view = byTestId('article-view');
    await poll(() => view.isVisible()).toBe(true);
    expect(await byTestId('article-view-title').innerText()).toMatch(/China welcomes UN visit to Xinjiang/);
    expect(await byTestId('article-view-outlet').innerText()).toBe('CBC News');
    expect(await byTestId('article-view-text').locator('p').count()).toBeGreaterThan(2);
    await poll(() => byTestId('article-related').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = byTestId('article-related').first();
    expect(await first.innerText()).toContain('Daily Mail');
    const compare = first.getByTestId('article-related-compare');
    expect(await compare.getAttribute('href')).toMatch(/compare\.html\?self=seed%3A002.*&ids=seed%3A000/);
    expect(await compare.getAttribute('rel')).toBe('noopener noreferrer');
    expect(page.url()).toContain('article=seed%3A002');
    // The related article opens in the same view; the list then narrows to the story.
    await first.getByTestId('article-related-open').click();
    await poll(() => byTestId('article-view-outlet').innerText()).toBe('Daily Mail');
    await poll(() => byTestId('article-related').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await byTestId('show-same-story').click();
    await poll(() => view.count()).toBe(0);
    await poll(() => byTestId('same-story-filter').innerText()).toMatch(/China invites EU diplomats/);
    await search('');
    await poll(async () => (await rows().allInnerTexts()).join('\n')).toContain('CBC News');
    await poll(listCount).toMatch(/^\d+ of [\d,]+ articles match$/);
    expect(Number((await listCount()).split(' of ')[0])).toBeLessThan(12);
  });

  it('links an http(s) address with noopener noreferrer, and shows other addresses as text', async () => {
    await page.goto(`chrome-extension://${extension.extensionId}/options.html#article=bulk%3A2`);
    const link = page.locator('a[data-testid="article-view-url"]');
    await poll(() => link.getAttribute('href')).toBe('https://bulk.example/2');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await page.keyboard.press('Escape');
    await poll(() => byTestId('article-view').count()).toBe(0);
    expect(page.url()).not.toContain('article=');
  });
});

describe('outlet groups', () => {
  it('refuses a group without a name, saves a valid one, labels and filters by it', async () => {
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await byTestId('group-add').click();
    await byTestId('group-outlets').last().fill('Daily Mail');
    await byTestId('groups-save').click();
    await poll(() => byTestId('groups-error').innerText()).toContain('a group needs a name');
    await byTestId('group-name').last().fill('UK press');
    await byTestId('group-outlets').last().fill('Daily Mail\nThe Guardian');
    await byTestId('groups-save').click();
    await poll(() => byTestId('groups-error').count()).toBe(0);
    await search('Xinjiang');
    const dailyMail = rows().filter({ hasText: 'Daily Mail' }).first();
    await poll(() => dailyMail.getByTestId('group-label').innerText()).toBe('UK press');
    await search('');
    await byTestId('group-filter').selectOption('UK press');
    await poll(async () => new Set(await page.locator('[data-testid="row-outlet"]').allInnerTexts())).toEqual(
      new Set(['Daily Mail', 'The Guardian']),
    );
    await page.reload();
    expect(await byTestId('group-filter').inputValue()).toBe('UK press');
  });

  it("shows the group beside the outlet in the popup's related coverage", async () => {
    const { page: article, popup } = await openPopupFor(extension.context, extension.extensionId, fixtures.url('cbc-xinjiang-un'));
    const item = popup.getByTestId('related-item').filter({ hasText: 'Daily Mail' }).first();
    await poll(() => item.getByTestId('group-label').innerText(), { timeout: 20_000 }).toBe('UK press');
    await popup.close();
    await article.close();
  });
});

describe('accessibility', () => {
  it('has no axe violations with the list full and the article open, in light and dark, at 800x600', async () => {
    await page.goto(`chrome-extension://${extension.extensionId}/options.html#article=bulk%3A3`);
    await poll(() => byTestId('article-view-title').count()).toBe(1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const hash of ['#article=bulk%3A3', '']) {
        await page.goto(`chrome-extension://${extension.extensionId}/options.html${hash}`);
        await poll(() => rows().count()).toBeGreaterThan(5);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        expect(violations.map((v) => `${colorScheme} ${hash}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      }
    }
    // At 800 px nothing is wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(problems.all()).toEqual([]);
  });
});
