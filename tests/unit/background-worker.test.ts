import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { articleFromRecord } from '../../src/core/types';
import { send } from '../../src/ui/client';
import { makeFakeBrowser } from './support/background-fake-browser';

const SAMPLE = readFileSync(new URL('../../public/sample/sample.ndjson', import.meta.url), 'utf8');
const cbcRecord = SAMPLE.split('\n')
  .map((l) => (l ? JSON.parse(l) : null))
  .find((r) => r?.outlet === 'CBC News');
const PAGE = 'https://www.cbc.ca/news/world/china-xinjiang-un-visit-1.5';

// The worker module takes its browser from the seam at load: the polyfill module is the fake.
const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof makeFakeBrowser> | null, extract: (): unknown => undefined }));
vi.mock('webextension-polyfill', async () => {
  const { makeFakeBrowser: make } = await import('./support/background-fake-browser');
  fake.current = make({
    tabs: [{ id: 5, url: 'https://www.cbc.ca/news/world/china-xinjiang-un-visit-1.5' }],
    extract: () => fake.extract(),
  });
  return { default: fake.current.browser };
});

describe('The service worker', () => {
  beforeAll(() => {
    fake.extract = () => ({ ok: true, article: articleFromRecord({ ...cbcRecord, id: PAGE, url: PAGE, story: undefined }) });
    vi.stubGlobal('fetch', async (url: string) => {
      if (url !== 'chrome-extension://framelens-test-id/sample/sample.ndjson') return new Response('', { status: 404 });
      return new Response(SAMPLE);
    });
  });

  it('registers its listeners synchronously when the module loads', async () => {
    await import('../../src/background/index');
    expect(fake.current?.messageListeners).toHaveLength(1);
    expect(fake.current?.installedListeners).toHaveLength(1);
    expect(fake.current?.tabUpdatedListeners).toHaveLength(1);
  });

  it("opens the first-run page on install only, and clears a tab's badge when it loads a new page", async () => {
    const fakeBrowser = fake.current!;
    fakeBrowser.installedListeners[0]!({ reason: 'update' });
    expect(fakeBrowser.opened).toEqual([]);
    fakeBrowser.installedListeners[0]!({ reason: 'install' });
    expect(fakeBrowser.opened).toEqual(['chrome-extension://framelens-test-id/welcome.html']);
    fakeBrowser.badges.set(4, '3');
    fakeBrowser.tabUpdatedListeners[0]!(4, { status: 'complete' });
    expect(fakeBrowser.badges.get(4)).toBe('3');
    fakeBrowser.tabUpdatedListeners[0]!(4, { status: 'loading' });
    await expect.poll(() => fakeBrowser.badges.get(4)).toBe('');
  });

  it('answers requests once initialised: empty archive, sample, analysis, save twice', async () => {
    expect(await send('archive/stats', {})).toMatchObject({ count: 0 });
    expect(await send('archive/list', {})).toEqual({ total: 0, items: [], pending: 0 });
    const loaded = await send('archive/loadSample', {});
    expect(loaded.added).toBe(SAMPLE.trim().split('\n').length);
    expect((await send('archive/stats', {})).count).toBe(loaded.added);
    const analysis = await send('tab/analyze', { tabId: 5 });
    if (analysis.status !== 'ok') throw new Error(analysis.message);
    expect(analysis.related[0]?.outlet).toBe('Daily Mail');
    expect(analysis.saved).toBe(true);
    const saved = await send('archive/save', { article: analysis.article });
    expect(saved.created).toBe(true);
    expect(await send('archive/save', { article: { ...analysis.article, title: 'Updated' } })).toEqual({ id: saved.id, created: false });
    expect((await send('archive/get', { id: saved.id })).record?.title).toBe('Updated');
  });

  it('compares framing of an archived article with others by id', async () => {
    // The list answers at once from what is indexed; the sample is in it once nothing is pending.
    await vi.waitFor(async () => expect((await send('archive/list', { limit: 1 })).pending).toBe(0));
    const { items } = await send('archive/list', { query: 'xinjiang', limit: 10 });
    const ids = items.map((i) => i.id).slice(0, 2);
    expect(ids.length).toBe(2);
    const { report } = await send('framing/compare', { ids });
    expect(report.articles.map((a) => a.id)).toEqual(ids);
    await expect(send('framing/compare', { ids: [ids[0]!, 'missing'] })).rejects.toThrow(/no longer in the archive/);
    await expect(send('framing/compare', { ids: [ids[0]!] })).rejects.toThrow(/at least two/);
  });

  it('refuses a web page that messages it', async () => {
    const listener = fake.current!.messageListeners[0]!;
    const reply = await listener(
      { type: 'archive/list', payload: {} },
      { id: 'framelens-test-id', url: 'https://evil.example/', tab: { id: 1 } as never },
    );
    expect(reply).toMatchObject({ ok: false });
  });
});
