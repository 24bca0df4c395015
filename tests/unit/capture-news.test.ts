/**
 * The auto-capture decision (src/core/extract/news.ts): a page is captured only when
 * Readability finds it readable AND the publisher declares a news article (JSON-LD
 * NewsArticle or a subtype, in any JSON-LD shape, or og:type article). Checked on the
 * fixture pages, the hostile corpus and small pages built for one rule each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureArticle, declaresNewsInJsonLd, newsDecision } from '../../src/core/extract/news';
import { fixtureDocument, fixtureSlugs, loadFixture } from './support/extract-fixtures';

const HOSTILE_DIR = join(import.meta.dirname, '../fixtures/hostile');

function hostileDocument(slug: string): Document {
  return new JSDOM(readFileSync(join(HOSTILE_DIR, slug, 'source.html')), {
    url: `http://127.0.0.1/${slug}/`,
    virtualConsole: new VirtualConsole(),
  }).window.document;
}

/** Enough paragraphs of real sentences for isProbablyReaderable. */
const BODY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the city council voted seven to two on Monday night to close the Riverside bus depot, after a public hearing that lasted more than four hours and drew residents from every ward of the city.</p>`,
).join('\n');

function page(head: string, body = BODY): Document {
  return new JSDOM(`<!doctype html><html><head><title>T</title>${head}</head><body><article>${body}</article></body></html>`, {
    url: 'https://news.example/a',
  }).window.document;
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('newsDecision on the fixture pages', () => {
  it('captures every news article fixture and passes over the section front', () => {
    const decisions = Object.fromEntries(fixtureSlugs().map((slug) => [slug, newsDecision(fixtureDocument(loadFixture(slug)))]));
    expect(decisions['section-front-world']).toEqual({ capture: false, why: 'not-declared' });
    expect(decisions['cbc-xinjiang-un']).toEqual({ capture: true, declaredBy: 'json-ld' });
    expect(decisions['dailymail-xinjiang-eu']).toEqual({ capture: true, declaredBy: 'json-ld' });
    // A benchmark page with only og:type article.
    expect(decisions['bench-55bb6340']).toEqual({ capture: true, declaredBy: 'open-graph' });
    // Declared an article, but Readability's quick check finds too little paragraph text:
    // the reader can still read it with the popup; capture stays conservative.
    expect(decisions['bench-11ea381a']).toEqual({ capture: false, why: 'not-readerable' });
    const captured = Object.entries(decisions)
      .filter(([, d]) => d.capture)
      .map(([slug]) => slug);
    expect(captured).toHaveLength(fixtureSlugs().length - 2);
  });

  it('reads a captured page exactly as extractArticle does, and refuses the rest as not-news', () => {
    const news = captureArticle(fixtureDocument(loadFixture('cbc-xinjiang-un')));
    expect(news.ok && news.article.outlet).toBe('CBC News');
    expect(captureArticle(fixtureDocument(loadFixture('section-front-world')))).toEqual({
      ok: false,
      reason: 'not-news',
      message: 'not-declared',
    });
  });
});

describe('newsDecision on hostile pages', () => {
  it('passes over the login form, the empty page, the frameset and broken JSON-LD without throwing', () => {
    for (const slug of ['not-an-article', 'empty-page', 'text-only-frameset', 'markup-in-metadata', 'oversized-metadata']) {
      expect(newsDecision(hostileDocument(slug)), slug).toMatchObject({ capture: false });
    }
  });

  it('still finds the valid NewsArticle among malformed JSON-LD blocks', () => {
    expect(newsDecision(hostileDocument('malformed-json-ld'))).toEqual({ capture: true, declaredBy: 'json-ld' });
  });

  it('never throws, and answers for every page of the corpus', () => {
    const slugs = readdirSync(HOSTILE_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const slug of slugs) expect(typeof newsDecision(hostileDocument(slug)).capture, slug).toBe('boolean');
  });

  it('leaves the page as it was', () => {
    const doc = hostileDocument('self-rewriting');
    const before = doc.documentElement.outerHTML;
    newsDecision(doc);
    captureArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('what declares a news article', () => {
  it('accepts NewsArticle and its schema.org subtypes, prefixed or not, in arrays, @graph and mainEntity', () => {
    for (const type of [
      'NewsArticle',
      'ReportageNewsArticle',
      'AnalysisNewsArticle',
      'OpinionNewsArticle',
      'BackgroundNewsArticle',
      'ReviewNewsArticle',
      'AskPublicNewsArticle',
      'https://schema.org/NewsArticle',
      'schema:NewsArticle',
    ]) {
      expect(newsDecision(page(ld({ '@type': type }))), type).toEqual({ capture: true, declaredBy: 'json-ld' });
    }
    expect(newsDecision(page(ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['CreativeWork', 'NewsArticle'] }] })))).toMatchObject({
      capture: true,
    });
    expect(newsDecision(page(ld([{ '@type': 'Organization' }, { '@type': 'ReportageNewsArticle' }])))).toMatchObject({ capture: true });
    expect(newsDecision(page(ld({ '@type': 'WebPage', mainEntity: { '@type': 'AnalysisNewsArticle' } })))).toMatchObject({ capture: true });
    expect(newsDecision(page('<meta property="og:type" content=" Article ">'))).toEqual({ capture: true, declaredBy: 'open-graph' });
  });

  it('refuses articles that are not news, other og:types and look-alike type names', () => {
    for (const type of [
      'Article',
      'BlogPosting',
      'TechArticle',
      'ScholarlyArticle',
      'WebPage',
      'NewsArticleX',
      'FakeNewsArticle',
      'NewsMediaOrganization',
    ]) {
      expect(newsDecision(page(ld({ '@type': type }))), type).toEqual({ capture: false, why: 'not-declared' });
    }
    for (const og of ['website', 'article.blog', 'video.other', 'profile']) {
      expect(newsDecision(page(`<meta property="og:type" content="${og}">`)), og).toEqual({ capture: false, why: 'not-declared' });
    }
    expect(newsDecision(page(''))).toEqual({ capture: false, why: 'not-declared' });
    expect(declaresNewsInJsonLd([{ '@type': 42 as never }, { '@type': [null, 'Thing'] as never }])).toBe(false);
  });

  it('requires a readable body even when the page declares news', () => {
    expect(newsDecision(page(ld({ '@type': 'NewsArticle' }), '<p>Short teaser.</p>'))).toEqual({ capture: false, why: 'not-readerable' });
  });

  it('refuses a page too large to scan before looking for metadata', () => {
    const huge = page(ld({ '@type': 'NewsArticle' }), `${BODY}${'<span></span>'.repeat(200_001)}`);
    expect(newsDecision(huge)).toEqual({ capture: false, why: 'too-large' });
  });
});
