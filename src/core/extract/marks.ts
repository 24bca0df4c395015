/**
 * Furniture marks, set on the clone before Readability runs. Readability rewrites the markup
 * it keeps: a `<div class="image-credit">Jane Doe/AP</div>` comes out as a bare `<p>` (it
 * wraps loose text in new paragraphs and replaces single-paragraph divs by their paragraph),
 * so the class that named the furniture is gone by the time the text is built. The mark
 * survives: it is set on the furniture element ("root"), on its direct children and on
 * spans wrapped around its loose text ("child"); cleanup reads a child's mark only when its
 * root did not survive, so a large root it decided to keep keeps its children too.
 */
import { FURNITURE_CLASS } from './boilerplate';
import { forEachElement } from './walk';

export const FURNITURE_MARK = 'data-framelens-furniture';
export const ROOT = 'root';
export const CHILD = 'child';

const FURNITURE = new RegExp(FURNITURE_CLASS.map((re) => `(?:${re.source})`).join('|'));

function words(el: Element): string {
  const id = el.getAttribute('id');
  const cls = el.getAttribute('class');
  return id || cls ? `${id ?? ''} ${cls ?? ''}`.toLowerCase() : '';
}

/** Marks the furniture elements of `doc` (a clone: this changes it). */
export function markFurniture(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  forEachElement(body, (el) => {
    const w = words(el);
    if (!w || !FURNITURE.test(w)) return;
    el.setAttribute(FURNITURE_MARK, ROOT);
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) {
        if (!(child as Element).hasAttribute(FURNITURE_MARK)) (child as Element).setAttribute(FURNITURE_MARK, CHILD);
      } else if (child.nodeType === 3 && child.nodeValue?.trim()) {
        const span = doc.createElement('span');
        span.setAttribute(FURNITURE_MARK, CHILD);
        el.replaceChild(span, child);
        span.appendChild(child);
        child = span;
      }
    }
  });
}
