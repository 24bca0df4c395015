/**
 * Element traversal by firstElementChild / nextElementSibling. Iterating a live
 * HTMLCollection (getElementsByTagName, children) is far slower in jsdom, where every
 * indexed access goes through a Proxy: on the benchmark pages, Array.from over
 * getElementsByTagName('*') of a fresh clone cost more than a quarter of Readability's
 * own time. In browsers both are fast; this keeps Node (CLI, tests, bench) fast too.
 */

/** Calls `visit` for every element under `root` (not `root` itself), in document order. */
export function forEachElement(root: Element, visit: (el: Element) => void): void {
  let el: Element | null = root.firstElementChild;
  while (el) {
    visit(el);
    const child: Element | null = el.firstElementChild;
    if (child) {
      el = child;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    el = el && el !== root ? el.nextElementSibling : null;
  }
}

/** The element children of `el`. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}
