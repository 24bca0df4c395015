import { describe, expect, it } from 'vitest';
import { canonicalUrl, isSameArticle } from '../../src/core/match';
import { CBC, DAILY_MAIL, byId, fixtureRecords } from './support/match-helpers';

describe('isSameArticle', () => {
  const records = fixtureRecords();
  const cbc = byId(records, CBC);

  it('recognises the page version of an archived record (captions and boxes removed)', () => {
    const paragraphs = cbc.text.split('\n\n');
    const page = {
      ...cbc,
      id: 'page',
      title: `${cbc.title} | CBC News`,
      // The page drops the caption-like short paragraphs and the comment-policy line.
      text: paragraphs.filter((p) => p.split(' ').length > 12).join('\n\n'),
    };
    expect(page.text.length).toBeLessThan(cbc.text.length);
    expect(isSameArticle(cbc, page)).toBe(true);
    expect(isSameArticle(page, cbc)).toBe(true);
  });

  it('tells different reports of one story apart', () => {
    expect(isSameArticle(cbc, byId(records, DAILY_MAIL))).toBe(false);
    expect(isSameArticle(byId(records, 'newswcl50:0_M'), byId(records, 'newswcl50:0_L'))).toBe(false);
  });

  it('does not call an article with another headline and half the text the same', () => {
    const paragraphs = cbc.text.split('\n\n');
    const half = { ...cbc, id: 'half', text: paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join('\n\n') };
    expect(isSameArticle(cbc, { ...half, title: 'Another story entirely about trade' })).toBe(false);
  });

  it('matches the same canonical URL whatever the tracking parameters', () => {
    const a = { ...cbc, url: 'https://www.cbc.ca/news/world/china-xinjiang-1.5?utm_source=twitter#comments' };
    const b = { ...byId(records, DAILY_MAIL), url: 'https://cbc.ca/news/world/china-xinjiang-1.5/' };
    expect(isSameArticle(a, b)).toBe(true);
    expect(canonicalUrl('https://example.com/a?id=2&utm_medium=x')).toBe('example.com/a?id=2');
    expect(canonicalUrl('not a url')).toBeNull();
    expect(isSameArticle({ ...a, url: 'https://cbc.ca/news/other' }, b)).toBe(false);
  });
});
