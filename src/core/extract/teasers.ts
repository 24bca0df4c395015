/**
 * Teaser grids inside the article: "more stories" rails, recirculation carousels and card
 * lists that Readability keeps when they sit in the article's container. Recognised by
 * structure, not by site: a parent whose children are mostly alike (same tag and class)
 * small cards, each pointing to another page through a picture or a headline link, with
 * little text of their own (a headline and a line of summary).
 */

import { childElements, forEachElement } from './walk';

const MIN_CARDS = 3;
/** A card holds a headline and perhaps a one-line summary, not a section of an article. */
const MAX_CARD_CHARS = 500;
/** The cards must make up most of their parent's children. */
const MIN_CARD_SHARE = 0.6;
const CARD_TAGS = new Set(['DIV', 'ARTICLE', 'SECTION', 'ASIDE', 'LI', 'FIGURE']);

function signature(el: Element): string {
  return `${el.tagName}.${(el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? ''}`;
}

/** A link to another page that is a picture or a headline: how a teaser card points away. */
function isTeaserLink(a: Element): boolean {
  const href = a.getAttribute('href');
  if (!href || href.startsWith('#') || /^(?:javascript|mailto):/i.test(href)) return false;
  return a.querySelector('img, picture, h1, h2, h3, h4, h5, h6') !== null || a.closest('h1, h2, h3, h4, h5, h6') !== null;
}

function isCard(el: Element): boolean {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_CARD_CHARS) return false;
  let found = false;
  forEachElement(el, (a) => {
    if (!found && a.localName === 'a' && isTeaserLink(a)) found = true;
  });
  return found;
}

/** Parents of teaser grids inside `content` that hold less than `maxShare` of its text. */
export function teaserGrids(content: Element, contentChars: number, maxShare: number): Set<Element> {
  const grids = new Set<Element>();
  forEachElement(content, (parent) => {
    if (parent.childElementCount < MIN_CARDS) return;
    const all = childElements(parent);
    const children = all.filter((c) => CARD_TAGS.has(c.tagName));
    if (children.length < MIN_CARDS) return;
    const groups = new Map<string, Element[]>();
    for (const c of children) {
      const sig = signature(c);
      const group = groups.get(sig);
      if (group) group.push(c);
      else groups.set(sig, [c]);
    }
    const largest = [...groups.values()].reduce((a, b) => (b.length > a.length ? b : a));
    if (largest.length < MIN_CARDS || largest.length < MIN_CARD_SHARE * all.length) return;
    if (!largest.every(isCard)) return;
    if ((parent.textContent ?? '').length < maxShare * contentChars) grids.add(parent);
  });
  return grids;
}
