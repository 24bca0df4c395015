/**
 * The article extraction benchmark's metric (scrapinghub/article-extraction-benchmark,
 * evaluate.py): texts split into `\w+` tokens, word 4-gram shingles counted; per page,
 * true positives are the shingles in both (by count), false positives only in the
 * extraction, false negatives only in the truth, normalised to sum to 1 so long pages
 * weigh no more than short ones. Used by bench/extraction.ts and the fixture tests.
 */

export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

export interface ExtractionScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Python's `\w` on str: letters (L*), numbers (N*) and the underscore; combining marks are not word characters there. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingleCounts(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  // As evaluate.py: a text shorter than n tokens is one shingle of all its tokens.
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** Normalised TP/FP/FN of one page. */
export function shingleMatch(truth: string, predicted: string): ShingleMatch {
  const t = shingleCounts(truth);
  const p = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, pc] of p) {
    const tc = t.get(s) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [s, tc] of t) fn += Math.max(0, tc - (p.get(s) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Precision and recall as means over pages (pages with no predicted / no true shingles left out, as evaluate.py), F1 of the means. */
export function scorePages(matches: readonly ShingleMatch[]): ExtractionScores {
  const precision = mean(matches.filter((m) => m.tp + m.fp > 0).map(precisionOf));
  const recall = mean(matches.filter((m) => m.tp + m.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
