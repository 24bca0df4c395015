import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody, discoverFeeds, FeedError, parseFeed, parseFeedDate, refusedMediaType } from '../../src/core/feeds';

const DIR = new URL('../fixtures/feeds/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));
const fixture = (name: string, feedUrl: string | null = 'https://feeds.example.org/news/world/rss.xml') =>
  parseFeed(decodeBody(bytes(name), null), feedUrl);

describe('RSS 2.0', () => {
  it('reads a broadcaster feed: CDATA, entities, permalink guids, relative links, RFC 822 dates in several zones', () => {
    const feed = fixture('rss2-broadcaster.xml');
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'World News - Example Broadcaster',
      siteUrl: 'https://news.example.org/news/world',
      dropped: 0,
    });
    expect(feed.items).toEqual([
      {
        id: 'https://news.example.org/news/world-12345678#0',
        url: 'https://news.example.org/news/world-12345678?at_medium=RSS&at_campaign=rss',
        title: 'Flooding forces thousands from their homes in river delta',
        published: '2026-11-22T07:58:39Z',
        summary: 'Rescue teams are working through the night as water levels keep rising.',
      },
      {
        id: 'https://news.example.org/news/world-87654321#2',
        // A relative link is read against the feed's own address.
        url: 'https://feeds.example.org/news/world-87654321',
        title: 'Talks resume after overnight break & ministers "hopeful"',
        published: '2026-11-21T22:10:00Z',
        summary: 'Negotiators returned to the table on Sunday morning.',
      },
      {
        // No <link>: a permalink guid (isPermaLink defaults to true) is the address.
        id: 'https://news.example.org/news/politics-55555555',
        url: 'https://news.example.org/news/politics-55555555',
        title: 'Minister resigns over expenses',
        published: '2026-11-20T23:00:00Z',
        summary: '',
      },
    ]);
  });

  it('reads WordPress feeds: numeric and HTML entities, content:encoded when there is no description', () => {
    const feed = fixture('rss2-wordpress.xml');
    expect(feed.title).toBe('The Local Ledger');
    expect(feed.items.map((i) => i.title)).toEqual(['Council approves new bridge’s budget – finally', 'School closures announced']);
    expect(feed.items[0]?.summary).toBe('After three years of debate, the council voted 7–2 on Thursday night. […]');
    expect(feed.items[1]?.summary).toBe('Two schools will close at the end of the term.');
    expect(feed.items[1]?.id).toBe('https://ledger.example.com/?p=4240');
  });

  it('decodes the encoding the XML declaration names', () => {
    const feed = fixture('rss2-latin1.xml');
    expect(feed.title).toBe('Café News');
    expect(feed.items[0]?.title).toBe('Crème brûlée day');
  });

  it('reads tag soup the way a reader would, and drops javascript: links', () => {
    const feed = fixture('malformed-tag-soup.xml');
    expect(feed.title).toBe('Sloppy Times & Co');
    expect(feed.items[0]).toMatchObject({
      url: 'http://sloppy.example/prices',
      summary: 'Tom & Jerry say hello &unknown; world',
      published: '2026-11-16T12:00:00',
    });
    // The truncated last item still counts; its javascript: link is refused, its permalink guid used.
    expect(feed.items[1]).toMatchObject({ title: 'Unclosed item at the end', url: 'http://sloppy.example/unclosed' });
  });

  it('never expands a DTD entity (billion laughs, external entities)', () => {
    const feed = fixture('entity-expansion.xml');
    expect(feed.title).toBe('&lol3;');
    expect(feed.items[0]?.title).toBe('&xxe;');
  });

  it('bounds the items and the size', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<item><title>T${i}</title><link>https://x.example/${i}</link></item>`).join('');
    const feed = parseFeed(`<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`, null, { maxItems: 10 });
    expect(feed.items).toHaveLength(10);
    expect(feed.items[9]?.url).toBe('https://x.example/9');
    expect(feed.dropped).toBe(20);
    expect(() => parseFeed(`<rss>${' '.repeat(200)}</rss>`, null, { maxChars: 100 })).toThrow(FeedError);
  });

  it('lists a repeated item once and gives an item without guid or link a stable id', () => {
    const xml =
      '<rss><channel><item><title>A</title><link>https://x.example/a</link></item><item><title>A</title><link>https://x.example/a</link></item><item><title>No link</title><description>d</description></item></channel></rss>';
    const first = parseFeed(xml, null).items;
    expect(first.map((i) => i.url)).toEqual(['https://x.example/a', null]);
    expect(first[1]?.id).toMatch(/^hash:[0-9a-f]{8}$/);
    expect(parseFeed(xml, null).items[1]?.id).toBe(first[1]?.id);
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads items beside the channel, dc:date and escaped HTML descriptions', () => {
    const feed = fixture('rdf-rss1.xml');
    expect(feed).toMatchObject({ format: 'rdf', title: 'Tech Desk', siteUrl: 'https://tech.example.net/' });
    expect(feed.items).toEqual([
      {
        id: 'https://tech.example.net/story/26/11/22/0512/chip-plant',
        url: 'https://tech.example.net/story/26/11/22/0512/chip-plant?utm_source=rss1.0',
        title: 'New Chip Plant Breaks Ground',
        published: '2026-11-22T05:12:00Z',
        summary: 'A chip maker started building a café and a plant.',
      },
      {
        id: 'https://tech.example.net/story/26/11/21/2210/kernel',
        url: 'https://tech.example.net/story/26/11/21/2210/kernel',
        title: 'Kernel 9.1 Released',
        published: '2026-11-22T03:10:00Z',
        summary: '',
      },
    ]);
  });
});

