import { describe, expect, it } from 'vitest';
import { decodeBingLink, parseBing, parseGdelt, type FetchOutcome } from '../../src/core/discover';
import { bing } from '../../src/core/discover/bing';
import { gdelt, seenDate } from '../../src/core/discover/gdelt';

const ok = (body: string, contentType = 'application/json'): FetchOutcome => ({
  ok: true,
  status: 200,
  contentType,
  body,
  url: 'https://api.gdeltproject.org/api/v2/doc/doc?query=x',
});

const ARTLIST = JSON.stringify({
  articles: [
    {
      url: 'https://www.theguardian.com/world/2026/nov/20/summit-talks',
      url_mobile: '',
      title: 'Summit talks resume',
      seendate: '20261120T153000Z',
      socialimage: '',
      domain: 'theguardian.com',
      language: 'English',
      sourcecountry: 'United Kingdom',
    },
    {
      url: 'https://www.lemonde.fr/international/article/2026/11/20/sommet.html',
      title: 'Le sommet reprend',
      seendate: '20261120T160000Z',
      domain: 'lemonde.fr',
      language: 'French',
      sourcecountry: 'France',
    },
  ],
});

describe('GDELT article list', () => {
  it('reads url, title, seendate, domain and language', () => {
    const a = parseGdelt(ok(ARTLIST));
    expect(a).toEqual({
      ok: true,
      links: [
        {
          url: 'https://www.theguardian.com/world/2026/nov/20/summit-talks',
          title: 'Summit talks resume',
          outlet: 'theguardian.com',
          published: '2026-11-20T15:30:00Z',
          lang: 'en',
          provider: 'gdelt',
        },
        {
          url: 'https://www.lemonde.fr/international/article/2026/11/20/sommet.html',
          title: 'Le sommet reprend',
          outlet: 'lemonde.fr',
          published: '2026-11-20T16:00:00Z',
          lang: 'fr',
          provider: 'gdelt',
        },
      ],
    });
  });

  it('reads an empty {} as no results', () => {
    expect(parseGdelt(ok('{}'))).toEqual({ ok: true, links: [] });
  });

  it('reads the plain-text rate-limit message as rate-limited', () => {
    const a = parseGdelt(
      ok('Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.', 'text/html'),
    );
    expect(a).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  it('reads HTTP 429 as rate-limited', () => {
    expect(parseGdelt({ ok: false, reason: 'http', status: 429, detail: 'The server answered 429' })).toMatchObject({
      ok: false,
      reason: 'rate-limited',
    });
  });

  it('reads a plain-text error and an HTML error page as garbage, with what they said', () => {
    const text = parseGdelt(ok('The specified phrase is too short.', 'text/plain'));
    expect(text).toMatchObject({ ok: false, reason: 'garbage' });
    expect(!text.ok && text.detail).toContain('The specified phrase is too short.');
    const html = parseGdelt(ok('<html><head><title>Error</title></head><body><h1>Service unavailable</h1></body></html>', 'text/html'));
    expect(html).toMatchObject({ ok: false, reason: 'garbage' });
    expect(!html.ok && html.detail).toContain('HTML page');
    expect(!html.ok && html.detail).not.toContain('<h1>');
  });

  it('refuses malformed JSON and JSON of the wrong shape', () => {
    expect(parseGdelt(ok('{"articles": [{"url": "https://a.test/x", "title": "cut'))).toMatchObject({ ok: false, reason: 'garbage' });
    expect(parseGdelt(ok('{"articles": {"url": 3}}'))).toMatchObject({ ok: false, reason: 'garbage' });
    expect(parseGdelt(ok('[1, 2]'))).toMatchObject({ ok: false, reason: 'garbage' });
  });

  it('skips entries of the wrong types and keeps the good ones', () => {
    const body = JSON.stringify({
      articles: [
        null,
        3,
        { url: 42 },
        { url: 'javascript:alert(1)', title: 'x' },
        { url: 'https://ok.test/a', title: 7, seendate: 'yesterday', domain: 5 },
      ],
    });
    expect(parseGdelt(ok(body))).toEqual({
      ok: true,
      links: [{ url: 'https://ok.test/a', title: '', outlet: 'ok.test', published: null, lang: null, provider: 'gdelt' }],
    });
  });

  it('reads at most 250 entries of a huge answer', () => {
    const articles = Array.from({ length: 5000 }, (_, i) => ({
      url: `https://big.test/${i}`,
      title: `Story ${i}`,
      seendate: '20261120T000000Z',
      domain: 'big.test',
      language: 'English',
    }));
    const a = parseGdelt(ok(JSON.stringify({ articles })));
    expect(a.ok && a.links.length).toBe(250);
  });

  it('reports a fetch that failed with its reason', () => {
    expect(parseGdelt({ ok: false, reason: 'timed-out', detail: 'No answer within 15 s' })).toEqual({
      ok: false,
      reason: 'timed-out',
      detail: 'No answer within 15 s',
    });
    expect(parseGdelt({ ok: false, reason: 'too-large', detail: 'Larger than 5 MB' })).toMatchObject({ ok: false, reason: 'garbage' });
    expect(parseGdelt({ ok: false, reason: 'http', status: 500, detail: 'The server answered 500' })).toMatchObject({
      ok: false,
      reason: 'http',
    });
  });

  it('reads seendate stamps', () => {
    expect(seenDate('20180420T153000Z')).toBe('2018-04-20T15:30:00Z');
    expect(seenDate('20180420')).toBe('2018-04-20T00:00:00Z');
    expect(seenDate('2018-04-20')).toBeNull();
    expect(seenDate(20180420)).toBeNull();
  });

  it('builds the request: every term required, phrases quoted, the date window in UTC stamps', () => {
    const terms = [
      { text: 'Kim Jong-un', key: 'kim jong-un', phrase: true, name: true, weight: 3 },
      { text: 'summit', key: 'summit', phrase: false, name: false, weight: 1 },
    ];
    const q = gdelt.query(terms);
    expect(q).toBe('"Kim Jong un" summit');
    const url = new URL(
      gdelt.url('https://api.gdeltproject.org/api/v2/doc/doc', q, {
        from: new Date('2018-04-17T00:00:00Z'),
        to: new Date('2018-04-24T23:59:59Z'),
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      query: '"Kim Jong un" summit',
      mode: 'artlist',
      format: 'json',
      maxrecords: '75',
      sort: 'hybridrel',
      startdatetime: '20180417000000',
      enddatetime: '20180424235959',
    });
  });
});

const RSS = `<?xml version="1.0" encoding="utf-8" ?><rss version="2.0" xmlns:News="https://www.bing.com:443/news/search?q=summit&amp;format=rss">
<channel><title>summit - Bing News</title><link>https://www.bing.com/news</link><description>Search results</description>
<item><title>Summit talks resume</title><link>http://www.bing.com/news/apiclick.aspx?ref=FexRss&amp;aid=&amp;tid=1&amp;url=https%3a%2f%2fwww.theguardian.com%2fworld%2fsummit&amp;c=1&amp;mkt=en-us</link><description>Talks resumed on Monday.</description><pubDate>Mon, 20 Apr 2018 15:30:00 GMT</pubDate><News:Source>The Guardian</News:Source></item>
<item><title>A direct link</title><link>https://www.reuters.com/world/summit-1</link><pubDate>Mon, 20 Apr 2018 16:00:00 GMT</pubDate></item>
<item><title>Bing's own page</title><link>http://www.bing.com/news/apiclick.aspx?url=https%3a%2f%2fwww.bing.com%2fsearch</link></item>
</channel></rss>`;

describe('Bing News RSS', () => {
  it('decodes click-counter links to the outlets own addresses, with the source name', () => {
    const a = parseBing({
      ok: true,
      status: 200,
      contentType: 'application/rss+xml',
      body: RSS,
      url: 'https://www.bing.com/news/search?q=summit&format=rss',
    });
    expect(a).toEqual({
      ok: true,
      links: [
        {
          url: 'https://www.theguardian.com/world/summit',
          title: 'Summit talks resume',
          outlet: 'The Guardian',
          published: '2018-04-20T15:30:00Z',
          lang: null,
          provider: 'bing',
        },
        {
          url: 'https://www.reuters.com/world/summit-1',
          title: 'A direct link',
          outlet: 'reuters.com',
          published: '2018-04-20T16:00:00Z',
          lang: null,
          provider: 'bing',
        },
      ],
    });
  });

  it('decodes and refuses links', () => {
    expect(decodeBingLink('http://www.bing.com/news/apiclick.aspx?url=https%3a%2f%2fa.test%2fx&c=1')).toBe('https://a.test/x');
    expect(decodeBingLink('http://www.bing.com/news/apiclick.aspx?url=javascript%3aalert(1)')).toBeNull();
    expect(decodeBingLink('http://www.bing.com/news/apiclick.aspx?ref=FexRss')).toBeNull();
    expect(decodeBingLink('ftp://a.test/x')).toBeNull();
  });

  it('reads an HTML page, plain text and an empty answer as garbage', () => {
    const html = parseBing({
      ok: true,
      status: 200,
      contentType: 'text/html',
      body: '<html><body>Captcha</body></html>',
      url: 'https://www.bing.com/news/search',
    });
    expect(html).toMatchObject({ ok: false, reason: 'garbage' });
    expect(
      parseBing({ ok: true, status: 200, contentType: 'text/plain', body: 'Too many requests', url: 'https://www.bing.com/news/search' }),
    ).toMatchObject({ ok: false, reason: 'garbage' });
    expect(
      parseBing({ ok: true, status: 200, contentType: 'text/plain', body: '', url: 'https://www.bing.com/news/search' }),
    ).toMatchObject({ ok: false, reason: 'garbage' });
    expect(parseBing({ ok: false, reason: 'http', status: 429, detail: 'The server answered 429' })).toMatchObject({
      ok: false,
      reason: 'rate-limited',
    });
  });

  it('builds the request', () => {
    const url = new URL(bing.url('https://www.bing.com/news/search', '"Kim Jong Un" summit', { from: new Date(0), to: new Date(0) }));
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: '"Kim Jong Un" summit', format: 'rss' });
  });
});
