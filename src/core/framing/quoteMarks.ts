/**
 * Finds quoted spans in a paragraph: straight and curly double quotes, guillemets (« »
 * and the German » «), low-high „ “, TeX-style `` '', and single quotes (straight or
 * curly) told apart from apostrophes by what surrounds them. Single quotes nested inside
 * a double-quoted span belong to it. A quote still open at the end of a paragraph is kept
 * to the paragraph's end and marked `open` (news style continues it in the next one).
 */
export interface QuoteSpan {
  /** Offsets of the quoted words, without the marks, relative to the paragraph. */
  start: number;
  end: number;
  /** Offset just after the closing mark (or the paragraph end when open). */
  after: number;
  /** Offset of the opening mark. */
  before: number;
  open: boolean;
  single: boolean;
}

const DOUBLE = /``|''|[“”"«»„]/g;
const OPENERS = new Set(['“', '«', '„', '``']);
const CLOSERS = new Set(['”', '»', "''"]);

export function findQuoteSpans(para: string): QuoteSpan[] {
  const spans = doubleSpans(para);
  for (const s of singleSpans(para)) {
    if (!spans.some((d) => s.before >= d.before && s.before < d.after)) spans.push(s);
  }
  return spans.sort((a, b) => a.before - b.before);
}

function doubleSpans(para: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open: { at: number; len: number; mark: string } | null = null;
  for (const m of para.matchAll(DOUBLE)) {
    const mark = m[0];
    const at = m.index;
    if (mark === "''" && !para.includes('``')) continue; // two apostrophes, not a TeX quote
    if (!open) {
      if (OPENERS.has(mark) || mark === '"' || (mark === '»' && para.indexOf('«', at) > at)) open = { at, len: mark.length, mark };
      continue;
    }
    const closes =
      mark === '"' ? open.mark === '"' : CLOSERS.has(mark) || (mark === '“' && open.mark === '„') || (mark === '«' && open.mark === '»');
    if (closes) {
      out.push({ before: open.at, start: open.at + open.len, end: at, after: at + mark.length, open: false, single: false });
      open = null;
    } else if (OPENERS.has(mark)) {
      open = { at, len: mark.length, mark };
    }
  }
  if (
    open &&
    para
      .slice(open.at + open.len)
      .trim()
      .split(/\s+/).length >= 3
  ) {
    out.push({ before: open.at, start: open.at + open.len, end: para.length, after: para.length, open: true, single: false });
  }
  return out;
}

const SINGLE = /[‘’'‹›]/g;

function singleSpans(para: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open: number | null = null;
  for (const m of para.matchAll(SINGLE)) {
    const at = m.index;
    const prev = at > 0 ? para[at - 1]! : ' ';
    const next = at + 1 < para.length ? para[at + 1]! : ' ';
    const canOpen = m[0] !== '’' && m[0] !== '›' && /[\s([{—–\-“"]/.test(prev) && /[^\s]/.test(next);
    const canClose = m[0] !== '‘' && m[0] !== '‹' && /[^\s]/.test(prev) && !/[\p{L}\p{N}]/u.test(next);
    if (open === null) {
      if (canOpen) open = at;
    } else if (canClose) {
      out.push({ before: open, start: open + 1, end: at, after: at + 1, open: false, single: true });
      open = null;
    }
  }
  return out.filter((s) => /\p{L}/u.test(para.slice(s.start, s.end)));
}
