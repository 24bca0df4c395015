import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/background/handlers/types';
import { createRouter } from '../../src/background/router';
import type { BackgroundDeps } from '../../src/background/deps';
import { setBrowser } from '../../src/shared/browser';
import { send } from '../../src/ui/client';
import { EXTENSION_ID, EXTENSION_ORIGIN, makeFakeBrowser } from './support/background-fake-browser';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const article = {
  id: 'https://n.example/a',
  url: 'https://n.example/a',
  title: 'T',
  outlet: 'N',
  published: '2024-01-02',
  text: 'Body.',
  byline: null,
  lang: 'en',
  words: 1,
};

/** Handlers that answer from memory, recording what they were given. */
function fakeHandlers(calls: unknown[]): Handlers {
  const never = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    'tab/analyze': never,
    'tab/related': never,
    'archive/save': async (p) => (calls.push(p), { id: p.article.id, created: true }),
    'archive/get': async ({ id }) => {
      if (id === 'explode') throw new TypeError('x is undefined');
      if (id === 'gone') throw new Error('That article is no longer in the archive.');
      return { record: null };
    },
    'archive/list': async (q) => (calls.push(q), { total: 0, items: [], pending: 0 }),
    'archive/ids': async (q) => (calls.push(q), { ids: [] }),
    'archive/deleteMatching': never,
    'archive/facets': never,
    'archive/related': never,
    'archive/delete': async ({ ids }) => ({ deleted: ids.length }),
    'archive/import': never,
    'archive/importStart': never,
    'archive/importBatch': never,
    'archive/importCommit': never,
    'archive/importAbort': never,
    'archive/export': never,
    'archive/loadSample': never,
    'archive/stats': async () => ({ count: 3, usageBytes: null, quotaBytes: null }),
    'framing/compare': never,
    'capture/set': never,
    'retention/set': never,
    'retention/preview': never,
    'archive/origins': never,
    'feeds/list': never,
    'feeds/add': never,
    'feeds/import': never,
    'feeds/remove': never,
    'feeds/poll': never,
    'feeds/setInterval': never,
    'discover/plan': never,
    'discover/services': never,
    'discover/setSettings': never,
    'discover/start': never,
    'discover/status': never,
    'discover/cancel': never,
    'discover/keep': never,
  };
}

const POLICY = { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN };
/** Stands in for the ready worker's dependencies; these handlers only pass it along. */
const DEPS = { stand: 'in' } as unknown as BackgroundDeps;

function setup() {
  const calls: unknown[] = [];
  const fake = makeFakeBrowser();
  const route = createRouter(fakeHandlers(calls), async () => DEPS, POLICY);
  fake.browser.runtime.onMessage.addListener(route as never);
  setBrowser(fake.browser);
  return { calls, fake, route };
}

