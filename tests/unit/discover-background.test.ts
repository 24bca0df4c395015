import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { createDiscoveryIO } from '../../src/background/discover/io';
import { DiscoveryJobs, type DiscoveryJobDeps } from '../../src/background/discover/jobs';
import { discoverHandlers } from '../../src/background/handlers/discover';
import type { BackgroundDeps } from '../../src/background/deps';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { previewRetention } from '../../src/background/retention';
import type { DiscoveryEvent, DiscoveryOptions, DiscoveryResult, FoundLink } from '../../src/core/discover/types';
import { parseRecords } from '../../src/core/records';
import { articleFromRecord, type Article } from '../../src/core/types';
import type { DiscoverStatus, DiscoverUpdate } from '../../src/shared/discoverMessages';
import type { RelatedItem } from '../../src/shared/messages';
import { DEFAULT_DISCOVERY, endpointProblem, parseDiscovery, type DiscoverySettings } from '../../src/shared/discoverySettings';

const sample = parseRecords(readFileSync(new URL('../../public/sample/sample.ndjson', import.meta.url), 'utf8'));
if (!sample.ok) throw new Error(sample.reason);
const sampleRecords = sample.records;
const cbc = sample.records.find((r) => r.outlet === 'CBC News')!;
const dailyMail = sample.records.find((r) => r.outlet === 'Daily Mail')!;
const page: Article = { ...articleFromRecord({ ...cbc, id: 'https://www.cbc.ca/news/x', url: 'https://www.cbc.ca/news/x' }) };
const found: Article = {
  ...articleFromRecord({ ...dailyMail, id: 'https://www.dailymail.co.uk/news/x', url: 'https://www.dailymail.co.uk/news/x' }),
};
const link = (url: string, outlet: string): FoundLink => ({ url, title: outlet, outlet, published: null, lang: 'en', provider: 'gdelt' });

/** A stand-in of the core's runner: plays the given events, then answers what they add up to (or waits for the cancel). */
function scripted(events: DiscoveryEvent[], opts: { holdUntilCancel?: boolean; seen?: DiscoveryOptions[] } = {}) {
  return async (_article: Article, _io: unknown, options: DiscoveryOptions): Promise<DiscoveryResult> => {
    opts.seen?.push(options);
    for (const e of events) {
      await new Promise((r) => setTimeout(r, 5));
      options.onEvent?.(e);
    }
    if (opts.holdUntilCancel) await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve()));
    const cancelled = options.signal?.aborted ?? false;
    options.onEvent?.({ kind: 'done', found: 1, failed: 1, queries: 1, fetches: 2, cancelled });
    return { found: [], failed: [], queries: 1, fetches: 2, cancelled };
  };
}

let n = 0;
/** Host access as the browser would answer it. */
const access = { granted: true };
async function setup(run: DiscoveryJobDeps['run'], settings: DiscoverySettings = { ...DEFAULT_DISCOVERY, enabled: true }) {
  const archive = new Archive(await openArchiveDb(`discover-${++n}`));
  const matches = await MatchIndexStore.open(archive);
  const jobs = new DiscoveryJobs({
    archive,
    matches,
    run,
    settings: async () => settings,
    io: () =>
      createDiscoveryIO({
        pages: { extract: async () => ({ ok: false, reason: 'error', message: 'unused' }), release: async () => undefined },
        pageTimeoutMs: 1000,
        canRead: async () => false,
      }),
    label: (p) => (p === 'gdelt' ? 'GDELT' : 'Bing'),
    keepAlive: () => undefined,
    release: async () => undefined,
    hasAccess: async () => access.granted,
    context: async () => sampleRecords,
  });
  return { archive, jobs };
}

async function drain(jobs: DiscoveryJobs, jobId: string): Promise<{ updates: DiscoverUpdate[]; statuses: DiscoverStatus<RelatedItem>[] }> {
  const statuses: DiscoverStatus<RelatedItem>[] = [];
  let since = 0;
  for (let i = 0; i < 100; i++) {
    const s = await jobs.status(jobId, since);
    statuses.push(s);
    since = s.next;
    if (s.state !== 'running') break;
  }
  return { updates: statuses.flatMap((s) => s.updates), statuses };
}

