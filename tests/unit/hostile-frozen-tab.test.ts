/**
 * A tab whose page blocks its own main thread (tests/fixtures/hostile/busy-main-thread):
 * no extension script can run there, so the browser never answers executeScript. The
 * reader must get a "not responding" message in bounded time, not an endless spinner,
 * and a late answer or failure of the abandoned injection must not surface as an error.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { analyzeTab } from '../../src/background/analyze';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { TermBackgroundStore } from '../../src/background/termBackgroundStore';
import { makeFakeBrowser } from './support/background-fake-browser';

vi.mock('webextension-polyfill', () => ({ default: {} }));

async function deps(executeScript: () => Promise<unknown>) {
  const archive = new Archive(await openArchiveDb(`frozen-${Math.random()}`));
  const fake = makeFakeBrowser({ tabs: [{ id: 4, url: 'https://news.example/frozen' }] });
  const browser = { ...fake.browser, scripting: { executeScript } } as unknown as Browser;
  return {
    browser,
    archive,
    matches: await MatchIndexStore.open(archive),
    terms: await TermBackgroundStore.open(archive),
    readTimeoutMs: 50,
  };
}

describe('a tab that never answers', () => {
  it('is reported as not responding once the time limit passes', async () => {
    const result = await analyzeTab(await deps(() => new Promise(() => undefined)), 4);
    expect(result).toEqual({ status: 'error', message: expect.stringMatching(/not responding.*reload it/i) });
  });

  it('a failure of the abandoned injection after the limit is swallowed', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    let fail: (e: Error) => void = () => undefined;
    const late = new Promise((_resolve, reject) => {
      fail = reject;
    });
    const result = await analyzeTab(await deps(() => late), 4);
    expect(result.status).toBe('error');
    fail(new Error('Frame with ID 0 was removed.'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('a tab that answers in time is read as usual', async () => {
    const result = await analyzeTab(
      await deps(async () => [{ result: { ok: false, reason: 'not-article', message: 'No article here.' } }]),
      4,
    );
    expect(result).toEqual({ status: 'no-article', message: 'No article here.' });
  });
});
