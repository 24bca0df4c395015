import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpml, OpmlError, parseOpml } from '../../src/core/feeds';

const opml = readFileSync(new URL('../fixtures/feeds/subscriptions.opml', import.meta.url), 'utf8');

describe('OPML import', () => {
  it('reads nested outlines with xmlUrl, htmlUrl and title, and says what it skipped', () => {
    expect(parseOpml(opml)).toEqual({
      feeds: [
        {
          url: 'https://feeds.example.org/news/world/rss.xml',
          title: 'World News - Example Broadcaster',
          siteUrl: 'https://news.example.org/news/world',
        },
        { url: 'https://ledger.example.com/feed/', title: 'The Local Ledger', siteUrl: 'https://ledger.example.com/' },
        { url: 'https://blog.example.io/feed.atom', title: 'Field Notes & Dispatches', siteUrl: null },
      ],
      skipped: [
        { text: 'Duplicate', reason: 'listed twice' },
        { text: 'Local file', reason: 'not an http or https address' },
      ],
    });
  });

  it.each([
    ['<rss version="2.0"><channel/></rss>', /not an OPML file: the document is <rss>/],
    ['<opml version="2.0"><head/></opml>', /no <body>/],
    ['no xml at all', /not an OPML file/],
  ])('refuses %j', (text, reason) => {
    expect(() => parseOpml(text)).toThrow(OpmlError);
    expect(() => parseOpml(text)).toThrow(reason);
  });
});

describe('OPML export', () => {
  const feeds = [
    { url: 'https://a.example/feed?x=1&y=2', title: 'Quotes "and" <angles> & ampersands', siteUrl: 'https://a.example/' },
    { url: 'https://b.example/rss', title: '', siteUrl: null },
  ];

  it('writes OPML 2.0 with every attribute escaped', () => {
    const text = buildOpml(feeds, 'Framelens feeds', new Date('2026-11-22T10:00:00Z'));
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain('<dateCreated>Sun, 22 Nov 2026 10:00:00 GMT</dateCreated>');
    expect(text).toContain('xmlUrl="https://a.example/feed?x=1&amp;y=2"');
    expect(text).toContain('title="Quotes &quot;and&quot; &lt;angles&gt; &amp; ampersands"');
    expect(text).not.toMatch(/<angles>|& /);
  });

  it('round-trips: export then import gives the same feeds', () => {
    const back = parseOpml(buildOpml(feeds, 'x', new Date(0)));
    expect(back.skipped).toEqual([]);
    // A feed without a title is exported under its address.
    expect(back.feeds).toEqual([feeds[0], { ...feeds[1], title: 'https://b.example/rss' }]);
    const again = parseOpml(buildOpml(parseOpml(opml).feeds, 'x', new Date(0)));
    expect(again.feeds).toEqual(parseOpml(opml).feeds);
  });
});
