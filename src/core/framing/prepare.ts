import type { Article } from '../types';
import { splitSentences, stem, tokenize, type Sentence, type Token } from '../text';

/** Why a sentence is left out of the analyses (it stays in `report.sentences`). */
export type SkipReason = 'boilerplate' | 'caption' | 'duplicate' | 'title';

/** One article, split and tokenised once for every section of the report. */
export interface PreparedArticle {
  id: string;
  article: Article;
  sentences: Sentence[];
  /** Tokens of each sentence; offsets are relative to the article text. */
  tokens: Token[][];
  /** Stems of each sentence's tokens (same length as `tokens[i]`). */
  stems: string[][];
  /** Set when a sentence is page furniture, a photo caption or a repeat of an earlier sentence. */
  skip: (SkipReason | null)[];
  /** Lower-cased words of the outlet's own name, never shown as distinctive. */
  outletWords: Set<string>;
}

// Page furniture that survives extraction: comment policies, video boxes, credits, sign-ups.
const BOILERPLATE = [
  /\bcomments?\b.*\b(moderated|policy|guidelines|open|close)\b/i,
  /\b(submitting|submission) (a comment|to)\b/i,
  /\bpseudonyms\b/i,
  /^(join the conversation|create account|already have an account|become a .{1,30} member|sign up|subscribe)\b/i,
  /^watch\s*\|/i,
  /^duration \d/i,
  /^\d+ (years?|months?|days?|hours?) ago\b/i,
  /\bduration \d+:\d\d\b/i,
  /\b(does not endorse|reserve the right)\b.*\bcomments?\b/i,
  /^with files from\b/i,
  /^(click|tap) here\b/i,
  /^(share|follow us|read more|related)\b.{0,40}$/i,
  /\b(all rights reserved|copyright ©)/i,
  /^watch .{0,80}\b(on|at) \d{1,2}(:\d\d)? ?[ap]\.m\./i,
];

// Photo captions, as tabloids print them between paragraphs.
const CAPTION =
  /\((pictured|file photo|pictured [^)]*)\)|\b(is|are) pictured\b|^(this|the) (file )?(photo|picture|image)\b|\b(this|the) (file )?(photo|picture|image) (taken|shows|reportedly shows)\b|\((\w[\w .'’-]*\/)+\w[\w .'’-]*\)\s*$/i;

export function prepareArticle(article: Article): PreparedArticle {
  const sentences = splitSentences(article.text);
  const tokens: Token[][] = [];
  const stems: string[][] = [];
  const skip: (SkipReason | null)[] = [];
  const seen: { set: Set<string>; paragraph: number }[] = [];
  const sets: Set<string>[] = [];
  for (const s of sentences) {
    const toks = tokenize(s.text).map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start }));
    const st = toks.map((t) => stem(t.lower));
    tokens.push(toks);
    stems.push(st);
    const reason = classify(s.text, st, seen, s.paragraph);
    sets.push(new Set(st.filter((x) => x.length > 2)));
    // A pull quote (a paragraph of only a quote) printed ahead of the attributed paragraph it
    // repeats is the furniture; the attributed one is kept.
    const first = reason === 'duplicate' ? pullQuoteRepeated(sentences, s, sets, skip) : -1;
    if (first >= 0) skip[first] = 'duplicate';
    skip.push(first >= 0 ? null : reason);
  }
  return { id: article.id, article, sentences, tokens, stems, skip, outletWords: outletWordsOf(article.outlet) };
}

function classify(text: string, stems: string[], seen: { set: Set<string>; paragraph: number }[], paragraph: number): SkipReason | null {
  if (BOILERPLATE.some((re) => re.test(text))) return 'boilerplate';
  if (CAPTION.test(text)) return 'caption';
  const set = new Set(stems.filter((s) => s.length > 2));
  if (
    set.size >= 4 &&
    // A repeat within one paragraph is rhetoric ("We are still in search … We will always be in search …"), not a reprint.
    seen.some(
      ({ set: prev, paragraph: at }) =>
        at !== paragraph &&
        prev.size >= 4 &&
        Math.min(prev.size, set.size) >= 0.5 * Math.max(prev.size, set.size) &&
        overlap(set, prev) >= 0.8,
    )
  )
    return 'duplicate';
  seen.push({ set, paragraph });
  return null;
}

/** An earlier paragraph made of one quote that this longer sentence repeats (a pull quote), else -1. */
function pullQuoteRepeated(sentences: Sentence[], s: Sentence, sets: Set<string>[], skip: (SkipReason | null)[]): number {
  const set = sets[s.index]!;
  for (let j = 0; j < s.index; j++) {
    const prev = sentences[j]!;
    if (skip[j] || sets[j]!.size >= set.size || !/^\s*["“]/.test(prev.text)) continue;
    if (sentences[j - 1]?.paragraph === prev.paragraph || sentences[j + 1]?.paragraph === prev.paragraph) continue;
    if (overlap(set, sets[j]!) >= 0.8) return j;
  }
  return -1;
}

/** Share of the smaller set found in the larger: repeats and truncated repeats both score high. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n / Math.max(1, small.size);
}

function outletWordsOf(outlet: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(outlet)) {
    if (t.lower.length > 1 && !['news', 'the', 'times', 'post', 'today'].includes(t.lower)) out.add(t.lower);
  }
  return out;
}

/** Indexes of the sentences every section analyses. */
export function usableSentences(p: PreparedArticle): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.sentences.length; i++) if (!p.skip[i]) out.push(i);
  return out;
}