describe('Atom 1.0', () => {
  it('resolves links against xml:base, prefers the HTML alternate, reads text constructs', () => {
    const feed = fixture('atom-blog.xml', 'https://blog.example.io/feed.atom');
    expect(feed).toMatchObject({ format: 'atom', title: 'Field Notes & Dispatches', siteUrl: 'https://blog.example.io/' });
    expect(feed.items[0]).toEqual({
      id: 'tag:blog.example.io,2026:new-port',
      url: 'https://blog.example.io/posts/new-port.html',
      // type="text": the markup is the title's literal text (RFC 4287 §3.1.1.1).
      title: 'Inside the <em>new</em> port',
      published: '2026-11-21T08:00:00Z',
      summary: 'A visit to the container terminal.',
    });
    expect(feed.items[1]).toEqual({
      id: 'tag:blog.example.io,2026:rail-strike',
      url: 'https://blog.example.io/archive/2026/rail-strike',
      title: 'Rail strike ends',
      published: '2026-11-20T12:30:00Z',
      summary: 'The unions accepted the offer.',
    });
    expect(feed.items[2]).toMatchObject({ url: null, published: null, title: 'No link here' });
  });

  it('reads Atom written with a namespace prefix', () => {
    const feed = parseFeed(
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:entry><a:id>1</a:id><a:title>E</a:title><a:link href="https://p.example/e"/></a:entry></a:feed>',
      null,
    );
    expect(feed.items).toEqual([{ id: '1', url: 'https://p.example/e', title: 'E', published: null, summary: '' }]);
  });
});

describe('JSON Feed', () => {
  it('reads 1.1: relative urls against feed_url, external_url, content_text', () => {
    const feed = fixture('jsonfeed-1.1.json', null);
    expect(feed).toMatchObject({ format: 'json', title: 'Morning Brief', siteUrl: 'https://brief.example.com/' });
    expect(feed.items).toEqual([
      {
        id: '2026-11-22-brief',
        url: 'https://brief.example.com/2026/11/22/brief',
        title: 'Today: storms, talks and a record',
        published: '2026-11-22T11:00:00Z',
        summary: 'Three stories to start the day.',
      },
      {
        id: '2026-11-21-brief',
        url: 'https://elsewhere.example.org/story',
        title: '',
        published: '2026-11-21T06:00:00Z',
        summary: 'A text-only item.',
      },
    ]);
  });

  it('reads 1.0 with a numeric id and HTML content', () => {
    expect(fixture('jsonfeed-1.0.json').items).toEqual([
      { id: '17', url: 'http://old.example.com/17', title: 'Seventeen', published: '2026-01-05T10:00:00Z', summary: 'Hi & bye' },
    ]);
  });
});

