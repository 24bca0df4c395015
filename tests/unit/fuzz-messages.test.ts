/**
 * Fuzzing the background's one entry point (src/background/router.ts) with the real
 * handlers and archive (fake IndexedDB): thousands of random and malformed messages from a
 * seeded PRNG (the seed is in the test name, so a failure replays exactly). Wrong types,
 * missing fields, huge strings, deep nesting, prototype-pollution keys, unknown message
 * types, and valid requests from foreign senders. The router must never throw, must answer
 * every invalid message `{ ok: false, error }` with a short sentence a reader can read,
 * must leave Object.prototype alone, and the archive must be exactly as before.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { handlers } from '../../src/background/handlers';
import { CatalogStore } from '../../src/background/catalogStore';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { createRouter, type Route } from '../../src/background/router';
import { TermBackgroundStore } from '../../src/background/termBackgroundStore';
import { toNdjson } from '../../src/core/records';
import type { ArticleRecord } from '../../src/core/types';
import { WRITES, type MessageType } from '../../src/shared/messages';
import { requestSchemas, validateRequest } from '../../src/shared/schemas';
import { EXTENSION_ID, EXTENSION_ORIGIN, makeFakeBrowser } from './support/background-fake-browser';
import { offlineFeeds } from './support/feeds-helpers';
import { prng } from '../../scripts/prng';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const SEED = 0x5eed_f00d;
const ROUNDS = 3000;
/** A reader-facing error is a sentence, not a dump of what was sent. */
const MAX_ERROR_CHARS = 600;
const TYPES = Object.keys(requestSchemas) as MessageType[];
/** Requests that change the archive, the settings or the subscriptions when valid, as the protocol flags them. */
const WRITING: ReadonlySet<MessageType> = new Set(TYPES.filter((type) => WRITES[type]));

const record = (id: string): ArticleRecord => ({
  id,
  url: `https://fuzz.example/${id}`,
  title: `Title ${id}`,
  outlet: 'Fuzz',
  published: '2024-05-06',
  text: `Body of ${id}.\n\nSecond paragraph.`,
});
const article = (id: string) => ({ ...record(id), byline: null, lang: 'en', words: 6 });

