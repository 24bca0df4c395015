/**
 * Auto-capture in the background (src/background/capture.ts) through the browser seam:
 * off by default, only finished loads of http(s) pages outside private windows, blocked
 * domains and local hosts; records saved with origin 'captured' through Save's upsert, a
 * hand save never downgraded; bounded by time and by a memory of recent pages; a full quota
 * leaves a clear message and no record; host access taken away switches capture off.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Archive } from '../../src/background/archive';
import { AutoCapture, onHostAccessRemoved, RECENT_MS } from '../../src/background/capture';
import { openArchiveDb } from '../../src/background/db';
import { articleFromRecord, type Article } from '../../src/core/types';
import { CAPTURE_KEY, CAPTURE_STATUS_KEY } from '../../src/shared/settings';
import { makeFakeBrowser, type FakeBrowserOptions } from './support/background-fake-browser';

const URL_A = 'https://news.example.com/a';

function article(url: string, title = 'Council votes to close depot'): Article {
  return articleFromRecord({
    id: url,
    url,
    title,
    outlet: 'Courier',
    published: '2024-03-04',
    text: 'The council voted seven to two on Monday night to close the depot.',
  });
}

let n = 0;
async function setup(options: FakeBrowserOptions & { enabled?: boolean; blocklist?: string[]; timeoutMs?: number } = {}) {
  const archive = new Archive(await openArchiveDb(`capture-${++n}`));
  let answer: unknown = { ok: true, article: article(URL_A) };
  const fake = makeFakeBrowser({
    extract: () => (typeof answer === 'function' ? (answer as () => unknown)() : answer),
    origins: ['http://*/*', 'https://*/*'],
    ...options,
  });
  if (options.enabled !== false)
    await fake.browser.storage.local.set({ [CAPTURE_KEY]: { enabled: true, blocklist: options.blocklist ?? [] } });
  let now = 1_000_000;
  const capture = new AutoCapture(
    fake.browser,
    async () => ({ browser: fake.browser, archive }),
    () => now,
    options.timeoutMs ?? 8000,
  );
  return {
    archive,
    fake,
    capture,
    answer: (a: unknown) => void (answer = a),
    advance: (ms: number) => void (now += ms),
    origin: async (url: string) => (await archive.findStoredByUrl(url))?.origin ?? null,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('auto-capture', () => {
  it('does nothing while off (the default): no script, no record', async () => {
    const { capture, fake, archive } = await setup({ enabled: false });
    expect(await capture.consider({ id: 3, url: URL_A, incognito: false })).toBe('off');
    expect(fake.injected).toEqual([]);
    expect(await archive.count()).toBe(0);
  });

  it('waits for a finished load', async () => {
    const { capture, fake } = await setup();
    expect(capture.onTabUpdated({ status: 'loading' }, { id: 3, url: URL_A, incognito: false })).toBeNull();
    expect(capture.onTabUpdated({}, { id: 3, url: URL_A, incognito: false })).toBeNull();
    expect(capture.onTabUpdated({ status: 'complete' }, undefined)).toBeNull();
    expect(fake.injected).toEqual([]);
  });

  it("saves a news page with origin captured, through the content script's capture()", async () => {
    const { capture, fake, origin, archive } = await setup();
    expect(await capture.onTabUpdated({ status: 'complete' }, { id: 3, url: URL_A, incognito: false })).toBe('captured');
    expect(fake.injected).toEqual([
      { tabId: 3, files: ['content.js'], func: false },
      { tabId: 3, files: undefined, func: true },
    ]);
    expect(await origin(URL_A)).toBe('captured');
    expect(await archive.count()).toBe(1);
    expect(fake.storage.get(CAPTURE_STATUS_KEY)).toEqual({ lastCapture: { at: 1_000_000, title: 'Council votes to close depot' } });
  });

  it('never touches private tabs, non-web pages, blocked domains or local hosts', async () => {
    const { capture, fake, archive } = await setup({ blocklist: ['blocked.example.com'] });
    expect(await capture.consider({ id: 3, url: URL_A, incognito: true })).toBe('private');
    for (const url of [
      'chrome://settings/',
      'file:///tmp/a.html',
      'https://chromewebstore.google.com/detail/x',
      'https://www.blocked.example.com/news/1',
      'http://192.168.1.1/',
      'http://localhost:3000/a',
      'https://example.com/report.pdf',
      undefined,
    ]) {
      expect(await capture.consider({ id: 3, url, incognito: false }), String(url)).toBe('skipped');
    }
    expect(fake.injected).toEqual([]);
    expect(await archive.count()).toBe(0);
  });

  it("captures a local host the extension was granted by name (the test build's 127.0.0.1)", async () => {
    const { capture } = await setup({ origins: ['http://127.0.0.1/*'] });
    expect(await capture.consider({ id: 3, url: 'http://127.0.0.1:5555/news/', incognito: false })).toBe('captured');
  });

  it('reads the same address at most once per RECENT_MS, fragments included', async () => {
    const { capture, fake, advance } = await setup();
    expect(await capture.consider({ id: 3, url: URL_A, incognito: false })).toBe('captured');
    expect(await capture.consider({ id: 4, url: `${URL_A}#comments`, incognito: false })).toBe('recent');
    advance(RECENT_MS + 1);
    expect(await capture.consider({ id: 4, url: URL_A, incognito: false })).toBe('updated');
    expect(fake.injected.filter((i) => i.func)).toHaveLength(2);
  });

  it('reads one page per tab at a time: a page loaded meanwhile waits for the read before it, and is not missed', async () => {
    const { capture, fake, answer, archive } = await setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The tab shows page 1 (whose first injection is slow) until the read of it ends, then page 2.
    let calls = 0;
    answer(() => {
      calls++;
      if (calls === 1) return gate;
      return { ok: true, article: article(calls <= 2 ? 'https://news.example.com/1' : 'https://news.example.com/2') };
    });
    const a = capture.consider({ id: 3, url: 'https://news.example.com/1', incognito: false });
    await vi.waitFor(() => expect(fake.injected).toHaveLength(1));
    const b = capture.consider({ id: 3, url: 'https://news.example.com/2', incognito: false });
    await new Promise((r) => setTimeout(r, 20));
    // The second read has not started while the first is going.
    expect(fake.injected).toHaveLength(1);
    release();
    expect(await Promise.all([a, b])).toEqual(['captured', 'captured']);
    expect(fake.injected).toHaveLength(4);
    expect(await archive.count()).toBe(2);
  });

  it('passes over pages that are not news, pages it cannot script and pages that do not answer in time', async () => {
    const { capture, answer, archive } = await setup({ timeoutMs: 50 });
    answer({ ok: false, reason: 'not-news', message: 'not-declared' });
    expect(await capture.consider({ id: 3, url: 'https://a.example.com/1', incognito: false })).toBe('not-news');
    answer({ ok: false, reason: 'empty', message: 'No text.' });
    expect(await capture.consider({ id: 3, url: 'https://a.example.com/2', incognito: false })).toBe('no-article');
    answer(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
    expect(await capture.consider({ id: 3, url: 'https://a.example.com/3', incognito: false })).toBe('unscriptable');
    answer({ ok: true, article: { title: 'no schema' } });
    expect(await capture.consider({ id: 3, url: 'https://a.example.com/4', incognito: false })).toBe('no-answer');
    // A page whose main thread never lets the script run: given up after the time bound.
    answer(() => new Promise(() => undefined));
    const started = Date.now();
    expect(await capture.consider({ id: 3, url: 'https://a.example.com/5', incognito: false })).toBe('no-answer');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(await archive.count()).toBe(0);
  });

  it('never downgrades a hand-saved article, and keeps an imported one imported', async () => {
    const { capture, archive, origin, answer } = await setup();
    await archive.save(article(URL_A, 'Saved by hand'));
    expect(await capture.consider({ id: 3, url: URL_A, incognito: false })).toBe('updated');
    expect(await origin(URL_A)).toBe('saved');
    const imported = 'https://news.example.com/imported';
    await archive.importRecords([{ id: 'imp-1', url: imported, title: 'Imported', outlet: 'X', published: null, text: 'Imported text.' }]);
    answer({ ok: true, article: article(imported, 'Captured again') });
    expect(await capture.consider({ id: 3, url: imported, incognito: false })).toBe('updated');
    expect(await origin(imported)).toBe('imported');
    expect((await archive.findByUrl(imported))?.title).toBe('Captured again');
  });

  it('a full quota leaves a clear message for the options page and no record', async () => {
    const { capture, archive, fake } = await setup();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'articles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    expect(await capture.consider({ id: 3, url: URL_A, incognito: false })).toBe('failed');
    vi.restoreAllMocks();
    expect(await archive.count()).toBe(0);
    expect(await archive.changeCounter()).toBe(0);
    expect(fake.storage.get(CAPTURE_STATUS_KEY)).toEqual({
      lastError: { at: 1_000_000, message: expect.stringMatching(/no more storage.*nothing was saved/) },
    });
  });
});

describe('host access taken away', () => {
  it('switches capture off when the origins capture needs are removed, and only then', async () => {
    const { fake } = await setup({ blocklist: ['a.example.com'] });
    expect(await onHostAccessRemoved(fake.browser, { origins: ['https://other.example.com/*'] })).toBe(false);
    expect(fake.storage.get(CAPTURE_KEY)).toEqual({ enabled: true, blocklist: ['a.example.com'] });
    expect(await onHostAccessRemoved(fake.browser, { origins: ['https://*/*'] })).toBe(true);
    expect(fake.storage.get(CAPTURE_KEY)).toEqual({ enabled: false, blocklist: ['a.example.com'] });
  });
});
