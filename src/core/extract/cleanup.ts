/**
 * Cleanup of Readability's output: furniture it keeps (captions, credits, share bars,
 * newsletter boxes, related-link lists, author bios, ad labels, comment counts, body
 * timestamps, repeated paragraphs) is removed; subheadings, lists, block quotes and pull
 * quotes stay, once. Rules were added in small groups, measuring bench/extraction.ts after
 * each group and keeping a group only when it raised F1 there without costing recall.
 */
import { CHILD, FURNITURE_MARK, ROOT } from './marks';
import { CAPTION_WORDS, FURNITURE_TEXT, PHOTO_CREDIT, PROMO_SENTENCE, TEASER_TAG } from './boilerplate';
import { teaserGrids } from './teasers';
import type { Block, SkipTest } from './text';

/** An element holding more than this share of the article's text is never dropped as furniture. */
const MAX_FURNITURE_SHARE = 0.25;

/** Teaser grids are recognised by structure, strong evidence: they may hold up to half the text. */
const MAX_GRID_SHARE = 0.5;

/**
 * The DOM-level test: skip figure captions, hidden elements, teaser grids and the elements
 * marked as furniture (by class or id, see marks.ts), unless a marked element holds a large
 * share of the article (a site that names its article wrapper "story-share-container" must
 * not lose the article).
 */
export function furnitureSkip(content: Element, contentChars: number): SkipTest {
  const grids = teaserGrids(content, contentChars, MAX_GRID_SHARE);
  return (el) => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'FIGCAPTION' || grids.has(el)) return true;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
    const mark = el.getAttribute(FURNITURE_MARK);
    if (mark === null) return false;
    // A child whose root survived was kept with its root.
    if (mark === CHILD && el.parentElement?.getAttribute(FURNITURE_MARK) === ROOT) return false;
    return (el.textContent ?? '').length < MAX_FURNITURE_SHARE * contentChars;
  };
}

function wordCount(s: string): number {
  return s.split(' ').length;
}

/** Paragraphs shorter than this may repeat: only longer repeats are copies. */
const MIN_REPEAT_WORDS = 8;

