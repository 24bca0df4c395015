/**
 * Splits a sentence into plain and marked segments for the phrases to highlight, so the
 * page renders text as text (no HTML) with <mark> elements around the matches.
 */
export type MarkKind = 'term' | 'naming' | 'quote' | 'hedge';

export interface Mark {
  phrase: string;
  kind: MarkKind;
  /** Shown as the mark's tooltip / accessible description. */
  note: string;
}

export interface Segment {
  text: string;
  mark: Mark | null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds whole-word, case-insensitive occurrences of each phrase. Longer phrases win over
 * shorter ones they overlap (a naming variant "re-education camps" over the term "camps").
 */
export function highlight(text: string, marks: Mark[]): Segment[] {
  const spans: { start: number; end: number; mark: Mark }[] = [];
  const sorted = [...marks].filter((m) => m.phrase.trim()).sort((a, b) => b.phrase.length - a.phrase.length);
  for (const mark of sorted) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(mark.phrase)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (spans.some((s) => start < s.end && end > s.start)) continue;
      spans.push({ start, end, mark });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), mark: null });
    out.push({ text: text.slice(s.start, s.end), mark: s.mark });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: null });
  return out;
}
