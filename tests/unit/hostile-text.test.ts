/**
 * Adversarial article text through the engines that run on page text in the service
 * worker: framing (quote and attribution patterns, naming, tone, coverage) and matching.
 * A page controls this text, so a pattern with catastrophic backtracking or a quadratic
 * pass would hang the worker for every reader of that page. Each text is ~200k characters
 * (the size of a very long article). Every case runs in well under a second; the bound is a
 * budget per character, generous enough for a loaded machine, that a quadratic pass or
 * catastrophic backtracking exceeds by far. It guards against hangs, not a speed target.
 */
import { describe, expect, it } from 'vitest';
import { compareFraming } from '../../src/core/framing';
import { MatchIndex } from '../../src/core/match';
import { articleFromRecord, type Article } from '../../src/core/types';

const SIZE = 200_000;
/** 25 µs a character: 5 s for 200k characters. */
const BOUND_MS = SIZE * 0.025;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const TEXTS: Array<[string, string]> = [
  ['one sentence without punctuation', fill('the minister spoke to reporters about the plan and ')],
  ['one word of 200k letters', fill('a')],
  ['unbalanced opening quotes', fill('“He said “that “the ')],
  ['attribution verbs with no speaker', fill('said said claimed according to told ')],
  ['capitalised words (name candidates)', fill('Minister President Secretary General Wang Li Zhao ')],
  ['titles and initials', fill('Mr. J. R. R. Dr. St. Prof. A. B. ')],
  ['numbers and quantities', fill('1,000,000.5 % $ € 12.3bn 4-5 ')],
  ['whitespace and newlines', fill(' \n\n \t \u00a0\u2028 ')],
  ['zero-width and bidi controls', fill('a\u200b\u200c\u200d\u2060\ufeff\u202e\u2066b ')],
  ['combining marks', fill('e\u0301\u0301\u0301\u0301 ')],
  ['astral characters and lone surrogates', fill('😀𝕏\ud800\udfff\udc00 ')],
  ['HTML-looking text', fill('<img src=x onerror=alert(1)><script>alert(1)</script> ')],
  ['paragraph breaks only', fill('\n\n')],
  ['nested parentheses and dashes', fill('(((— – - ')],
  ['repeated hedges', fill('allegedly reportedly apparently may might could ')],
];

const article = (id: string, text: string): Article => ({
  ...articleFromRecord({ id, url: `https://hostile.example/${id}`, title: `Headline ${id}`, outlet: id, published: '2024-01-01', text }),
  byline: null,
});
const ordinary = article(
  'ordinary',
  'The minister said on Monday that the plan would go ahead. "We will not wait," she told reporters.\n\nCritics claimed the plan was rushed, according to a statement.',
);

describe('framing and matching on adversarial text', () => {
  for (const [what, text] of TEXTS) {
    it(
      `${what}: compared and matched without an exception, in bounded time`,
      () => {
        const start = performance.now();
        const hostile = article('hostile', text);
        const report = compareFraming([hostile, ordinary]);
        expect(report.articles.map((a) => a.id)).toEqual(['hostile', 'ordinary']);
        const index = new MatchIndex();
        index.add(ordinary);
        index.add(hostile);
        expect(() => index.search(hostile, { top: 5 })).not.toThrow();
        expect(() => index.search(ordinary, { top: 5 })).not.toThrow();
        expect(performance.now() - start).toBeLessThan(BOUND_MS);
      },
      BOUND_MS + 5_000,
    );
  }
});
