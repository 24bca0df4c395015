/**
 * A small, tolerant, namespace-aware XML reader for feeds and OPML. It builds a tree of
 * elements with their resolved namespace URIs, attributes and text (CDATA included), and
 * never expands a DTD: a document type declaration is skipped whole, so no external or
 * recursive entity can be expanded (billion laughs, XXE). Real feeds are often not
 * well-formed (a bare `&`, HTML entities such as `&nbsp;`, a missing end tag): those are
 * read the way a reader would expect instead of refusing the whole feed.
 *
 * Why not a dependency: fast-xml-parser (six runtime dependencies) does not resolve
 * namespace prefixes to URIs, and saxes refuses the malformed feeds that are common in the
 * wild. Feeds need elements, attributes, text and namespaces only.
 */
import { decodeEntities } from './charRefs';

export interface XmlElement {
  /** The local name, without prefix. */
  name: string;
  /** The namespace URI ('' for none). */
  ns: string;
  /** The qualified name as written (`content:encoded`). */
  qname: string;
  /** Attributes by qualified name as written. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (text and CDATA directly inside it, in order). */
  text: string;
  /** Every text inside the element, its descendants' included, in document order. */
  inner: string;
  parent: XmlElement | null;
  /** Prefix → namespace URI declarations in scope at this element. */
  scope: Record<string, string>;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

export interface XmlLimits {
  /** Most elements read before refusing the document. */
  maxElements: number;
  /** Deepest nesting accepted. */
  maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxElements: 200_000, maxDepth: 64 };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[^\s/>=<"']+/;
const ATTR = /([^\s/>=<"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

/** Parses XML text into its root element; throws XmlError when there is no element at all or a limit is exceeded. */
export function parseXml(source: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const docRoot: XmlElement = {
    name: '#document',
    ns: '',
    qname: '#document',
    attrs: {},
    children: [],
    text: '',
    inner: '',
    parent: null,
    scope: { xml: XML_NS },
  };
  let current = docRoot;
  let depth = 0;
  let elements = 0;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = source.length;
  while (i < n) {
    const lt = source.indexOf('<', i);
    if (lt === -1) {
      addText(current, decodeEntities(source.slice(i)));
      break;
    }
    if (lt > i) addText(current, decodeEntities(source.slice(i, lt)));
    if (source.startsWith('<!--', lt)) {
      i = skipPast(source, lt + 4, '-->');
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      addText(current, source.slice(lt + 9, end === -1 ? n : end));
      i = end === -1 ? n : end + 3;
    } else if (source.startsWith('<?', lt)) {
      i = skipPast(source, lt + 2, '?>');
    } else if (source.startsWith('<!', lt)) {
      i = skipDeclaration(source, lt + 2);
    } else if (source[lt + 1] === '/') {
      const gt = source.indexOf('>', lt);
      const qname = source.slice(lt + 2, gt === -1 ? n : gt).trim();
      i = gt === -1 ? n : gt + 1;
      // Close the nearest open element of that name; an end tag nothing matches is ignored.
      for (let open: XmlElement | null = current; open && open !== docRoot; open = open.parent) {
        if (open.qname === qname) {
          for (let e: XmlElement | null = current; e && e !== open.parent; e = e.parent) depth--;
          current = open.parent ?? docRoot;
          break;
        }
      }
    } else {
      const nameMatch = NAME.exec(source.slice(lt + 1, lt + 1 + 512));
      if (!nameMatch) {
        // A lone "<" in text (a malformed feed): keep it as text.
        addText(current, '<');
        i = lt + 1;
        continue;
      }
      const gt = findTagEnd(source, lt + 1 + nameMatch[0].length);
      const selfClosing = source[gt - 1] === '/';
      const attrText = source.slice(lt + 1 + nameMatch[0].length, selfClosing ? gt - 1 : gt);
      i = gt + 1;
      if (++elements > limits.maxElements) throw new XmlError(`more than ${limits.maxElements} elements`);
      const element = makeElement(nameMatch[0], attrText, current);
      current.children.push(element);
      if (!selfClosing) {
        if (++depth > limits.maxDepth) throw new XmlError(`elements nested deeper than ${limits.maxDepth} levels`);
        current = element;
      }
    }
  }
  const root = docRoot.children[0];
  if (!root) throw new XmlError('no XML element');
  return root;
}

function addText(element: XmlElement, text: string): void {
  element.text += text;
  for (let e: XmlElement | null = element; e; e = e.parent) e.inner += text;
}

function skipPast(source: string, from: number, end: string): number {
  const at = source.indexOf(end, from);
  return at === -1 ? source.length : at + end.length;
}

/** Skips `<!DOCTYPE …>` including an internal subset in brackets. */
function skipDeclaration(source: string, from: number): number {
  let bracket = 0;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '[') bracket++;
    else if (c === ']') bracket--;
    else if (c === '>' && bracket <= 0) return i + 1;
  }
  return source.length;
}

/** The index of the `>` closing a start tag, skipping quoted attribute values. */
function findTagEnd(source: string, from: number): number {
  let quote = '';
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return source.length;
}

function makeElement(qname: string, attrText: string, parent: XmlElement): XmlElement {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  let scope = parent.scope;
  for (const m of attrText.matchAll(ATTR)) {
    const key = m[1] ?? '';
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    if (key === '__proto__') continue;
    attrs[key] = value;
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parent.scope) scope = { ...parent.scope };
      scope[key === 'xmlns' ? '' : key.slice(6)] = value;
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const name = colon === -1 ? qname : qname.slice(colon + 1);
  return { name, ns: scope[prefix] ?? '', qname, attrs, children: [], text: '', inner: '', parent, scope };
}

/** The value of an attribute by namespace and local name (`xml:base`, `rdf:about`), or by plain name. */
export function attr(element: XmlElement, name: string, ns = ''): string | undefined {
  if (!ns) return element.attrs[name];
  for (const [key, value] of Object.entries(element.attrs)) {
    const colon = key.indexOf(':');
    if (colon !== -1 && key.slice(colon + 1) === name && element.scope[key.slice(0, colon)] === ns) return value;
  }
  return undefined;
}

/** Child elements with a local name in a namespace (any of `namespaces`). */
export function childrenNamed(element: XmlElement, name: string, namespaces: readonly string[]): XmlElement[] {
  return element.children.filter((c) => c.name === name && namespaces.includes(c.ns));
}

export function childNamed(element: XmlElement, name: string, namespaces: readonly string[]): XmlElement | undefined {
  return element.children.find((c) => c.name === name && namespaces.includes(c.ns));
}
