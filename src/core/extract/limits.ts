/**
 * Bounds on what extraction reads, so a hostile or runaway page (an infinite-scroll feed,
 * a data dump, tags nested thousands deep) cannot stall the reader's browser. Such a page
 * is refused with reason 'too-large' and a message saying why: elements and nesting are
 * checked before Readability runs (its work grows with elements times depth: 1,000 nested
 * divs take it over a minute), the article's text before it is built and cleaned. Real
 * articles are far below all three: the largest page of the extraction benchmark has ~10k
 * elements, ~200k characters of text, and pages rarely nest deeper than 60 (Chromium's
 * parser itself stops nesting at 512).
 */
export interface Limits {
  maxElements: number;
  maxDepth: number;
  maxTextChars: number;
}

export const DEFAULT_LIMITS: Limits = { maxElements: 200_000, maxDepth: 256, maxTextChars: 1_500_000 };

/** Below this many characters of cleaned text, a page has no article to compare. */
export const MIN_ARTICLE_CHARS = 250;

export type SizeCheck = { ok: true } | { ok: false; message: string };

/** The article's text, measured on Readability's content before the text is built. */
export function checkText(chars: number, limits: Limits): SizeCheck {
  if (chars > limits.maxTextChars) {
    return {
      ok: false,
      message: `This page is too large to read as an article (${chars.toLocaleString('en')} characters of text; Framelens reads up to ${limits.maxTextChars.toLocaleString('en')}).`,
    };
  }
  return { ok: true };
}
