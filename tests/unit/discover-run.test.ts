import { describe, expect, it } from 'vitest';
import {
  discoverCoverage,
  planDiscovery,
  type DiscoveryEvent,
  type DiscoveryIO,
  type FetchOutcome,
  type ProviderName,
  type ReadOutcome,
} from '../../src/core/discover';
import { articleFromRecord, type Article } from '../../src/core/types';

const DAY = '2018-04-18';
const STORY = [
  'Mike Pompeo met secretly with Kim Jong Un in Pyongyang over Easter, officials said.',
  'The CIA director travelled as an envoy of Donald Trump to prepare a summit with Kim Jong Un.',
  'Pompeo, the nominee for secretary of state, kept the trip secret from most of Congress.',
].join('\n\n');

const query = articleFromRecord({
  id: 'q',
  url: 'https://www.dailymail.co.uk/news/pompeo-kim.html',
  title: 'Mike Pompeo secretly met Kim Jong Un over Easter',
  outlet: 'Daily Mail',
  published: DAY,
  text: STORY,
});

// Each outlet tells the story in its own words (the same words would make it the same article).
const TELLINGS = [
  [
    'Kim Jong Un received Mike Pompeo in Pyongyang during the Easter weekend',
    'according to two people briefed on the trip.',
    'Donald Trump sent the CIA chief ahead of a planned summit with Kim Jong Un.',
  ],
  [
    'Mike Pompeo flew to North Korea in secret to see Kim Jong Un',
    'the outlet was told by a senior official.',
    'The visit by Pompeo laid the ground for talks between Trump and Kim Jong Un.',
  ],
  [
    'A secret Easter trip took Pompeo to Pyongyang for a meeting with Kim Jong Un',
    'sources said late on Tuesday.',
    'Trump confirmed that Pompeo and Kim Jong Un had met and got along well.',
  ],
];

function report(outlet: string, n: number): Article {
  const host = `${outlet.toLowerCase().replace(/\W+/g, '')}.test`;
  const [a, b, c] = TELLINGS[n % TELLINGS.length]!;
  const text = `${a}, ${b}\n\n${c}\n\nThe ${outlet} report number ${n} adds that the meeting in Pyongyang lasted ${n + 2} hours.`;
  return articleFromRecord({
    id: `https://${host}/${n}`,
    url: `https://${host}/${n}`,
    title: `Pompeo met Kim Jong Un in secret, ${outlet} reports (${n})`,
    outlet,
    published: DAY,
    text,
  });
}

type PageBehaviour = { article: Article } | { fetch: FetchOutcome } | { read: ReadOutcome } | { hang: true };

/** A fake network: the API answers from `api`, pages from `pages`; it records every request and how many pages were in flight at once. */
function fakeIO(api: (url: URL, n: number) => FetchOutcome, pages: Map<string, PageBehaviour>) {
  let clock = Date.parse(`${DAY}T20:00:00Z`);
  const log = { api: [] as string[], pages: [] as string[], sleeps: [] as number[], inFlight: 0, maxInFlight: 0 };
  const io: DiscoveryIO = {
    async fetchText(url, kind, signal) {
      if (kind === 'api') {
        log.api.push(url);
        return api(new URL(url), log.api.length);
      }
      log.pages.push(url);
      log.inFlight++;
      log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
      try {
        const b = pages.get(url);
        // Let the other readers start before this one answers.
        await new Promise((r) => setTimeout(r, 5));
        if (!b) return { ok: false, reason: 'http', status: 404, detail: 'The server answered 404' };
        if ('hang' in b) {
          return await new Promise<FetchOutcome>((resolve) => {
            const cancelled = () => resolve({ ok: false, reason: 'network', detail: 'Cancelled' });
            if (signal?.aborted) cancelled();
            signal?.addEventListener('abort', cancelled);
          });
        }
        if ('fetch' in b) return b.fetch;
        return { ok: true, status: 200, contentType: 'text/html', body: url, url };
      } finally {
        log.inFlight--;
      }
    },
    async readPage(html, url) {
      const b = pages.get(url)!;
      if ('read' in b) return b.read;
      return { ok: true, article: (b as { article: Article }).article };
    },
    async sleep(ms) {
      log.sleeps.push(ms);
      clock += ms;
    },
    now: () => new Date(clock),
  };
  return { io, log };
}

