import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import { personByline } from '../../src/core/extract/byline';
import { dateFromUrl, normaliseDate } from '../../src/core/extract/dates';
import { jsonLdObjects, readJsonLdArticle } from '../../src/core/extract/jsonld';
import { readMetadata } from '../../src/core/extract/metadata';
import { cleanUrl } from '../../src/core/extract/url';

const BODY = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the story says something long enough for a reader to notice, with details, names, places and numbers like ${i * 7}.</p>`,
).join('');

function page(head: string, body = `<article><h1>Headline</h1>${BODY}</article>`, attrs = ''): Document {
  return new JSDOM(`<!DOCTYPE html><html ${attrs}><head>${head}</head><body>${body}</body></html>`, {
    url: 'https://www.example.com/news/2021/03/29/story-slug?utm_source=x',
  }).window.document;
}

const ldScripts = (doc: Document): Element[] => Array.from(doc.querySelectorAll('script[type="application/ld+json"]'));

describe('JSON-LD', () => {
  it('reads an article inside @graph, resolving publisher and author references', () => {
    const doc = page(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Organization","@id":"#org","name":"The Example Times"},
      {"@type":"Person","@id":"#p1","name":"Jane Doe"},
      {"@type":["NewsArticle"],"headline":"Graph headline","author":[{"@id":"#p1"}],"publisher":{"@id":"#org"},"datePublished":"2021-03-29T08:15:00-04:00"}]}</script>`);
    const ld = readJsonLdArticle(jsonLdObjects(ldScripts(doc)));
    expect(ld).toMatchObject({
      headline: 'Graph headline',
      authors: ['Jane Doe'],
      publisher: 'The Example Times',
      datePublished: '2021-03-29T08:15:00-04:00',
    });
  });

  it('reads arrays of objects and skips malformed blocks without failing', () => {
    const doc = page(`<script type="application/ld+json">{ this is not json </script>
      <script type="application/ld+json">[{"@type":"WebSite","name":"x"},{"@type":"ReportageNewsArticle","headline":"Array headline",}]</script>`);
    expect(readJsonLdArticle(jsonLdObjects(ldScripts(doc)))?.headline).toBe('Array headline');
  });

  it('repairs raw newlines inside strings', () => {
    const doc = page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Line one
line two"}</script>`);
    expect(readJsonLdArticle(jsonLdObjects(ldScripts(doc)))?.headline).toBe('Line one line two');
  });
});

describe('readMetadata', () => {
  it('prefers JSON-LD, then Open Graph, then meta tags, and says where each value came from', () => {
    const doc = page(`<title>Title tag | Example</title>
      <meta property="og:title" content="OG title"><meta property="og:site_name" content="Example News">
      <meta name="parsely-pub-date" content="2021-03-28"><meta property="og:locale" content="fr_CA">
      <link rel="canonical" href="/news/story-slug?fbclid=abc&amp;id=7#comments">`);
    const m = readMetadata(doc, 'https://www.example.com/news/2021/03/29/story-slug');
    expect(m.title).toEqual({ value: 'OG title', source: 'open-graph' });
    expect(m.outlet).toEqual({ value: 'Example News', source: 'open-graph' });
    expect(m.published).toEqual({ value: '2021-03-28', source: 'meta' });
    expect(m.lang).toEqual({ value: 'fr', source: 'open-graph' });
    expect(m.url).toEqual({ value: 'https://www.example.com/news/story-slug?id=7', source: 'meta' });
  });

  it('falls back to <time>, then the date in the URL, and to the host for the outlet', () => {
    const withTime = page('', `<article><time datetime="2021-03-27T10:00:00Z">Saturday</time>${BODY}</article>`);
    expect(readMetadata(withTime, withTime.URL).published).toEqual({ value: '2021-03-27T10:00:00Z', source: 'time-element' });
    const bare = page('');
    const m = readMetadata(bare, 'https://www.example.com/news/2021/03/29/story-slug');
    expect(m.published).toEqual({ value: '2021-03-29', source: 'url' });
    expect(m.outlet).toEqual({ value: 'example.com', source: 'host' });
  });

  it('ignores a canonical that points every page at the home page', () => {
    const doc = page('<link rel="canonical" href="https://www.example.com/">');
    expect(readMetadata(doc, 'https://www.example.com/news/story').url?.value).toBe('https://www.example.com/news/story');
  });

  it('strips the site name from <title>-style headlines', () => {
    const doc = page(
      '<meta property="og:title" content="Storm hits the coast overnight | Example News"><meta property="og:site_name" content="Example News">',
    );
    expect(readMetadata(doc, doc.URL).title?.value).toBe('Storm hits the coast overnight');
  });
});

describe('bylines', () => {
  it('keeps people and strips "By"', () => {
    expect(personByline(['By Jane Doe and John Roe'])).toBe('Jane Doe, John Roe');
    expect(personByline(['By Jane Doe For Mailonline'])).toBe('Jane Doe');
    expect(personByline(['Jane Doe, Senior Correspondent'])).toBe('Jane Doe');
  });

  it('drops desks, agencies, URLs and staff labels', () => {
    expect(personByline(['By Staff'])).toBeNull();
    expect(personByline(['Daily Mail Reporter'])).toBeNull();
    expect(personByline(['Associated Press'])).toBeNull();
    expect(personByline(['https://www.facebook.com/janedoe'])).toBeNull();
    expect(personByline(['Reuters', 'Jane Doe'])).toBe('Jane Doe');
  });
});

describe('dates', () => {
  it('normalises the formats pages use', () => {
    expect(normaliseDate('2020-09-15T18:20:28+0100')).toBe('2020-09-15T17:20:28Z');
    expect(normaliseDate('2020-09-15T18:20:28')).toBe('2020-09-15T18:20:28');
    expect(normaliseDate('2020-09-15')).toBe('2020-09-15');
    expect(normaliseDate('20200915')).toBe('2020-09-15');
    expect(normaliseDate('September 15, 2020')).toBe('2020-09-15');
    expect(normaliseDate('Tue, 15 Sep 2020 18:20:28 GMT')).toBe('2020-09-15');
  });

  it('refuses what is not a plausible date', () => {
    expect(normaliseDate('2020-02-30')).toBeNull();
    expect(normaliseDate('1970-01-01')).toBeNull();
    expect(normaliseDate('yesterday')).toBeNull();
    expect(normaliseDate('')).toBeNull();
  });

  it('reads dates in URL paths', () => {
    expect(dateFromUrl('https://x.com/2019/11/18/story')).toBe('2019-11-18');
    expect(dateFromUrl('https://x.com/news/2019-11-18-story.html')).toBe('2019-11-18');
    expect(dateFromUrl('https://x.com/news/20191118/story')).toBe('2019-11-18');
    expect(dateFromUrl('https://x.com/news/1.5965000')).toBeNull();
  });
});

describe('canonical URLs', () => {
  it('drops fragments and tracking parameters, keeps the rest', () => {
    expect(cleanUrl('https://x.com/a?utm_source=t&utm_medium=s&gclid=1&page=2#top')).toBe('https://x.com/a?page=2');
    expect(cleanUrl('/a/b', 'https://x.com/c/d')).toBe('https://x.com/a/b');
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
  });

  it('makes the canonical URL the article id', () => {
    const doc = page('<meta property="og:type" content="article"><link rel="canonical" href="https://www.example.com/news/story-slug">');
    const r = extractArticle(doc);
    expect(r.ok && r.article.id).toBe('https://www.example.com/news/story-slug');
    expect(r.ok && r.article.sources?.url).toBe('meta');
  });
});
