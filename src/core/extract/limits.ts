/**
 * Bounds on what extraction reads, so a hostile or runaway page (an infinite-scroll feed,
 * a data dump) cannot stall the reader's browser: such a page is refused with reason
 * 'too-large' and a message saying why, before Readability runs. A real article, even a
 * long one with its whole comment section, is far below both limits (the largest page of
 * the extraction benchmark has ~10k elements and ~200k characters of text).
 */
export const MAX_ELEMENTS = 200_000;
export const MAX_TEXT_CHARS = 1_500_000;

/** Below this many characters of cleaned text, a page has no article to compare. */
export const MIN_ARTICLE_CHARS = 250;

export type SizeCheck = { ok: true } | { ok: false; message: string };

export function checkSize(doc: Document): SizeCheck {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_ELEMENTS) {
    return { ok: false, message: `This page is too large to read as an article (${elements.toLocaleString('en')} elements; Framelens reads pages up to ${MAX_ELEMENTS.toLocaleString('en')}).` };
  }
  const chars = doc.body?.textContent?.length ?? 0;
  if (chars > MAX_TEXT_CHARS) {
    return { ok: false, message: `This page is too large to read as an article (${chars.toLocaleString('en')} characters of text; Framelens reads pages up to ${MAX_TEXT_CHARS.toLocaleString('en')}).` };
  }
  return { ok: true };
}
