import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTab } from '../../src/background/analyze';
import { Archive } from '../../src/background/archive';
import { CatalogStore } from '../../src/background/catalogStore';
import { createFeedService } from '../../src/background/feeds/setup';
import { framingHandlers } from '../../src/background/handlers/framing';
import { openArchiveDb } from '../../src/background/db';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { TermBackgroundStore } from '../../src/background/termBackgroundStore';
import { compareFraming } from '../../src/core/framing';
import { parseRecords } from '../../src/core/records';
import { articleFromRecord, type Article, type ArticleRecord } from '../../src/core/types';
import { makeFakeBrowser, type FakeBrowserOptions } from './support/background-fake-browser';

const sample = parseRecords(readFileSync(new URL('../../public/sample/sample.ndjson', import.meta.url), 'utf8'));
if (!sample.ok) throw new Error(sample.reason);
const records = sample.records;
const dailyMail = records.find((r) => r.outlet === 'Daily Mail')!;
const cbc = records.find((r) => r.outlet === 'CBC News')!;
const PAGE_URL = 'https://www.cbc.ca/news/world/china-un-xinjiang-1.5000000';

/** The CBC seed as the content script would extract it from its page. */
function cbcPage(over: Partial<Article> = {}): Article {
  return { ...articleFromRecord({ ...cbc, id: PAGE_URL, url: PAGE_URL }), byline: 'Thomson Reuters', ...over };
}

let n = 0;
async function setup(archived: ArticleRecord[], browser: FakeBrowserOptions) {
  const archive = new Archive(await openArchiveDb(`analyze-${++n}`));
  if (archived.length) await archive.importRecords(archived);
  const matches = await MatchIndexStore.open(archive);
  const terms = await TermBackgroundStore.open(archive);
  await terms.refresh();
  const fake = makeFakeBrowser(browser);
  return {
    archive,
    matches,
    terms,
    fake,
    analyze: (tabId?: number) => analyzeTab({ browser: fake.browser, archive, matches }, tabId),
    compare: async (article: Article, ids: string[]) =>
      framingHandlers['framing/compare'](
        { article, ids },
        {
          browser: fake.browser,
          archive,
          matches,
          catalog: () => CatalogStore.open(archive),
          terms,
          feeds: createFeedService(fake.browser, archive),
          readSample: async () => '',
        },
      ),
  };
}

const others = records.filter((r) => r.outlet !== 'CBC News');