class Fuzzer {
  constructor(readonly random: () => number) {}
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  string(): string {
    switch (this.int(10)) {
      case 0:
        return '';
      case 1:
        return 'x'.repeat(100_000 + this.int(1_000_000));
      case 2:
        return this.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']);
      case 3:
        return '<img src=x onerror=alert(1)>';
      case 4:
        return '\u202e\u200b\ud800\u0000';
      case 5:
        return this.pick(TYPES);
      case 6:
        return 'javascript:alert(1)';
      default:
        return Array.from({ length: this.int(20) }, () => String.fromCharCode(this.int(0x3000))).join('');
    }
  }
  number(): number {
    return this.pick([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53 + 2, 1e308, this.int(1000)]);
  }
  /** Any structured-cloneable value, nested up to `depth`. */
  value(depth = 3): unknown {
    const kind = this.int(depth > 0 ? 12 : 8);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return undefined;
      case 2:
        return this.random() < 0.5;
      case 3:
        return this.number();
      case 4:
      case 5:
        return this.string();
      case 6:
        return this.pick([new Date(0), /x/g, new Map([[1, 2]]), new Set([1]), new Uint8Array(4), 10n]);
      case 7:
        return this.deep();
      case 8:
      case 9:
        return Array.from({ length: this.int(5) }, () => this.value(depth - 1));
      default:
        return this.object(depth - 1);
    }
  }
  object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = this.int(5); i > 0; i--)
      out[
        this.random() < 0.3
          ? this.pick(['__proto__', 'constructor', 'prototype', 'type', 'payload', 'id', 'ids', 'records', 'article'])
          : this.string().slice(0, 40)
      ] = this.value(depth);
    // JSON.parse makes a real own "__proto__" key, as a page or a file would deliver it.
    return this.random() < 0.2
      ? { ...out, ...(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as object) }
      : out;
  }
  /** Nesting that recursive validators or cloners may choke on. */
  deep(): unknown {
    let v: unknown = 'bottom';
    for (let i = 0, n = 100 + this.int(3000); i < n; i++) v = this.random() < 0.5 ? [v] : { nested: v };
    return v;
  }
  /** A valid payload for `type`, then broken in one way (or left valid, for foreign senders). */
  payload(type: MessageType, ids: string[]): Record<string, unknown> {
    const valid: Record<MessageType, Record<string, unknown>> = {
      'tab/analyze': { tabId: 7 },
      'tab/related': { article: article(`read-${this.int(1e6)}`) },
      'archive/save': { article: article(`new-${this.int(1e6)}`) },
      'archive/get': { id: this.pick(ids) },
      'archive/list': { query: 'body', limit: 10 },
      'archive/ids': { query: 'body', outlets: ['N'], sort: 'title', dir: 'asc' },
      'archive/deleteMatching': { filter: { query: `nothing-${this.int(1e6)}` } },
      'archive/facets': {},
      'archive/related': { id: this.pick(ids) },
      'archive/delete': { ids: [...ids] },
      'archive/import': { records: [record(`imp-${this.int(1e6)}`)] },
      'archive/importStart': { source: 'fuzz' },
      'archive/importBatch': { importId: 'x', records: [record('b')] },
      'archive/importCommit': { importId: 'x' },
      'archive/importAbort': { importId: 'x' },
      'archive/export': { after: null, limit: 10 },
      'archive/loadSample': {},
      'archive/stats': {},
      'framing/compare': { ids: ids.slice(0, 2) },
      'archive/origins': {},
      'capture/set': { enabled: true, blocklist: ['example.com'] },
      'retention/set': { policy: { mode: 'count', count: 5 } },
      'retention/preview': { policy: { mode: 'days', days: 30 } },
      'feeds/list': {},
      'feeds/add': { url: 'https://feeds.example/rss.xml' },
      'feeds/import': { feeds: [{ url: 'https://feeds.example/a.xml', title: 'A', siteUrl: null }] },
      'feeds/remove': { id: 'f' },
      'feeds/poll': { id: 'f' },
      'feeds/setInterval': { id: 'f', minutes: 60 },
      'discover/plan': { article: article(`page-${this.int(1e6)}`) },
      'discover/services': {},
      // Never on: a fuzzed search must not reach the network.
      'discover/setSettings': { enabled: false, providers: ['gdelt'], endpoints: {}, maxPages: 8, pageTimeoutSeconds: 15 },
      'discover/start': { article: article(`page-${this.int(1e6)}`) },
      'discover/status': { jobId: 'j', since: 0 },
      'discover/cancel': { jobId: 'j' },
      'discover/keep': { id: this.pick(ids) },
    };
    return valid[type];
  }
  break(payload: Record<string, unknown>): unknown {
    const keys = Object.keys(payload);
    const out: Record<string, unknown> = structuredClone(payload);
    switch (this.int(7)) {
      case 0:
        return this.value();
      case 1:
        if (keys.length) delete out[this.pick(keys)];
        else out.extra = 1;
        return out;
      case 2:
        out[keys.length ? this.pick(keys) : 'extra'] = this.value();
        return out;
      case 3: {
        // One field deep inside (an article or record field) gets a wrong value.
        const inner = (out.article ?? (out.records as unknown[] | undefined)?.[0]) as Record<string, unknown> | undefined;
        if (inner)
          inner[this.pick(['id', 'url', 'title', 'outlet', 'published', 'text', 'words', 'lang', 'byline', 'story'])] = this.value(1);
        else out[this.string().slice(0, 20) || 'extra'] = this.value();
        return out;
      }
      case 4:
        return { ...out, ...(JSON.parse('{"__proto__": {"polluted": true}}') as object) };
      case 5:
        return this.deep();
      default:
        out[this.string().slice(0, 30) || 'x'] = this.value();
        return out;
    }
  }
}

