/**
 * One walk over the page before anything else: it enforces the size bounds (elements,
 * nesting; see limits.ts) and collects the few elements metadata is read from, so no
 * later step has to search the whole document again.
 */
import { type Limits } from './limits';

export interface PageScan {
  metas: Element[];
  links: Element[];
  ldScripts: Element[];
  times: Element[];
  title: Element | null;
}

export type ScanResult = ({ ok: true } & PageScan) | { ok: false; message: string };

const n = (x: number): string => x.toLocaleString('en');

export function scanPage(doc: Document, limits: Limits): ScanResult {
  const scan: PageScan = { metas: [], links: [], ldScripts: [], times: [], title: null };
  const root = doc.documentElement;
  if (!root) return { ok: true, ...scan };
  let elements = 0;
  let depth = 0;
  let el: Element | null = root;
  while (el) {
    if (++elements > limits.maxElements) {
      return { ok: false, message: `This page is too large to read as an article (more than ${n(limits.maxElements)} elements).` };
    }
    if (depth > limits.maxDepth) {
      return { ok: false, message: `This page is too deeply nested to read as an article (more than ${n(limits.maxDepth)} levels).` };
    }
    switch (el.localName) {
      case 'meta':
        scan.metas.push(el);
        break;
      case 'link':
        scan.links.push(el);
        break;
      case 'time':
        scan.times.push(el);
        break;
      case 'title':
        if (!scan.title) scan.title = el;
        break;
      case 'script':
        if (el.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') scan.ldScripts.push(el);
        break;
    }
    const child: Element | null = el.firstElementChild;
    if (child) {
      el = child;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return { ok: true, ...scan };
}