describe('Router', () => {
  it("answers a valid request with its handler's response, through the client", async () => {
    const { calls } = setup();
    expect(await send('archive/save', { article })).toEqual({ id: article.id, created: true });
    expect(await send('archive/stats', {})).toEqual({ count: 3, usageBytes: null, quotaBytes: null });
    expect(calls[0]).toEqual({ article });
  });

  it('refuses an invalid payload with a readable reason and does not call the handler', async () => {
    const { calls, route, fake } = setup();
    const reply = await route({ type: 'archive/save', payload: { article: { ...article, title: 42 } } }, fake.sender);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/invalid "archive\/save" request: article\.title: /) });
    await expect(send('archive/list', { limit: 100_000 })).rejects.toThrow(/limit/);
    await expect(send('archive/delete', { ids: 'a' } as never)).rejects.toThrow(/ids/);
    await expect(send('archive/stats', { extra: 1 } as never)).rejects.toThrow(/invalid "archive\/stats"/);
    expect(calls).toEqual([]);
  });

  it('keeps refusals short when the payload quotes a huge value', async () => {
    const { route, fake } = setup();
    const reply = await route({ type: 'archive/delete', payload: { ids: 'x'.repeat(1_000_000) } }, fake.sender);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error).toMatch(/^Framelens refused an invalid "archive\/delete" request: ids: Invalid type: Expected Array/);
      expect(reply.error.length).toBeLessThan(400);
    }
  });

  it('validates records with the interchange schema', async () => {
    const { route, fake } = setup();
    const nested = JSON.parse('{"labels": {"deep": {"__proto__": {"polluted": true}}}}') as Record<string, unknown>;
    expect(await route({ type: 'archive/save', payload: { article: { ...article, ...nested } } }, fake.sender)).toMatchObject({
      ok: false,
      error: expect.stringContaining('forbidden key "__proto__"'),
    });
    expect(await route({ type: 'archive/save', payload: { article: { ...article, published: '2024-06-31' } } }, fake.sender)).toMatchObject(
      { ok: false },
    );
    const reply = await route({ type: 'archive/save', payload: { article: { ...article, published: 'last Tuesday' } } }, fake.sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('published is not an ISO date') });
  });

  it('refuses an unknown type and a message without one', async () => {
    const { route, fake } = setup();
    expect(await route({ type: 'archive/wipe', payload: {} }, fake.sender)).toEqual({
      ok: false,
      error: 'Framelens does not know the request "archive/wipe".',
    });
    expect(await route({ type: 'toString', payload: {} }, fake.sender)).toMatchObject({ ok: false });
    expect(await route('archive/list', fake.sender)).toMatchObject({ ok: false, error: expect.stringContaining('without a type') });
    expect(await route(null, fake.sender)).toMatchObject({ ok: false });
  });

  it('refuses other extensions and web pages (content scripts send nothing)', async () => {
    const { route, calls } = setup();
    const message = { type: 'archive/list', payload: {} };
    expect(await route(message, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('refused'),
    });
    expect(await route(message, { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3 } as never })).toMatchObject({
      ok: false,
      error: expect.stringContaining('web page'),
    });
    expect(await route(message, { id: EXTENSION_ID })).toMatchObject({ ok: false });
    expect(await route(message, { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html?tab=4`, tab: { id: 9 } as never })).toEqual({
      ok: true,
      data: { total: 0, items: [], pending: 0 },
    });
    expect(calls).toHaveLength(1);
  });

  it("turns handler errors into replies: a reader's sentence as is, a bug said as such", async () => {
    const { route, fake } = setup();
    expect(await route({ type: 'archive/get', payload: { id: 'gone' } }, fake.sender)).toEqual({
      ok: false,
      error: 'That article is no longer in the archive.',
    });
    expect(await route({ type: 'archive/get', payload: { id: 'explode' } }, fake.sender)).toEqual({
      ok: false,
      error: expect.stringMatching(/unexpected problem \(TypeError: x is undefined\)/),
    });
    await expect(send('archive/get', { id: 'gone' })).rejects.toThrow('That article is no longer in the archive.');
  });

  it('waits for the worker once per valid message and hands the handler its dependencies; a failed start is the reply', async () => {
    const { fake } = setup();
    const given: unknown[] = [];
    const handlers: Handlers = {
      ...fakeHandlers([]),
      'archive/facets': async (_, deps) => (given.push(deps), { outlets: [], stories: [], pending: 0 }),
    };
    let starts = 0;
    const route = createRouter(handlers, async () => (starts++, DEPS), POLICY);
    expect(await route({ type: 'archive/facets', payload: {} }, fake.sender)).toEqual({
      ok: true,
      data: { outlets: [], stories: [], pending: 0 },
    });
    expect(given).toHaveLength(1);
    expect(given[0]).toBe(DEPS);
    expect(starts).toBe(1);
    expect(await route({ type: 'archive/facets', payload: { extra: 1 } }, fake.sender)).toMatchObject({ ok: false });
    expect(starts).toBe(1);
    const failing = createRouter(
      handlers,
      async () => {
        throw new Error('The archive could not be opened.');
      },
      POLICY,
    );
    expect(await failing({ type: 'archive/facets', payload: {} }, fake.sender)).toEqual({
      ok: false,
      error: 'The archive could not be opened.',
    });
    expect(given).toHaveLength(1);
  });
});