describe('searches for coverage online in the background', () => {
  it('archives each found article with origin "found" as it arrives, and lists it as related coverage', async () => {
    const { archive, jobs } = await setup(
      scripted([
        {
          kind: 'query',
          provider: 'gdelt',
          query: 'Xinjiang "United Nations"',
          url: 'https://api.gdeltproject.org/api/v2/doc/doc?query=x',
        },
        { kind: 'links', provider: 'gdelt', count: 2 },
        { kind: 'reading', index: 1, total: 2, link: link(found.url!, 'dailymail.co.uk') },
        { kind: 'found', article: found, link: link(found.url!, 'dailymail.co.uk'), score: 0.8, sameStory: true, incomplete: null },
        { kind: 'failed', link: link('https://gone.example/a', 'gone.example'), reason: 'not-found', detail: 'The server answered 404' },
      ]),
    );
    const { updates, statuses } = await drain(jobs, jobs.start(page));
    expect(updates.map((u) => u.kind)).toEqual(['query', 'links', 'reading', 'found', 'failed', 'done']);
    expect(updates[0]).toMatchObject({ label: 'GDELT', host: 'api.gdeltproject.org', query: 'Xinjiang "United Nations"' });
    const hit = updates.find((u) => u.kind === 'found');
    expect(hit).toMatchObject({ id: found.url, outlet: 'Daily Mail', sameStory: true });
    expect((await archive.findStoredByUrl(found.url))?.origin).toBe('found');
    // The status that carried the find also carried the refreshed related list, with it in.
    const withRelated = statuses.find((s) => s.related !== null);
    expect(withRelated?.related?.map((r) => r.id)).toContain(found.url);
    expect(statuses.at(-1)?.state).toBe('done');
  });

  it('never replaces an archived copy: a page saved by hand stays saved', async () => {
    const { archive, jobs } = await setup(
      scripted([
        {
          kind: 'found',
          article: { ...found, text: 'Other text.' },
          link: link(found.url!, 'dailymail.co.uk'),
          score: 0.8,
          sameStory: true,
          incomplete: null,
        },
      ]),
    );
    await archive.save(found, 'saved');
    const { updates } = await drain(jobs, jobs.start(page));
    expect(updates.find((u) => u.kind === 'found')).toMatchObject({ id: found.url });
    const row = await archive.findStoredByUrl(found.url);
    expect(row?.origin).toBe('saved');
    expect(row?.record.text).toBe(found.text);
  });

  it('joins the running search for the same page, and Cancel ends it with what it found kept', async () => {
    const { archive, jobs } = await setup(
      scripted(
        [{ kind: 'found', article: found, link: link(found.url!, 'dailymail.co.uk'), score: 0.8, sameStory: true, incomplete: 'paywall' }],
        { holdUntilCancel: true },
      ),
    );
    const id = jobs.start(page);
    expect(jobs.start({ ...page })).toBe(id);
    await expect.poll(async () => (await archive.findStoredByUrl(found.url))?.origin).toBe('found');
    expect(jobs.cancel(id)).toBe(true);
    const { updates } = await drain(jobs, id);
    expect(updates.find((u) => u.kind === 'found')).toMatchObject({ incomplete: 'paywall' });
    expect(updates.at(-1)).toMatchObject({ kind: 'done', cancelled: true });
    expect((await archive.findStoredByUrl(found.url))?.record).toMatchObject({ incomplete: 'paywall' });
    expect(jobs.cancel(id)).toBe(false);
  });

  it("passes the reader's settings to the core and keeps one rate-limit clock across searches", async () => {
    const seen: DiscoveryOptions[] = [];
    const settings: DiscoverySettings = {
      enabled: true,
      providers: ['bing', 'gdelt'],
      endpoints: { gdelt: 'http://127.0.0.1:9/doc' },
      maxPages: 12,
      pageTimeoutSeconds: 5,
    };
    const { jobs } = await setup(scripted([], { seen }), settings);
    await drain(jobs, jobs.start(page));
    await drain(jobs, jobs.start({ ...page, id: 'other', url: 'https://www.cbc.ca/news/y' }));
    expect(seen[0]).toMatchObject({ providers: ['bing', 'gdelt'], endpoints: { gdelt: 'http://127.0.0.1:9/doc' }, max: 12 });
    expect(seen[1]?.lastRequestAt).toBe(seen[0]?.lastRequestAt);
    // The ranking reads word frequencies from the bundled sample, whatever the archive holds.
    expect(seen[0]?.context).toBe(sampleRecords);
  });

  it('waits for the host access the reader is granting before it sends anything; cancelled while waiting, it sends nothing', async () => {
    const seen: DiscoveryOptions[] = [];
    const { jobs } = await setup(scripted([], { seen }));
    access.granted = false;
    try {
      const waiting = jobs.start(page);
      await new Promise((r) => setTimeout(r, 600));
      expect(seen).toEqual([]);
      access.granted = true;
      await drain(jobs, waiting);
      expect(seen).toHaveLength(1);
      access.granted = false;
      const refused = jobs.start({ ...page, id: 'other', url: 'https://www.cbc.ca/news/z' });
      await new Promise((r) => setTimeout(r, 300));
      expect(jobs.cancel(refused)).toBe(true);
      const { updates } = await drain(jobs, refused);
      expect(updates).toEqual([{ kind: 'done', found: 0, failed: 0, queries: 0, fetches: 0, cancelled: true }]);
      expect(seen).toHaveLength(1);
    } finally {
      access.granted = true;
    }
  });

  it('leaves found articles to retention until the reader keeps one', async () => {
    const { archive, jobs } = await setup(
      scripted([
        { kind: 'found', article: found, link: link(found.url!, 'dailymail.co.uk'), score: 0.8, sameStory: true, incomplete: null },
      ]),
    );
    await archive.save(page, 'saved');
    await drain(jobs, jobs.start(page));
    expect(await previewRetention(archive, { mode: 'count', count: 1 }, Date.now())).toEqual({ removes: 0, eligible: 1 });
    expect(await previewRetention(archive, { mode: 'days', days: 1 }, Date.now() + 3 * 86_400_000)).toEqual({ removes: 1, eligible: 1 });
    const deps = { archive } as unknown as BackgroundDeps;
    expect(await discoverHandlers['discover/keep']({ id: found.url! }, deps)).toEqual({ kept: true });
    expect((await archive.findStoredByUrl(found.url))?.origin).toBe('saved');
    expect(await previewRetention(archive, { mode: 'days', days: 1 }, Date.now() + 3 * 86_400_000)).toEqual({ removes: 0, eligible: 0 });
    expect(await discoverHandlers['discover/keep']({ id: 'gone' }, deps)).toEqual({ kept: false });
  });

  it('refuses to search while the feature is off, and an unknown job is "gone"', async () => {
    const seen: DiscoveryOptions[] = [];
    const { jobs } = await setup(scripted([], { seen }), DEFAULT_DISCOVERY);
    const { updates } = await drain(jobs, jobs.start(page));
    expect(updates).toEqual([{ kind: 'error', message: expect.stringMatching(/turned off/) }]);
    expect(seen).toEqual([]);
    expect(await jobs.status('nope', 0)).toEqual({ state: 'gone', updates: [], next: 0, related: null });
  });
});

