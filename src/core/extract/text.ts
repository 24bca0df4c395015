/**
 * Readability's content element as text in the interchange format: one paragraph per block
 * (paragraph, heading, list item, block quote, pre, table cell...), joined by "\n\n".
 * Each block keeps what cleanup needs to judge it: its kind, how much of it is link text,
 * and the class/id words of the elements around it.
 */

export type BlockKind = 'p' | 'heading' | 'li' | 'quote' | 'pre' | 'caption' | 'cell';

export interface Block {
  text: string;
  kind: BlockKind;
  /** Characters of `text` that sit inside links. */
  linkChars: number;
  /** Class and id words of the block's element and its ancestors inside the content, lower-cased. */
  context: string;
  /** The element the block came from. */
  element: Element;
}

/** Elements that start a new block. */
// prettier-ignore
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose text is never article text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'MATH',
]);

const ZERO_WIDTH = /[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Whitespace collapsed to single spaces, zero-width and direction marks removed. */
export function normaliseSpace(s: string): string {
  return s
    .replace(ZERO_WIDTH, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function kindOf(tag: string, inside: BlockKind | null): BlockKind {
  if (/^H[1-6]$/.test(tag)) return 'heading';
  switch (tag) {
    case 'LI':
    case 'DD':
    case 'DT':
      return 'li';
    case 'BLOCKQUOTE':
      return 'quote';
    case 'PRE':
      return 'pre';
    case 'FIGCAPTION':
    case 'CAPTION':
      return 'caption';
    case 'TD':
    case 'TH':
      return 'cell';
    default:
      return inside ?? 'p';
  }
}

function words(el: Element): string {
  const id = el.getAttribute('id');
  const cls = el.getAttribute('class');
  return `${id ?? ''} ${cls ?? ''}`.trim().toLowerCase();
}

/** What `skip` says about an element: leave it out (with its subtree), or read it. */
export type SkipTest = (el: Element, context: string) => boolean;

interface Current {
  kind: BlockKind;
  context: string;
  element: Element;
}

interface Frame {
  node: Node;
  /** Set when this frame closes a block element: flush, then go back to the enclosing block. */
  restore?: Current;
}

/**
 * Splits `root` into blocks. Iterative (no recursion), so hostile nesting depth cannot
 * overflow the stack; `skip` drops elements (and their subtrees) before they become text.
 */
export function blocksOf(root: Element, skip: SkipTest = () => false): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let linkChars = 0;
  let current: Current = { kind: 'p', context: words(root), element: root };
  const contexts = new Map<Node, { kind: BlockKind | null; context: string; inLink: boolean }>();
  contexts.set(root, { kind: null, context: words(root), inLink: false });

  const flush = (): void => {
    const text = normaliseSpace(buffer);
    if (text)
      blocks.push({
        text,
        kind: current.kind,
        linkChars: Math.min(linkChars, text.length),
        context: current.context,
        element: current.element,
      });
    buffer = '';
    linkChars = 0;
  };

  const stack: Frame[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) stack.push({ node: c });
  while (stack.length) {
    const { node, restore } = stack.pop()!;
    if (restore) {
      flush();
      current = restore;
      continue;
    }
    const parentInfo = contexts.get(node.parentNode as Node) ?? { kind: null, context: '', inLink: false };
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      buffer += text;
      if (parentInfo.inLink) linkChars += normaliseSpace(text).length + (/^\s/.test(text) ? 1 : 0);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) continue;
    const context = `${parentInfo.context} ${words(el)}`.trim();
    if (skip(el, context)) continue;
    const isBlock = BLOCK_TAGS.has(tag);
    const kind = isBlock ? kindOf(tag, parentInfo.kind) : parentInfo.kind;
    contexts.set(el, { kind, context, inLink: parentInfo.inLink || tag === 'A' });
    if (isBlock) {
      flush();
      stack.push({ node: el, restore: current });
      current = { kind: kind ?? 'p', context, element: el };
    } else if (tag === 'IMG' || tag === 'PICTURE') continue;
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ node: c });
  }
  flush();
  return blocks;
}

/** Blocks as the interchange text: paragraphs joined by a blank line. */
export function joinBlocks(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}
