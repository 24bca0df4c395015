/**
 * Front pages, section pages and search results pass Readability's readerability guess
 * (their teaser summaries are long paragraphs) and Readability then returns a column of
 * teasers. What gives them away is structure: many headlines that are links to other
 * pages, each followed by a summary too short to be an article's section.
 */

/** Headline-like elements: headings, and the elements sites mark as headlines. */
const HEADLINE_SELECTOR = 'h1, h2, h3, h4, h5, h6, [class*="headline" i], [class*="title" i]';

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
  for (const el of Array.from(root.querySelectorAll(HEADLINE_SELECTOR))) {
    const text = el.textContent?.trim() ?? '';
    if (wordCount(text) < 3) continue;
    const link = el.tagName === 'A' ? el : el.querySelector('a[href]') ?? el.closest('a[href]');
    const href = link?.getAttribute('href');
    if (!link || !href || href.startsWith('#')) continue;
    const linkText = link.textContent?.trim() ?? '';
    if (linkText.length < 0.7 * text.length && !link.contains(el)) continue;
    if (!hrefs.has(href)) chars += text.length;
    hrefs.add(href);
  }
  return { count: hrefs.size, chars };
}

/** Whether Readability's `content` is a list of teasers rather than one article. */
export function looksLikeListing(content: Element): boolean {
  const { count, chars } = headlineLinks(content);
  if (count < MIN_TEASERS) return false;
  const textChars = (content.textContent ?? '').replace(/\s+/g, ' ').length;
  return (textChars - chars) / count < MAX_CHARS_PER_TEASER;
}