describe('the discovery settings', () => {
  it('count a damaged or foreign value as the default (off)', () => {
    expect(parseDiscovery({ enabled: 'yes' })).toEqual(DEFAULT_DISCOVERY);
    expect(parseDiscovery({ ...DEFAULT_DISCOVERY, enabled: true, maxPages: 21 })).toEqual(DEFAULT_DISCOVERY);
    expect(parseDiscovery({ ...DEFAULT_DISCOVERY, endpoints: { gdelt: 'javascript:alert(1)' } })).toEqual(DEFAULT_DISCOVERY);
    expect(parseDiscovery({ ...DEFAULT_DISCOVERY, providers: ['gdelt', 'gdelt'] })).toEqual(DEFAULT_DISCOVERY);
    const on = { ...DEFAULT_DISCOVERY, enabled: true, endpoints: { gdelt: 'http://127.0.0.1:8080/doc' } };
    expect(parseDiscovery(on)).toEqual(on);
    // Plain http to another computer would carry the query unencrypted: refused, as the options page refuses it.
    expect(parseDiscovery({ ...on, endpoints: { gdelt: 'http://mirror.example/doc' } })).toEqual(DEFAULT_DISCOVERY);
  });

  it('accept a service address over https, or plain http only to this computer, with nothing the search adds itself', () => {
    expect(endpointProblem('https://mirror.example/api/v2/doc/doc')).toBeNull();
    expect(endpointProblem(' https://mirror.example:8443/doc ')).toBeNull();
    expect(endpointProblem('http://127.0.0.1:9000/api/v2/doc/doc')).toBeNull();
    expect(endpointProblem('http://mirror.example/doc')).toBe('insecure');
    expect(endpointProblem('http://localhost:9000/doc')).toBe('insecure');
    expect(endpointProblem('ftp://mirror.example/doc')).toBe('invalid');
    expect(endpointProblem('javascript:alert(1)')).toBe('invalid');
    expect(endpointProblem('mirror.example/doc')).toBe('invalid');
    expect(endpointProblem('')).toBe('invalid');
    expect(endpointProblem('https://user:secret@mirror.example/doc')).toBe('credentials');
    expect(endpointProblem('https://mirror.example/doc?query=x')).toBe('query');
    expect(endpointProblem('https://mirror.example/doc#top')).toBe('query');
  });
});