describe('tab/analyze', () => {
  it("reads the page and ranks the other outlet's coverage first, without waiting for a framing report", async () => {
    const { analyze, fake } = await setup(others, { tabs: [{ id: 7, url: PAGE_URL }], extract: () => ({ ok: true, article: cbcPage() }) });
    const result = await analyze(7);
    if (result.status !== 'ok') throw new Error(result.message);
    expect(fake.injected).toEqual([
      { tabId: 7, files: ['content.js'], func: false },
      { tabId: 7, files: undefined, func: true },
    ]);
    expect(result.related[0]).toMatchObject({
      id: dailyMail.id,
      title: dailyMail.title,
      outlet: 'Daily Mail',
      published: '2020-09-15',
      url: null,
    });
    expect(result.related.length).toBeLessThanOrEqual(10);
    expect(result.related.map((r) => r.id)).not.toContain(PAGE_URL);
    expect(result.saved).toBe(false);
    expect(result.archiveSize).toBe(others.length);
    expect(result).not.toHaveProperty('report');
  });

  it('compares framing with the best match, weighing distinctive terms against the archive-wide background', async () => {
    const { analyze, compare, terms } = await setup(others, {
      tabs: [{ id: 7, url: PAGE_URL }],
      extract: () => ({ ok: true, article: cbcPage() }),
    });
    const result = await analyze(7);
    if (result.status !== 'ok') throw new Error(result.message);
    const { report } = await compare(result.article, [result.related[0]!.id]);
    expect(report.articles.map((a) => a.id)).toEqual([PAGE_URL, dailyMail.id]);
    const background = terms.get();
    expect(background?.docs).toBe(others.length);
    const best = articleFromRecord(dailyMail);
    expect(report.terms.length).toBeGreaterThan(0);
    expect(report.terms).toEqual(compareFraming([cbcPage(), best], { background }).terms);
    expect(report.terms).not.toEqual(compareFraming([cbcPage(), best]).terms);
  });

  it('shows the same-story count on the toolbar badge of that tab, and clears it on a new page', async () => {
    const { analyze, fake } = await setup(others, { tabs: [{ id: 7, url: PAGE_URL }], extract: () => ({ ok: true, article: cbcPage() }) });
    const result = await analyze(7);
    if (result.status !== 'ok') throw new Error(result.message);
    const sameStory = result.related.filter((r) => r.sameStory !== false).length;
    expect(fake.badges.get(7)).toBe(sameStory > 0 ? String(sameStory) : '');
    const none = await setup(others, {
      tabs: [{ id: 8, url: 'https://news.example/' }],
      extract: () => ({ ok: false, reason: 'not-article', message: 'No article here.' }),
    });
    await none.analyze(8);
    expect(none.fake.badges.get(8)).toBe('');
  });

  it('uses the active tab when no tab id is given', async () => {
    const { analyze, fake } = await setup(others, { tabs: [{ id: 3, url: PAGE_URL }], extract: () => ({ ok: true, article: cbcPage() }) });
    expect((await analyze()).status).toBe('ok');
    expect(fake.injected[0]?.tabId).toBe(3);
  });

  it('marks the page as saved and never lists its archived copy, found by URL or by text', async () => {
    const byUrl = { ...cbc, id: 'saved-copy', url: `${PAGE_URL}?utm_source=twitter` };
    const one = await setup([...others, byUrl], { tabs: [{ id: 1, url: PAGE_URL }], extract: () => ({ ok: true, article: cbcPage() }) });
    const first = await one.analyze(1);
    expect(first).toMatchObject({ status: 'ok', saved: true });
    if (first.status === 'ok') expect(first.related.map((r) => r.id)).not.toContain('saved-copy');

    const byText = await setup(records, { tabs: [{ id: 1, url: PAGE_URL }], extract: () => ({ ok: true, article: cbcPage() }) });
    const second = await byText.analyze(1);
    expect(second).toMatchObject({ status: 'ok', saved: true });
    if (second.status === 'ok') {
      expect(second.related.map((r) => r.id)).not.toContain(cbc.id);
      expect(second.related[0]?.id).toBe(dailyMail.id);
    }
  });

  it('with an empty archive answers no related coverage', async () => {
    const { analyze } = await setup([], { tabs: [{ id: 1, url: PAGE_URL }], extract: () => ({ ok: true, article: cbcPage() }) });
    expect(await analyze(1)).toMatchObject({ status: 'ok', related: [], saved: false, archiveSize: 0 });
  });

  it.each([
    ['chrome://settings/', /browser's own pages/],
    ['edge://extensions/', /browser's own pages/],
    ['about:blank', /browser's own pages/],
    ['view-source:https://example.com/', /page source/],
    ['https://chromewebstore.google.com/detail/x', /Chrome Web Store/],
    ['https://chrome.google.com/webstore/detail/x', /Chrome Web Store/],
    ['https://addons.mozilla.org/en-US/firefox/', /Firefox add-ons/],
    ['https://example.com/report.pdf', /PDF/],
    ['file:///home/me/article.html', /Allow access to file URLs/],
  ])('refuses %s before injecting anything, saying why and what to do', async (url, why) => {
    const { analyze, fake } = await setup([], { tabs: [{ id: 1, url }] });
    const result = await analyze(1);
    expect(result).toMatchObject({ status: 'forbidden', message: expect.stringMatching(why) });
    if (result.status === 'forbidden') expect(result.message).toMatch(/again/);
    expect(fake.injected).toEqual([]);
  });

  it('reads a file:// page when the reader allowed file access', async () => {
    const { analyze } = await setup([], {
      tabs: [{ id: 1, url: 'file:///home/me/a.html' }],
      fileAccess: true,
      extract: () => ({ ok: true, article: cbcPage() }),
    });
    expect((await analyze(1)).status).toBe('ok');
  });

  it('maps a refusal the browser reports on injection to forbidden', async () => {
    const { analyze } = await setup([], {
      tabs: [{ id: 1 }],
      extract: () =>
        new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'),
    });
    expect(await analyze(1)).toMatchObject({ status: 'forbidden', message: expect.stringContaining('not allowed to read this page') });
  });

  it('passes on the extractor\'s "no article" message', async () => {
    const message = 'No article here: this looks like a list of links, not an article.';
    const { analyze } = await setup(others, {
      tabs: [{ id: 1, url: 'https://news.example/' }],
      extract: () => ({ ok: false, reason: 'not-article', message }),
    });
    expect(await analyze(1)).toEqual({ status: 'no-article', message });
  });

  it('answers an error status for a missing tab, a silent page and a malformed answer', async () => {
    const missing = await setup([], { tabs: [] });
    expect(await missing.analyze(99)).toMatchObject({ status: 'error', message: expect.stringContaining('tab') });
    const silent = await setup([], { tabs: [{ id: 1, url: 'https://n.example/a' }], extract: () => undefined });
    expect(await silent.analyze(1)).toMatchObject({ status: 'error', message: expect.stringContaining('Reload the page') });
    const malformed = await setup([], {
      tabs: [{ id: 1, url: 'https://n.example/a' }],
      extract: () => ({ ok: true, article: { title: 1 } }),
    });
    expect(await malformed.analyze(1)).toMatchObject({ status: 'error' });
  });
});