/** A comparison key: letters and digits only, lower-cased. */
function key(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function isFurnitureText(b: Block): boolean {
  const words = wordCount(b.text);
  if (words <= 25 && FURNITURE_TEXT.some((re) => re.test(b.text))) return true;
  if (b.kind === 'caption') return true;
  // A caption that made it into a paragraph: a short text ending in a photo credit.
  if (words <= 60 && PHOTO_CREDIT.test(b.text)) return true;
  if (words <= 60 && PROMO_SENTENCE.some((re) => re.test(b.text))) return true;
  return false;
}

/** "Read more: <headline>", "Related: <headline>": a pointer to another article, mostly link text. */
const LINK_PREFIX =
  /^(?:read more|read also|also read|related|related article|related story|see also|see more|more|recommended|watch|listen|click here|previously|further reading|more on this)\s*(?:[:|»>-]|\.{3}|…)/i;

function isLinkTeaser(b: Block): boolean {
  if (b.kind === 'pre' || b.kind === 'quote') return false;
  const density = b.linkChars / b.text.length;
  if (density > 0.5 && (LINK_PREFIX.test(b.text) || TEASER_TAG.test(b.text))) return true;
  // A headline in capitals that is all link: a promotion of another story.
  return density > 0.9 && wordCount(b.text) >= 3 && /\p{Lu}{2}/u.test(b.text) && !/\p{Ll}/u.test(b.text);
}

/** The page's own address printed as text (print headers): a plain-text URL alone in a block. */
function isBareUrl(b: Block): boolean {
  return b.linkChars / b.text.length < 0.5 && /^https?:\/\/\S+$/i.test(b.text);
}

/** A block that is a headline of another page: (almost) all link text, several words. */
function isHeadlineLink(b: Block): boolean {
  return b.kind !== 'pre' && b.kind !== 'quote' && b.linkChars / b.text.length >= 0.8 && wordCount(b.text) >= 4 && wordCount(b.text) <= 30;
}

/** Consecutive headline links ("more on this", "related" lists without a heading). */
const MIN_HEADLINE_RUN = 2;

/** Consecutive short links (menus, tag lists): one to three words each, all link. */
const MIN_MENU_RUN = 4;

function isMenuItem(b: Block): boolean {
  return b.kind !== 'pre' && b.kind !== 'quote' && b.linkChars / b.text.length >= 0.9 && wordCount(b.text) <= 3;
}

function dropRuns(blocks: Block[], test: (b: Block) => boolean, minRun: number, drop: Set<number>): void {
  for (let i = 0; i < blocks.length;) {
    let j = i;
    while (j < blocks.length && test(blocks[j]!)) j++;
    if (j - i >= minRun) for (let k = i; k < j; k++) drop.add(k);
    i = j > i ? j : i + 1;
  }
}

function dropLinkRuns(blocks: Block[]): Block[] {
  const drop = new Set<number>();
  dropRuns(blocks, isHeadlineLink, MIN_HEADLINE_RUN, drop);
  dropRuns(blocks, isMenuItem, MIN_MENU_RUN, drop);
  return blocks.filter((_b, i) => !drop.has(i));
}

/** The word-4-gram set of a text, for near-duplicate tests. */
function shingles(s: string): Set<string> {
  const w = key(s).split(' ');
  const out = new Set<string>();
  for (let i = 0; i + 4 <= w.length; i++) out.add(w.slice(i, i + 4).join(' '));
  return out;
}

/** The first `n` words of a paragraph's key, or null when it is shorter. */
function opening(k: string, n: number): string | null {
  const w = k.split(' ');
  return w.length >= n ? w.slice(0, n).join(' ') : null;
}

const OPENING_WORDS = 8;

/**
 * Drops picture captions written as "a body sentence, then a description of the picture"
 * (tabloid habit): a paragraph with caption wording whose opening words open another
 * paragraph too.
 */
function dropEchoCaptions(blocks: Block[]): Block[] {
  const openings = new Map<string, number>();
  blocks.forEach((b) => {
    const o = opening(key(b.text), OPENING_WORDS);
    if (o) openings.set(o, (openings.get(o) ?? 0) + 1);
  });
  return blocks.filter((b) => {
    const o = opening(key(b.text), OPENING_WORDS);
    return !(o && (openings.get(o) ?? 0) > 1 && CAPTION_WORDS.test(b.text));
  });
}

/** More repeats than this share of the blocks means repetition is the page's structure. */
const MAX_REPEAT_SHARE = 0.2;

/**
 * Drops repeated paragraphs, keeping one copy: exact repeats and near-duplicates (a
 * paragraph whose word 4-grams are 80% inside another's), i.e. captions, summaries and pull
 * quotes that repeat the body. The copy with caption wording goes, else the shorter, else the
 * later. When many paragraphs repeat, repetition is the page's structure (a meal plan, a
 * schedule, a table) and only caption-worded copies go.
 */
function dropRepeats(blocks: Block[]): Block[] {
  const drop = new Set<number>();
  const captionDrops = new Set<number>();
  const keys = blocks.map((b) => key(b.text));
  const isCaption = blocks.map((b) => CAPTION_WORDS.test(b.text));
  const sets = blocks.map((b, i) => (b.kind !== 'heading' && wordCount(keys[i]!) >= MIN_REPEAT_WORDS ? shingles(b.text) : null));
  // Candidate pairs through an inverted index of shingles, so long articles stay linear-ish.
  const owners = new Map<string, number[]>();
  sets.forEach((set, i) =>
    set?.forEach((s) => {
      const list = owners.get(s);
      if (list) list.push(i);
      else owners.set(s, [i]);
    }),
  );
  for (let i = 0; i < blocks.length; i++) {
    const a = sets[i];
    if (!a || drop.has(i)) continue;
    const shared = new Map<number, number>();
    for (const s of a) for (const j of owners.get(s)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, count] of shared) {
      const b = sets[j]!;
      if (drop.has(j) || count < 0.8 * Math.min(a.size, b.size)) continue;
      const victim = isCaption[i] !== isCaption[j] ? (isCaption[i] ? i : j) : a.size < b.size ? i : j;
      drop.add(victim);
      if (isCaption[victim]) captionDrops.add(victim);
      if (victim === i) break;
    }
  }
  const structured = drop.size > Math.max(2, MAX_REPEAT_SHARE * blocks.length);
  const dropped = structured ? captionDrops : drop;
  return blocks.filter((_b, i) => !dropped.has(i));
}

/** The article's blocks without furniture, repeats removed; `title` (the headline) is not repeated in the body. */
export function cleanBlocks(blocks: readonly Block[], title = ''): Block[] {
  const titleKey = key(title);
  const kept = blocks.filter(
    (b) => !isFurnitureText(b) && !isLinkTeaser(b) && !isBareUrl(b) && !(b.kind === 'heading' && titleKey && key(b.text) === titleKey),
  );
  return dropRepeats(dropEchoCaptions(dropLinkRuns(kept)));
}