describe('the discovery IO', () => {
  it('asks nothing of a site it has no access to, and reports fetch failures as answers', async () => {
    const calls: string[] = [];
    const fetchFn = async (url: string, init: RequestInit) => {
      calls.push(url);
      expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (url.endsWith('/gone')) return new Response('no', { status: 404 });
      if (url.endsWith('/json')) return new Response('{}', { headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/rate')) return new Response('slow down', { status: 429 });
      return new Response('<html><body><p>Hi</p></body></html>', { headers: { 'content-type': 'text/html' } });
    };
    const io = createDiscoveryIO({
      pages: { extract: async () => ({ ok: false, reason: 'not-article', message: 'No article.' }), release: async () => undefined },
      pageTimeoutMs: 1000,
      canRead: async (url) => !url.includes('private'),
      fetchFn,
    });
    expect(await io.fetchText('https://private.example/a', 'page')).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(calls).toEqual([]);
    expect(await io.fetchText('https://n.example/gone', 'page')).toMatchObject({ ok: false, reason: 'http', status: 404 });
    expect(await io.fetchText('https://n.example/json', 'page')).toMatchObject({ ok: false, reason: 'not-html' });
    expect(await io.fetchText('https://n.example/json', 'api')).toMatchObject({
      ok: true,
      status: 200,
      contentType: 'application/json',
      body: '{}',
    });
    expect(await io.fetchText('https://n.example/rate', 'api')).toMatchObject({ ok: false, reason: 'http', status: 429 });
    expect(await io.fetchText('https://n.example/page', 'page')).toMatchObject({ ok: true, body: expect.stringContaining('<p>Hi</p>') });
    expect(await io.readPage('<html></html>', 'https://n.example/page')).toEqual({
      ok: false,
      reason: 'not-article',
      detail: 'No article.',
    });
    const cancel = new AbortController();
    const slept = io.sleep(60_000, cancel.signal);
    cancel.abort();
    await expect(slept).resolves.toBeUndefined();
  });
});
