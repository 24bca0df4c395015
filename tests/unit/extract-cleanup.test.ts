import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';

const SENTENCES = [
  'The city council voted on Tuesday to approve the new transit plan after months of debate among residents and officials.',
  'Supporters said the plan would cut commute times across the region and reduce traffic in the downtown core by a third.',
  'Opponents argued that the cost estimates were too optimistic and that the money should go to road repairs instead.',
  'The mayor said construction could begin next spring if the provincial government confirms its share of the funding.',
  'A final vote on the budget is expected next month, when councillors will also consider changes to bus routes.',
  'Residents who spoke at the hearing were divided, with many asking for more frequent service in the suburbs.',
];

function load(body: string, head = '<meta property="og:type" content="article">'): Document {
  return new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Council approves transit plan</title>${head}</head><body>${body}</body></html>`,
    { url: 'https://news.example.org/city/transit-plan' },
  ).window.document;
}

function textOf(doc: Document): string {
  const r = extractArticle(doc);
  if (!r.ok) throw new Error(r.message);
  return r.article.text;
}

const paras = (xs: string[]): string => xs.map((s) => `<p>${s}</p>`).join('\n');

describe('text', () => {
  it('makes one paragraph per block, headings and list items included, whitespace and zero-width characters normalised', () => {
    const doc = load(
      `<article>${paras(SENTENCES.slice(0, 3))}<h2>What  comes\u200b next</h2><ul><li>First item of the list with several words</li><li>Second item of the list</li></ul><blockquote>A quoted passage from the report, kept as it was written.</blockquote>${paras(SENTENCES.slice(3))}</article>`,
    );
    const ps = textOf(doc).split('\n\n');
    expect(ps).toContain('What comes next');
    expect(ps).toContain('First item of the list with several words');
    expect(ps).toContain('A quoted passage from the report, kept as it was written.');
    expect(ps.length).toBe(10);
  });

  it('never changes the page it reads', () => {
    const doc = load(`<nav><a href="/">Home</a></nav><article>${paras(SENTENCES)}</article>`);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('cleanup', () => {
  it('drops captions and credits, by markup and by wording', () => {
    const doc = load(`<article>${paras(SENTENCES.slice(0, 2))}
      <figure><img src="a.jpg"><figcaption>Councillors at the vote on Tuesday</figcaption></figure>
      <div class="image-credit">Jane Doe/Example Press</div>
      <p>Council members debate the plan at city hall. (Jane Doe/Pool/Reuters)</p>
      ${paras(SENTENCES.slice(2))}</article>`);
    const text = textOf(doc);
    expect(text).not.toMatch(/Councillors at the vote|Example Press|Reuters/);
    expect(text.split('\n\n')).toHaveLength(6);
  });

  it('drops a caption that repeats a body sentence (plain paragraphs, no caption markup), keeping the body paragraph', () => {
    const caption = `${SENTENCES[0]!.replace(' after months of debate among residents and officials.', '.')} The mayor (pictured) speaks at the hearing on Monday`;
    const doc = load(`<article>${paras([caption, ...SENTENCES])}</article>`);
    const ps = textOf(doc).split('\n\n');
    expect(ps).toEqual(SENTENCES);
  });

  it('keeps one copy of a repeated paragraph and of a pull quote', () => {
    const doc = load(
      `<article>${paras(SENTENCES.slice(0, 4))}<aside class="pullquote"><p>would cut commute times across the region and reduce traffic in the downtown core</p></aside>${paras([SENTENCES[1]!, ...SENTENCES.slice(4)])}</article>`,
    );
    expect(textOf(doc).split('\n\n')).toEqual(SENTENCES);
  });

  it('keeps repeated structure: a schedule whose lines repeat', () => {
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday'].flatMap((d) => [
      `<h3>${d}</h3>`,
      '<p>Eat every two to three hours and drink plenty of water all day long.</p>',
      '<p>Walk for thirty minutes after lunch, then stretch for ten minutes before bed.</p>',
    ]);
    const doc = load(`<article>${paras(SENTENCES.slice(0, 3))}${days.join('')}${paras(SENTENCES.slice(3))}</article>`);
    expect(textOf(doc).match(/Eat every two to three hours/g)).toHaveLength(4);
  });

  it('drops share bars, newsletter boxes, related links, ad labels, comment counts and timestamps', () => {
    const doc = load(`<article>
      <div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a></div>
      <p class="timestamp">Published 10:42 a.m. ET March 29, 2021</p>
      ${paras(SENTENCES.slice(0, 3))}
      <div class="ad-slot">Advertisement</div>
      <p>Advertisement</p>
      <p><a href="/city/budget">Read more: Council delays budget vote to April</a></p>
      <div class="newsletter-signup"><p>Sign up for our daily newsletter to get the top stories in your inbox every morning.</p></div>
      ${paras(SENTENCES.slice(3))}
      <p><a href="/city/a">Police investigate break-in at city hall offices</a></p>
      <p><a href="/city/b">New bike lanes open along the waterfront this week</a></p>
      <p>12 comments</p>
      <p>Updated at 1:23 p.m.</p>
      <p>Follow us on Twitter @examplenews for more city coverage.</p></article>`);
    const text = textOf(doc);
    expect(text.split('\n\n')).toEqual(SENTENCES);
  });

  it('drops a teaser grid found inside the article container', () => {
    const card = (i: number): string =>
      `<div class="card"><a href="/story-${i}"><img src="${i}.jpg"></a><h3><a href="/story-${i}">Another headline number ${i} about the city</a></h3><p>One line of summary.</p></div>`;
    const doc = load(`<article>${paras(SENTENCES)}<div class="grid">${[1, 2, 3, 4].map(card).join('')}</div></article>`);
    expect(textOf(doc).split('\n\n')).toEqual(SENTENCES);
  });
});

describe('pages that are not articles', () => {
  it('refuses a page without an article, with a message for the reader', () => {
    const doc = load('<nav><a href="/">Home</a></nav><p>Welcome!</p>', '');
    const r = extractArticle(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('not-article');
      expect(r.message).toMatch(/No article here/);
    }
  });

  it('reads a short page that declares itself an article even when the readerability guess says no', () => {
    const doc = load(
      `<div>${paras(SENTENCES.slice(0, 3))}</div>`,
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves transit plan"}</script>',
    );
    const r = extractArticle(doc);
    expect(r.ok && r.article.title).toBe('Council approves transit plan');
  });

  it('refuses a page with too many elements, before reading it', () => {
    const doc = load(`<article>${paras(SENTENCES)}</article>${'<span></span>'.repeat(600)}`);
    const r = extractArticle(doc, undefined, { limits: { maxElements: 500 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('too-large');
      expect(r.message).toMatch(/too large/);
    }
    expect(extractArticle(doc).ok).toBe(true);
  });

  it('refuses a page nested thousands deep (Readability would take minutes)', () => {
    const doc = load('<div>'.repeat(3000) + paras(SENTENCES) + '</div>'.repeat(3000));
    const r = extractArticle(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/nested/);
  });

  it('never throws on hostile pages (nesting, broken JSON-LD, odd URLs)', () => {
    const deep = '<div>'.repeat(60) + paras(SENTENCES) + '</div>'.repeat(60);
    const doc = load(
      deep,
      '<script type="application/ld+json">{"@graph": [[[{"@type": 7, "headline": {"@value": []}}]]]}</script><link rel="canonical" href="http://[::1">',
    );
    const r = extractArticle(doc, 'not a url');
    expect(typeof r.ok).toBe('boolean');
  });
});
