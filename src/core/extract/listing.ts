/**
 * Front pages, section pages and search results pass Readability's readerability guess
 * (their teaser summaries are long paragraphs) and Readability then returns a column of
 * teasers. What gives them away is structure: many headlines that are links to other
 * pages, each followed by a summary too short to be an article's section.
 */

import { forEachElement } from './walk';

/** Headline-like elements: headings, and the elements sites mark as headlines. */
function isHeadline(el: Element): boolean {
  return /^h[1-6]$/.test(el.localName) || /headline|title/i.test(el.getAttribute('class') ?? '');
}

/** A listing has at least this many distinct headline links... */
const MIN_TEASERS = 5;
/** ...and, on average, less text than this between two of them. */
const MAX_CHARS_PER_TEASER = 700;

function wordCount(s: string): number {
  const t = s.trim();
  return t ? t.split(/\s+/).length : 0;
}

/** Distinct link targets of headlines that are (almost) entirely one link. */
function headlineLinks(root: Element): { count: number; chars: number } {
  const hrefs = new Set<string>();
  let chars = 0;
  forEachElement(root, (el) => {
    if (!isHeadline(el)) return;
    const text = el.textContent?.trim() ?? '';
    if (wordCount(text) < 3) return;
    const link = el.localName === 'a' ? el : (el.querySelector('a[href]') ?? el.closest('a[href]'));
    const href = link?.getAttribute('href');
    if (!link || !href || href.startsWith('#')) return;
    const linkText = link.textContent?.trim() ?? '';
    if (linkText.length < 0.7 * text.length && !link.contains(el)) return;
    if (!hrefs.has(href)) chars += text.length;
    hrefs.add(href);
  });
  return { count: hrefs.size, chars };
}

/** Whether Readability's `content` is a list of teasers rather than one article. */
export function looksLikeListing(content: Element): boolean {
  const { count, chars } = headlineLinks(content);
  if (count < MIN_TEASERS) return false;
  const textChars = (content.textContent ?? '').replace(/\s+/g, ' ').length;
  return (textChars - chars) / count < MAX_CHARS_PER_TEASER;
}
