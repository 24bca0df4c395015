/**
 * Cleanup of Readability's output: furniture it keeps (captions, credits, share bars,
 * newsletter boxes, related-link lists, author bios, ad labels, comment counts, body
 * timestamps, repeated paragraphs) is removed; subheadings, lists, block quotes and pull
 * quotes stay, once. Each rule is tuned on bench/extraction.ts and kept only if it helps there.
 */
import { CAPTION_WORDS, FURNITURE_CLASS, FURNITURE_TEXT, PHOTO_CREDIT } from './boilerplate';
import type { Block, SkipTest } from './text';

/** An element holding more than this share of the article's text is never dropped as furniture. */
const MAX_FURNITURE_SHARE = 0.25;

function ownWords(el: Element): string {
  return `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`.toLowerCase();
}

/**
 * The DOM-level test: skip elements whose own class or id names furniture, and figure
 * captions, unless the element carries a large share of the article (a site that names its
 * article wrapper "story-share-container" must not lose the article).
 */
export function furnitureSkip(contentChars: number): SkipTest {
  return (el) => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'FIGCAPTION') return true;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
    const words = ownWords(el).trim();
    if (!words || !FURNITURE_CLASS.some((re) => re.test(words))) return false;
    const chars = (el.textContent ?? '').length;
    return chars < MAX_FURNITURE_SHARE * contentChars;
  };
}

function wordCount(s: string): number {
  return s.split(' ').length;
}

/** Paragraphs shorter than this may repeat: only longer repeats are copies. */
const MIN_REPEAT_WORDS = 8;

/** A comparison key: letters and digits only, lower-cased. */
function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function isFurnitureText(b: Block): boolean {
  const words = wordCount(b.text);
  if (words <= 25 && FURNITURE_TEXT.some((re) => re.test(b.text))) return true;
  if (b.kind === 'caption') return true;
  // A caption that made it into a paragraph: a short text ending in a photo credit.
  if (words <= 60 && PHOTO_CREDIT.test(b.text)) return true;
  return false;
}

/** "Read more: <headline>", "Related: <headline>": a pointer to another article, mostly link text. */
const LINK_PREFIX = /^(?:read more|read also|also read|related|related article|related story|see also|more|recommended|watch|listen|click here|previously|further reading|more on this)\s*(?:[:|»>-]|\.{3}|…)/i;

function isLinkTeaser(b: Block): boolean {
  if (b.kind === 'pre' || b.kind === 'quote') return false;
  return b.linkChars / b.text.length > 0.5 && LINK_PREFIX.test(b.text);
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

/**
 * Drops repeated paragraphs, keeping one copy. Near-duplicates count too: a caption that
 * repeats a body sentence and adds a picture description (a habit of tabloid sites) is the
 * copy to drop whichever comes first; otherwise the later copy goes.
 */
function dropRepeats(blocks: Block[]): Block[] {
  const keep = blocks.map(() => true);
  const keys = blocks.map((b) => key(b.text));
  const seen = new Map<string, number>();
  keys.forEach((k, i) => {
    // Short lines repeat legitimately (table cells, recipe steps, "Eat every 2-3 hours").
    if (!k || wordCount(k) < MIN_REPEAT_WORDS) return;
    if (seen.has(k) && blocks[i]!.kind !== 'heading') keep[i] = false;
    else seen.set(k, i);
  });
  const sets = blocks.map((b, i) => (keep[i] && wordCount(b.text) >= 12 ? shingles(b.text) : null));
  // Candidate pairs through an inverted index of shingles, so long articles stay linear-ish.
  const owners = new Map<string, number[]>();
  sets.forEach((set, i) => set?.forEach((s) => {
    const list = owners.get(s);
    if (list) list.push(i);
    else owners.set(s, [i]);
  }));
  for (let i = 0; i < blocks.length; i++) {
    const a = sets[i];
    if (!a || !keep[i]) continue;
    const shared = new Map<number, number>();
    for (const s of a) for (const j of owners.get(s)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, count] of shared) {
      const b = sets[j]!;
      if (!keep[j] || count < 0.8 * Math.min(a.size, b.size)) continue;
      if (CAPTION_WORDS.test(blocks[i]!.text) && !CAPTION_WORDS.test(blocks[j]!.text)) {
        keep[i] = false;
        break;
      }
      keep[j] = false;
    }
  }
  return blocks.filter((_b, i) => keep[i]);
}

/** The article's blocks without furniture, repeats removed. */
export function cleanBlocks(blocks: readonly Block[]): Block[] {
  const kept = blocks.filter((b) => !isFurnitureText(b) && !isLinkTeaser(b));
  return dropRepeats(dropEchoCaptions(kept));
}