describe('not a feed', () => {
  it.each([
    ['not-a-feed.html', /web page, not a feed/],
    ['not-jsonfeed.json', /JSON but not a JSON Feed/],
    ['subscriptions.opml', /OPML list of feeds/],
  ])('%s is refused with a reason', (name, reason) => {
    expect(() => fixture(name)).toThrow(reason);
  });

  it.each([
    ['', /empty document/],
    ['   just some text', /no XML element/],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": ', /does not parse as JSON/],
    ['<svg xmlns="http://www.w3.org/2000/svg"/>', /the document is <svg>/],
    ['<feed><entry/></feed>', /without the Atom namespace/],
    ['<rss version="2.0"></rss>', /no <channel>/],
    [`${'<a>'.repeat(100)}`, /nested deeper/],
  ])('%j is refused with a reason', (text, reason) => {
    expect(() => parseFeed(text, null)).toThrow(FeedError);
    expect(() => parseFeed(text, null)).toThrow(reason);
  });
});

describe('dates', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0200', '2003-06-10T02:00:00Z'],
    ['10 Jun 2003 04:00 PDT', '2003-06-10T11:00:00Z'],
    ['Sat, 07 Sep 02 00:00:01 GMT', '2002-09-07T00:00:01Z'],
    ['Mon, 5 January 2026 10:00:00 -05:00', '2026-01-05T15:00:00Z'],
    ['Fri, 20 Nov 2026', '2026-11-20'],
    ['2026-11-22T06:00:00-05:00', '2026-11-22T11:00:00Z'],
    ['2026-11-22', '2026-11-22'],
    ['Mon, 16 Nov 2026 12:00:00 XYZ', '2026-11-16T12:00:00'],
    ['Sun, 31 Feb 2026 10:00:00 GMT', null],
    ['yesterday', null],
    ['', null],
  ])('%j → %j', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });
});

describe('bodies', () => {
  it('decodes by the header charset first, then the declaration, then UTF-8', () => {
    const latin = bytes('rss2-latin1.xml');
    expect(decodeBody(latin, 'application/rss+xml; charset=ISO-8859-1')).toContain('Café');
    expect(decodeBody(latin, null)).toContain('Café');
    expect(decodeBody(new TextEncoder().encode('<rss>é</rss>'), 'text/xml; charset=no-such-charset')).toBe('<rss>é</rss>');
  });

  it('refuses media types that are never a feed or a page', () => {
    expect(refusedMediaType('image/png', 'feed')).toMatch(/image\/png, not a feed/);
    expect(refusedMediaType('application/rss+xml; charset=utf-8', 'feed')).toBeNull();
    expect(refusedMediaType('text/html', 'feed')).toBeNull();
    expect(refusedMediaType('application/json', 'page')).toMatch(/not HTML/);
    expect(refusedMediaType('text/html; charset=utf-8', 'page')).toBeNull();
    expect(refusedMediaType(null, 'page')).toBeNull();
  });
});

describe('autodiscovery', () => {
  it('finds the feeds a page announces, absolute, in page order, each once', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="All" href="/rss.xml">
      <LINK REL="Alternate" TYPE="application/atom+xml" HREF='https://feeds.example.org/atom?x=1&amp;y=2'>
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    </head><body></body></html>`;
    expect(discoverFeeds(html, 'https://news.example/world/')).toEqual([
      'https://news.example/rss.xml',
      'https://feeds.example.org/atom?x=1&y=2',
      'https://news.example/world/feed.json',
    ]);
    expect(discoverFeeds(readFileSync(new URL('not-a-feed.html', DIR), 'utf8'), 'https://x.example/')).toEqual([
      'https://x.example/rss.xml',
    ]);
    expect(discoverFeeds('<p>no links</p>', 'https://x.example/')).toEqual([]);
  });
});
