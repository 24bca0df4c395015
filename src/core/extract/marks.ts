/**
 * Furniture marks, set on the clone before Readability runs. Readability rewrites the markup
 * it keeps: a `<div class="image-credit">Jane Doe/AP</div>` comes out as a bare `<p>` (it
 * wraps loose text in new paragraphs and replaces single-paragraph divs by their paragraph),
 * so the class that named the furniture is gone by the time the text is built. The mark
 * survives: it is set on the furniture element ("root"), and when the element is a DIV
 * (which Readability may replace), on its children and on spans around its loose text ("child");
 * cleanup reads a child's mark only when its root did not survive, so a large root it
 * decided to keep keeps its children too.
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

/**
 * Marks the furniture elements of `doc` (a clone: this changes it). Only DIVs need more than
 * their own mark, since only DIVs are rewritten by Readability (loose text and inline
 * children are moved into new paragraphs, a DIV holding one paragraph is replaced by it):
 * their element children are marked and their loose text wrapped in marked spans. Other
 * elements keep their attributes. Marking no more than that keeps the mutations (slow in
 * jsdom) few.
 */
export function markFurniture(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  forEachElement(body, (el) => {
    const w = words(el);
    if (!w || !FURNITURE.test(w)) return;
    el.setAttribute(FURNITURE_MARK, ROOT);
    if (el.localName !== 'div') return;
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