let archive: Archive;
let route: Route;
let ids: string[];
let snapshot: string;
const OWN_PAGE: Runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html` };

async function dump(): Promise<string> {
  return toNdjson((await archive.exportPage(null, 10_000)).records);
}

beforeAll(async () => {
  archive = new Archive(await openArchiveDb('fuzz-messages'));
  const matches = await MatchIndexStore.open(archive);
  const terms = await TermBackgroundStore.open(archive);
  const catalog = await CatalogStore.open(archive);
  const fake = makeFakeBrowser({
    tabs: [{ id: 7, url: 'https://news.example/a' }],
    extract: () => ({ ok: false, reason: 'not-article', message: 'No article here.' }),
  });
  const deps = {
    browser: fake.browser,
    archive,
    matches,
    catalog: async () => catalog,
    terms,
    feeds: offlineFeeds(archive, fake.browser),
    readSample: async () => toNdjson([record('sample-1')]),
  };
  route = createRouter(handlers, async () => deps, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN });
  await archive.importRecords(['a', 'b', 'c'].map(record));
  ids = ['a', 'b', 'c'];
  snapshot = await dump();
});

afterAll(() => {
  expect(Object.prototype).not.toHaveProperty('polluted');
});

/**
 * Sends as the browser would: a structured clone, from `sender`; null when the browser
 * could not even send it (the clone fails, e.g. nesting deeper than its serializer takes).
 * Any throw of the router fails the test.
 */
async function deliver(message: unknown, sender: Runtime.MessageSender) {
  let cloned: unknown;
  try {
    cloned = structuredClone(message);
  } catch {
    return null;
  }
  return route(cloned, sender);
}

function describeMessage(message: unknown): string {
  try {
    return (
      JSON.stringify(message, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value))?.slice(0, 200) ?? String(message)
    );
  } catch (e) {
    return `(${String(e)})`;
  }
}

function expectRefusal(reply: unknown, context: string): void {
  expect(reply, context).toMatchObject({ ok: false, error: expect.any(String) });
  const error = (reply as { error: string }).error;
  expect(error.trim().length, context).toBeGreaterThan(10);
  expect(error.length, `${context}: ${error.slice(0, 200)}…`).toBeLessThanOrEqual(MAX_ERROR_CHARS);
  expect(error, context).not.toMatch(/\[object Object\]|undefined is not|Cannot read prop/);
}

describe(`the router under ${ROUNDS} fuzzed messages (seed ${SEED.toString(16)})`, () => {
  it('refuses malformed messages and payloads with a short readable error, and the archive stays as it was', async () => {
    const fuzz = new Fuzzer(prng(SEED));
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const shape = fuzz.int(4);
      let message: unknown;
      if (shape === 0) message = fuzz.value();
      else if (shape === 1) message = { type: fuzz.random() < 0.5 ? fuzz.string() : fuzz.value(1), payload: fuzz.value() };
      else {
        const type = fuzz.pick(TYPES);
        message = { type, payload: fuzz.break(fuzz.payload(type, ids)) };
      }
      // Judge the message the router receives: the browser's structured clone (it drops a prototype a payload was given, say).
      try {
        message = structuredClone(message);
      } catch {
        continue;
      }
      const type = (message as { type?: unknown } | null)?.type;
      const known = typeof type === 'string' && (TYPES as string[]).includes(type);
      const valid = known && validateRequest(type as MessageType, (message as { payload?: unknown } | null)?.payload).ok;
      // A broken payload can come out valid (an optional field dropped): valid writes are not this test's business.
      if (valid && WRITING.has(type as MessageType)) continue;
      const reply = await deliver(message, OWN_PAGE);
      if (reply === null) continue;
      const context = `round ${round}: ${describeMessage(message)}`;
      if (!valid) {
        expectRefusal(reply, context);
        refused++;
      } else {
        expect(reply, context).toHaveProperty('ok');
      }
    }
    expect(refused).toBeGreaterThan(ROUNDS / 2);
    expect(await dump()).toBe(snapshot);
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 300_000);

  it('lets in only what an import would take back: nested prototype keys, absurd nesting and impossible dates are refused on every write', async () => {
    const nested = JSON.parse('{"labels": {"deep": {"__proto__": {"polluted": true}}}}') as Record<string, unknown>;
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100; i++) deep = { nested: deep };
    const extras: Array<[string, Record<string, unknown>]> = [
      ['a nested __proto__ key', nested],
      [
        'a nested constructor key',
        JSON.parse('{"labels": [{"constructor": {"prototype": {"polluted": true}}}]}') as Record<string, unknown>,
      ],
      ['fields nested 100 levels deep', { labels: deep }],
      ['month 13', { published: '2024-13-01' }],
      ['31 June', { published: '2024-06-31' }],
    ];
    for (const [what, extra] of extras) {
      for (const message of [
        { type: 'archive/save', payload: { article: { ...article('unsafe-save'), ...extra } } },
        { type: 'archive/import', payload: { records: [{ ...record('unsafe-import'), ...extra }] } },
        { type: 'framing/compare', payload: { article: { ...article('unsafe-compare'), ...extra }, ids: ['a'] } },
      ]) {
        expectRefusal(await deliver(message, OWN_PAGE), `${message.type} with ${what}`);
      }
    }
    expect(await dump()).toBe(snapshot);
  });

  it('refuses every request from web pages, content scripts and other extensions, even valid writes', async () => {
    const fuzz = new Fuzzer(prng(SEED + 1));
    const senders: Runtime.MessageSender[] = [
      { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
      { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 3 } as Runtime.MessageSender['tab'] },
      { id: EXTENSION_ID, url: `https://evil.example/${EXTENSION_ORIGIN}` },
      { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}.evil.example/` },
      { id: EXTENSION_ID },
      { url: `${EXTENSION_ORIGIN}popup.html` },
      {},
    ];
    for (let round = 0; round < 1000; round++) {
      const type = fuzz.pick(TYPES);
      const payload = fuzz.random() < 0.7 ? fuzz.payload(type, ids) : fuzz.break(fuzz.payload(type, ids));
      const sender = fuzz.pick(senders);
      const reply = await deliver({ type, payload }, sender);
      if (reply === null) continue;
      expectRefusal(reply, `round ${round}: ${type} from ${JSON.stringify(sender)}`);
      expect((reply as { error: string }).error).toMatch(/refused/);
    }
    expect(await dump()).toBe(snapshot);
  }, 120_000);
});