function artlist(articles: Article[]): FetchOutcome {
  const body = JSON.stringify({
    articles: articles.map((a) => ({
      url: a.url,
      title: a.title,
      seendate: '20180418T120000Z',
      domain: new URL(a.url!).hostname,
      language: 'English',
    })),
  });
  return { ok: true, status: 200, contentType: 'application/json', body, url: 'https://api.test' };
}

const empty: FetchOutcome = { ok: true, status: 200, contentType: 'application/json', body: '{}', url: 'https://api.test' };

describe('discoverCoverage', () => {
  it('reads the results 3 at a time, emits each as it arrives, and ranks them with the matcher', async () => {
    const reports = ['Fox News', 'USA Today', 'Breitbart', 'HuffPost', 'Reuters', 'The Hill', 'CNN', 'NPR', 'Vox'].map((o, i) =>
      report(o, i),
    );
    const { io, log } = fakeIO(() => artlist(reports), new Map(reports.map((a) => [a.url!, { article: a }])));
    const events: DiscoveryEvent[] = [];
    const result = await discoverCoverage(query, io, { providers: ['gdelt'], onEvent: (e) => events.push(e) });
    expect(log.maxInFlight).toBe(3);
    expect(result.fetches).toBe(8);
    expect(result.found).toHaveLength(8);
    // Every report is scored; the closest tellings pass the same-story bar (calibrated for
    // precision, so a report in quite other words may stay below it), and none below a weaker one.
    expect(result.found.every((f) => f.score > 0)).toBe(true);
    expect(result.found[0]!.sameStory).toBe(true);
    const flags = result.found.map((f) => f.sameStory);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(result.found.map((f) => f.score)).toEqual([...result.found.map((f) => f.score)].sort((a, b) => b - a));
    const kinds = events.map((e) => e.kind);
    expect(kinds[0]).toBe('query');
    expect(kinds.filter((k) => k === 'found')).toHaveLength(8);
    expect(kinds.at(-1)).toBe('done');
    // The first report is out before the last page is read.
    expect(kinds.indexOf('found')).toBeLessThan(kinds.lastIndexOf('reading'));
    expect(events.find((e) => e.kind === 'reading')).toMatchObject({ index: 1, total: 8 });
  });

  it('lists every failure with its reason and never lets one block the rest', async () => {
    const good = [report('Fox News', 1), report('USA Today', 2)];
    const bad: [string, PageBehaviour][] = [
      ['https://gone.test/1', { fetch: { ok: false, reason: 'http', status: 404, detail: 'The server answered 404' } }],
      ['https://slow.test/1', { fetch: { ok: false, reason: 'timed-out', detail: 'No answer within 15 s' } }],
      ['https://pdf.test/1', { fetch: { ok: false, reason: 'not-html', detail: 'the page is application/pdf, not HTML' } }],
      ['https://huge.test/1', { fetch: { ok: false, reason: 'too-large', detail: 'Larger than 5 MB' } }],
      ['https://list.test/1', { read: { ok: false, reason: 'not-article', detail: 'No article here' } }],
      [
        'https://paid.test/1',
        {
          article: {
            ...report('Paid', 9),
            text: 'Pompeo met Kim.\n\nSubscribe to continue reading.',
            words: 7,
            incomplete: 'paywall',
            url: 'https://paid.test/1',
          },
        },
      ],
    ];
    const linked = [...bad.map(([url]) => ({ ...report('x', 0), url, title: `Pompeo met Kim Jong Un in secret (${url})` })), ...good];
    const { io } = fakeIO(
      () => artlist(linked),
      new Map<string, PageBehaviour>([...bad, ...good.map((a) => [a.url!, { article: a }] as [string, PageBehaviour])]),
    );
    const result = await discoverCoverage(query, io, { providers: ['gdelt'] });
    expect(result.found.map((f) => f.article.outlet).sort()).toEqual(['Fox News', 'USA Today']);
    expect(Object.fromEntries(result.failed.map((f) => [new URL(f.link.url).host, f.reason]))).toEqual({
      'gone.test': 'not-found',
      'slow.test': 'timed-out',
      'pdf.test': 'not-html',
      'huge.test': 'too-large',
      'list.test': 'not-article',
      'paid.test': 'paywalled',
    });
  });

  it('sends at most 3 queries, the planned ones in order, the last to the fallback when the primary found nothing', async () => {
    const { io, log } = fakeIO(() => empty, new Map());
    const options = { providers: ['gdelt', 'bing'] as ProviderName[], endpoints: { bing: 'https://bing.test/news/search' } };
    const result = await discoverCoverage(query, io, options);
    expect(result.queries).toBe(3);
    expect(log.api.map((u) => new URL(u).host)).toEqual(['api.gdeltproject.org', 'api.gdeltproject.org', 'bing.test']);
    // Exactly the searches the consent screen lists, in its order: the third in the fallback's syntax.
    const plan = planDiscovery(query, options, new Date(`${DAY}T20:00:00Z`));
    expect(log.api.slice(0, 2)).toEqual(plan.steps.slice(0, 2).map((s) => s.url));
    expect(new URL(log.api[2]!).searchParams.get('q')).toBe(plan.fallback!.queries[2]);
    expect(result.found).toEqual([]);
  });

  it('spends the page budget on the best of all the answers, reading only two pages before the last answer is in', async () => {
    const weak = ['Local football results', 'Weather for the weekend', 'Traffic on the ring road', 'A recipe for soup'].map((title, i) =>
      articleFromRecord({ id: `w${i}`, url: `https://weak${i}.test/a`, title, outlet: `Weak ${i}`, published: DAY, text: title }),
    );
    const strong = ['The Hill', 'NPR', 'Vox'].map((o, i) => report(o, i));
    const answers = [weak, strong, []];
    const all = [...weak, ...strong];
    const { io, log } = fakeIO((_, n) => artlist(answers[n - 1] ?? []), new Map(all.map((a) => [a.url!, { article: a }])));
    const result = await discoverCoverage(query, io, { providers: ['gdelt'], max: 4 });
    expect(result.queries).toBeGreaterThanOrEqual(2);
    expect(log.pages).toHaveLength(4);
    expect(log.pages.filter((u) => u.includes('weak')).length).toBe(2);
    expect(log.pages.slice(2).every((u) => strong.some((a) => a.url === u))).toBe(true);
  });

  it('stops early once enough is found: a query answered with plenty is the only one', async () => {
    const many: FetchOutcome = {
      ok: true,
      status: 200,
      contentType: 'application/json',
      url: 'https://api.gdeltproject.org/api/v2/doc/doc',
      body: JSON.stringify({
        articles: Array.from({ length: 40 }, (_, i) => ({
          url: `https://outlet${i}.test/story`,
          title: `Pompeo met Kim Jong Un (${i})`,
          seendate: '20180418T120000Z',
          domain: `outlet${i}.test`,
          language: 'English',
        })),
      }),
    };
    const { io, log } = fakeIO(() => many, new Map());
    const result = await discoverCoverage(query, io, { providers: ['gdelt', 'bing'], max: 8 });
    expect(log.api).toHaveLength(1);
    expect(result.queries).toBe(1);
  });

  it("waits the provider's minimum interval between its requests, across clicks too", async () => {
    const { io, log } = fakeIO(() => empty, new Map());
    const lastRequestAt = {};
    await discoverCoverage(query, io, { providers: ['gdelt'], lastRequestAt });
    expect(log.sleeps).toEqual([5000, 5000]);
    await discoverCoverage(query, io, { providers: ['gdelt'], lastRequestAt });
    expect(log.sleeps[2]).toBe(5000);
  });

  it('hands the same query to the fallback when the primary is rate-limited', async () => {
    const fox = report('Fox News', 1);
    const { io, log } = fakeIO(
      (url) =>
        url.host === 'api.gdeltproject.org'
          ? {
              ok: true,
              status: 200,
              contentType: 'text/plain',
              body: 'Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.',
              url: url.href,
            }
          : {
              ok: true,
              status: 200,
              contentType: 'application/rss+xml',
              url: url.href,
              body: `<rss version="2.0"><channel><title>x</title><item><title>${fox.title}</title><link>http://www.bing.com/news/apiclick.aspx?url=${encodeURIComponent(fox.url!)}</link></item></channel></rss>`,
            },
      new Map([[fox.url!, { article: fox }]]),
    );
    const events: DiscoveryEvent[] = [];
    const result = await discoverCoverage(query, io, { providers: ['gdelt', 'bing'], onEvent: (e) => events.push(e) });
    expect(events.find((e) => e.kind === 'provider-error')).toMatchObject({ provider: 'gdelt', reason: 'rate-limited' });
    const sent = log.api.map((u) => new URL(u).searchParams);
    expect(sent[1]!.get('q')).toBe(sent[0]!.get('query'));
    expect(result.found.map((f) => f.article.outlet)).toEqual(['Fox News']);
  });

  it('never reads the article itself, its outlet, or one outlet more than twice', async () => {
    const self = { ...report('Daily Mail', 0), url: query.url };
    const dm = { ...report('Daily Mail', 5), url: 'https://www.dailymail.co.uk/news/other.html' };
    const fox = [1, 2, 3].map((n) => report('Fox News', n));
    const { io, log } = fakeIO(() => artlist([self, dm, ...fox]), new Map([...fox].map((a) => [a.url!, { article: a }])));
    await discoverCoverage(query, io, { providers: ['gdelt'] });
    expect(new Set(log.pages).size).toBe(2);
    expect(log.pages.every((u) => u.startsWith('https://foxnews.test/'))).toBe(true);
  });

  it('stops at Cancel: pages in flight are abandoned, no more are fetched, done says cancelled', { timeout: 5000 }, async () => {
    const reports = ['Fox News', 'USA Today', 'Breitbart', 'HuffPost', 'Reuters'].map((o, i) => report(o, i));
    const pages = new Map<string, PageBehaviour>(reports.map((a) => [a.url!, { hang: true }]));
    const { io, log } = fakeIO(() => artlist(reports), pages);
    const controller = new AbortController();
    const events: DiscoveryEvent[] = [];
    const result = await discoverCoverage(query, io, {
      providers: ['gdelt'],
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        if (e.kind === 'reading' && e.index === 3) setTimeout(() => controller.abort(), 20);
      },
    });
    expect(result).toMatchObject({ cancelled: true, fetches: 3, found: [], failed: [] });
    expect(log.pages).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ kind: 'done', cancelled: true });
  });

  it('sends nothing when cancelled before it starts', async () => {
    const { io, log } = fakeIO(() => empty, new Map());
    const controller = new AbortController();
    controller.abort();
    const result = await discoverCoverage(query, io, { providers: ['gdelt'], signal: controller.signal });
    expect(log.api).toEqual([]);
    expect(result).toMatchObject({ queries: 0, fetches: 0, cancelled: true });
  });

  it('sends nothing for an article older than the only provider searches, and says why', async () => {
    const { io, log } = fakeIO(() => empty, new Map());
    const old = { ...query, published: '2017-01-10' };
    const events: DiscoveryEvent[] = [];
    const result = await discoverCoverage(old, io, { providers: ['gdelt'], onEvent: (e) => events.push(e) });
    expect(log.api).toEqual([]);
    expect(result.queries).toBe(0);
    expect(events[0]).toMatchObject({ kind: 'provider-error', provider: 'gdelt' });
    expect(events[0]!.kind === 'provider-error' && events[0]!.detail).toMatch(/last 90 days/);
  });

  it('fetches at most `max` pages', async () => {
    const reports = Array.from({ length: 12 }, (_, i) => report(`Outlet ${i}`, i));
    const { io, log } = fakeIO(() => artlist(reports), new Map(reports.map((a) => [a.url!, { article: a }])));
    const result = await discoverCoverage(query, io, { providers: ['gdelt'], max: 4 });
    expect(log.pages).toHaveLength(4);
    expect(result.fetches).toBe(4);
  });
});
