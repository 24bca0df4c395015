/**
 * The page reader the worker picks: DOMParser where the background has a DOM (Firefox), an
 * offscreen document otherwise (Chrome), created once per poll and closed after it; and the
 * offscreen document's request schema, so it answers only its own request.
 */
import * as v from 'valibot';
import { JSDOM } from 'jsdom';
import type { Browser } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { createPageExtractor } from '../../src/background/feeds/pageExtractor';
import { OffscreenExtractSchema, validateRequest } from '../../src/shared/schemas';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const ARTICLE = {
  id: 'https://x.example/a',
  url: 'https://x.example/a',
  title: 'T',
  outlet: 'X',
  published: null,
  text: 'Body.',
  byline: null,
  lang: 'en',
  words: 1,
};

function fakeOffscreen(answer: unknown = { ok: true, article: ARTICLE }, existing = false) {
  const calls: string[] = [];
  let open = existing;
  const browser = {
    offscreen: {
      createDocument: async (params: { url: string; reasons: string[] }) => {
        calls.push(`create ${params.url} ${params.reasons.join(',')}`);
        if (open) throw new Error('Only a single offscreen document may be created.');
        open = true;
      },
      closeDocument: async () => {
        calls.push('close');
        open = false;
      },
    },
    runtime: {
      sendMessage: async (message: unknown) => {
        calls.push(`send ${(message as { type: string }).type}`);
        return answer;
      },
    },
  } as unknown as Browser;
  return { browser, calls };
}

describe('the page reader', () => {
  it('reads with DOMParser when the background has one (Firefox), without any message', async () => {
    const { browser, calls } = fakeOffscreen();
    const reader = createPageExtractor(browser, new JSDOM('').window.DOMParser);
    const html =
      '<html><head><title>Headline</title><meta property="og:type" content="article"></head><body><article><h1>Headline</h1>' +
      '<p>A sentence of the article body that goes on for a while.</p>'.repeat(10) +
      '</article></body></html>';
    const result = await reader.extract(html, 'https://x.example/story');
    expect(result.ok).toBe(true);
    expect(calls).toEqual([]);
  });

  it('opens one offscreen document (DOM_PARSER) for many pages and closes it on release', async () => {
    const { browser, calls } = fakeOffscreen();
    const reader = createPageExtractor(browser, undefined);
    expect(await reader.extract('<p>1</p>', 'https://x.example/1')).toEqual({ ok: true, article: ARTICLE });
    await reader.extract('<p>2</p>', 'https://x.example/2');
    await reader.release();
    expect(calls).toEqual(['create offscreen.html DOM_PARSER', 'send offscreen/extract', 'send offscreen/extract', 'close']);
  });

  it('reuses a document a stopped worker left open', async () => {
    const { browser, calls } = fakeOffscreen(null, true);
    const reader = createPageExtractor(browser, undefined);
    const result = await reader.extract('<p>1</p>', 'https://x.example/1');
    // No usable answer is a failed item, not a crash.
    expect(result).toMatchObject({ ok: false, reason: 'error', message: 'The page reader did not answer.' });
    expect(calls).toEqual(['create offscreen.html DOM_PARSER', 'send offscreen/extract']);
  });

  it('says so when the browser has neither a DOM nor offscreen documents', async () => {
    const reader = createPageExtractor({ runtime: {} } as unknown as Browser, undefined);
    expect(await reader.extract('<p>x</p>', 'https://x.example/')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no DOMParser and no offscreen/),
    });
  });
});

describe('schemas', () => {
  it('the offscreen document takes only its own request', () => {
    expect(
      v.safeParse(OffscreenExtractSchema, { target: 'offscreen', type: 'offscreen/extract', html: '<p/>', url: 'https://x.example/' })
        .success,
    ).toBe(true);
    expect(v.safeParse(OffscreenExtractSchema, { type: 'feeds/list', payload: {} }).success).toBe(false);
    expect(v.safeParse(OffscreenExtractSchema, { target: 'offscreen', type: 'offscreen/extract', html: 1, url: 'x' }).success).toBe(false);
  });

  it('feed messages refuse intervals out of range and malformed feed lists', () => {
    expect(validateRequest('feeds/setInterval', { id: 'f', minutes: 60 }).ok).toBe(true);
    expect(validateRequest('feeds/setInterval', { id: 'f', minutes: 5 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/minutes/),
    });
    expect(validateRequest('feeds/add', { url: '' })).toMatchObject({ ok: false, reason: expect.stringMatching(/url is empty/) });
    expect(validateRequest('feeds/import', { feeds: [{ url: 'https://x.example/f', title: 'X' }] }).ok).toBe(false);
    expect(
      validateRequest('feeds/import', {
        feeds: Array.from({ length: 1001 }, () => ({ url: 'https://x.example/f', title: '', siteUrl: null })),
      }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 1000 feeds/) });
  });
});
