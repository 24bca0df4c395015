import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import { precisionOf, recallOf, shingleMatch } from '../../bench/extraction-metric';
import { fixtureDocument, fixtureSlugs, fixtureUrl, loadFixture } from './support/extract-fixtures';

const slugs = fixtureSlugs();

describe('extractArticle on fixture pages', () => {
  it('has the seed pages, a non-article page and benchmark pages', () => {
    expect(slugs).toEqual(expect.arrayContaining(['cbc-xinjiang-un', 'dailymail-xinjiang-eu']));
    const fixtures = slugs.map(loadFixture);
    expect(fixtures.filter((f) => !f.expected.ok).length).toBeGreaterThanOrEqual(1);
  });

  for (const slug of slugs) {
    describe(slug, () => {
      const fixture = loadFixture(slug);
      const want = fixture.expected;
      const result = extractArticle(fixtureDocument(fixture), fixtureUrl(fixture));

      it(want.ok ? 'is read as an article' : `is refused (${want.reason ?? 'not-article'})`, () => {
        expect(result.ok, result.ok ? '' : result.message).toBe(want.ok);
        if (!result.ok) {
          expect(result.reason).toBe(want.reason ?? 'not-article');
          expect(result.message.length).toBeGreaterThan(20);
        }
      });
      if (!result.ok || !want.ok) return;
      const article = result.article;
      const paragraphs = article.text.split('\n\n');

      it('has the expected metadata', () => {
        for (const field of ['title', 'byline', 'outlet', 'published', 'lang', 'url'] as const) {
          if (want[field] !== undefined) expect(article[field], field).toBe(want[field]);
        }
        expect(article.id).toBe(article.url ?? article.id);
      });

      it('has the expected text', () => {
        if (want.text !== undefined) expect(article.text).toBe(want.text);
        for (const s of want.textIncludes ?? []) expect(article.text, `includes ${JSON.stringify(s)}`).toContain(s);
        for (const s of want.textExcludes ?? []) expect(article.text, `excludes ${JSON.stringify(s)}`).not.toContain(s);
        if (want.paragraphs) {
          expect(paragraphs.length).toBeGreaterThanOrEqual(want.paragraphs[0]);
          expect(paragraphs.length).toBeLessThanOrEqual(want.paragraphs[1]);
        }
        if (want.groundTruth !== undefined) {
          const match = shingleMatch(want.groundTruth, article.text);
          expect(precisionOf(match), 'precision against the ground truth').toBeGreaterThanOrEqual(want.minPrecision ?? 0.95);
          expect(recallOf(match), 'recall against the ground truth').toBeGreaterThanOrEqual(want.minRecall ?? 0.95);
        }
      });

      it('writes paragraphs in the interchange format', () => {
        for (const p of paragraphs) {
          expect(p).toBe(p.trim());
          expect(p).not.toMatch(/\s{2,}|[\u200b-\u200d\ufeff]/);
        }
      });
    });
  }
});
