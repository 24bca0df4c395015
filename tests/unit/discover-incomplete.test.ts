import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import { detectIncomplete, endsAtPrompt } from '../../src/core/extract/incomplete';
import { compareFraming } from '../../src/core/framing';
import { checkRecord, recordLine } from '../../src/core/records';
import { articleFromRecord } from '../../src/core/types';
import { articlePage, type StandinDoc } from '../support/gdeltStandin';

const PARAGRAPHS = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i + 1} of the report: the council said the harbour wall in Brixham would be rebuilt by ${2027 + (i % 3)}, after the storm destroyed ${10 + i} homes and flooded the old town overnight.`,
);
const doc = (page: StandinDoc['page']): StandinDoc => ({
  title: 'Storm destroys homes in Brixham as harbour wall fails',
  text: PARAGRAPHS.join('\n\n'),
  outlet: 'Devon Herald',
  domain: 'devonherald.test',
  seen: '2026-11-20T12:00:00Z',
  page,
});

function extract(html: string) {
  const url = 'https://devonherald.test/news/storm';
  const result = extractArticle(new JSDOM(html, { url }).window.document, url);
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

describe('incomplete articles', () => {
  it('leaves a whole article unmarked', () => {
    const a = extract(articlePage(doc('article'), 'https://devonherald.test/news/storm'));
    expect(a.incomplete).toBeUndefined();
  });

  it('marks a text much shorter than the JSON-LD articleBody as truncated', () => {
    const a = extract(articlePage(doc('truncated'), 'https://devonherald.test/news/storm'));
    expect(a.words).toBeLessThan(150);
    expect(a.incomplete).toBe('truncated');
  });

  it('marks a paywall stub (not free, wordCount far above the text, a subscribe prompt) as paywall', () => {
    const a = extract(articlePage(doc('paywall'), 'https://devonherald.test/news/storm'));
    expect(a.incomplete).toBe('paywall');
  });

  it('marks a text ending at a subscribe prompt even without JSON-LD', () => {
    const html = `<!doctype html><html><head><title>Storm</title><meta property="og:type" content="article"></head><body><article><h1>Storm destroys homes</h1>
      ${PARAGRAPHS.slice(0, 4)
        .map((p) => `<p>${p}</p>`)
        .join('')}<p>Subscribe now to keep reading this article and get unlimited access.</p></article></body></html>`;
    expect(extract(html).incomplete).toBe('paywall');
  });

  it('reads the signals on their own', () => {
    expect(endsAtPrompt('Text.\n\nAlready a subscriber? Log in.')).toBe(true);
    expect(endsAtPrompt('Text.\n\nTo read the full story, subscribe.')).toBe(true);
    expect(endsAtPrompt('The mayor said she would subscribe to any plan that kept the town dry.')).toBe(false);
    const body = PARAGRAPHS.join(' ');
    expect(detectIncomplete(PARAGRAPHS[0]!, [{ '@type': 'NewsArticle', articleBody: body }])).toBe('truncated');
    expect(detectIncomplete(PARAGRAPHS[0]!, [{ '@type': 'NewsArticle', wordCount: '1,200' }])).toBe('truncated');
    expect(detectIncomplete(PARAGRAPHS[0]!, [{ '@type': 'NewsArticle', isAccessibleForFree: 'False' }])).toBe('paywall');
    expect(detectIncomplete(body, [{ '@type': 'NewsArticle', isAccessibleForFree: false, wordCount: 330 }])).toBeNull();
    // A count on something that is not the article says nothing about it.
    expect(detectIncomplete(PARAGRAPHS[0]!, [{ '@type': 'WebSite', wordCount: 5000 }])).toBeNull();
    expect(detectIncomplete(PARAGRAPHS[0]!, [{ '@type': 'NewsArticle', wordCount: 'many' }])).toBeNull();
  });

  it('is carried by records, optional: older records stay valid', () => {
    const base = { id: 'x', url: null, title: 't', outlet: 'o', published: null, text: 'body' };
    expect(checkRecord(base).ok).toBe(true);
    const marked = checkRecord({ ...base, incomplete: 'paywall' });
    expect(marked.ok && marked.record.incomplete).toBe('paywall');
    expect(checkRecord({ ...base, incomplete: null }).ok).toBe(true);
    expect(checkRecord({ ...base, incomplete: 3 })).toMatchObject({ ok: false });
    expect(JSON.parse(recordLine({ ...base, incomplete: 'truncated' })).incomplete).toBe('truncated');
    expect('incomplete' in JSON.parse(recordLine(base))).toBe(false);
  });
});

describe('coverage with an incomplete article', () => {
  const full = articleFromRecord({
    id: 'full',
    url: null,
    title: '',
    outlet: 'A',
    published: null,
    text: [
      'The storm destroyed 12 homes in the coastal town of Brixham on Sunday night.',
      'Emergency crews evacuated residents from the harbour district before dawn.',
      'The mayor blamed years of underfunding for the collapse of the sea wall.',
    ].join('\n\n'),
  });
  const part = articleFromRecord({
    id: 'part',
    url: null,
    title: '',
    outlet: 'B',
    published: null,
    text: 'A dozen homes were destroyed by the storm in the coastal town of Brixham on Sunday night.\n\nInsurers expect claims to exceed two million pounds across the whole county.',
  });

  it('does not claim a sentence is only in one article when the other is incomplete', () => {
    const only = (r: ReturnType<typeof compareFraming>) => r.coverage.find((c) => c.article === 'full')!.only;
    const whole = compareFraming([full, part]);
    expect(only(whole).length).toBeGreaterThan(0);
    expect(only(whole).every((o) => o.incomplete === undefined)).toBe(true);
    const marked = compareFraming([full, { ...part, incomplete: 'paywall' }]);
    expect(only(marked).map((o) => o.text)).toEqual(only(whole).map((o) => o.text));
    expect(only(marked).every((o) => o.incomplete === true)).toBe(true);
    expect(marked.articles.find((a) => a.id === 'part')!.incomplete).toBe('paywall');
    expect(marked.articles.find((a) => a.id === 'full')!.incomplete).toBeUndefined();
  });

  it('still claims what the incomplete article alone holds', () => {
    const r = compareFraming([full, { ...part, incomplete: 'paywall' }]);
    const only = r.coverage.find((c) => c.article === 'part')!.only;
    expect(only.map((o) => o.text)).toEqual(['Insurers expect claims to exceed two million pounds across the whole county.']);
    expect(only[0]!.incomplete).toBeUndefined();
  });
});
