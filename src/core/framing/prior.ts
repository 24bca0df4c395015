import { stem, tokenize } from '../text';
import { textGramKeys } from './ngrams';

/**
 * The word-count prior: archive-wide counts of words and phrases (stem keys, as in the
 * terms section), the background of the informative Dirichlet prior (Monroe, Colaresi &
 * Quinn 2008, §3.5).
 * Plain data, so the background worker can cache it beside the archive.
 */
export interface TermPrior {
  counts: Record<string, number>;
  /** Sum of all counts. */
  total: number;
  /** Number of articles counted. */
  docs: number;
}

/**
 * Counts the words and phrases of archived articles. Phrases seen once in the whole
 * archive are dropped when `minCount` > 1 to keep the table small for large archives.
 */
export function buildTermPrior(records: Iterable<{ title?: string; text: string }>, options: { minCount?: number } = {}): TermPrior {
  const counts = new Map<string, number>();
  let docs = 0;
  for (const r of records) {
    docs++;
    for (const k of recordKeys(r)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minCount = options.minCount ?? 1;
  const out: Record<string, number> = {};
  let total = 0;
  for (const [k, n] of counts) {
    if (n < minCount && k.includes(' ')) continue;
    out[k] = n;
    total += n;
  }
  return { counts: out, total, docs };
}

/** Stem keys of one record's title and text. */
function recordKeys(r: { title?: string; text: string }): string[] {
  // One pass over the whole text: phrases never span punctuation, so sentence ends
  // already separate them.
  const text = `${r.title ? r.title + '\n\n' : ''}${r.text}`;
  const toks = tokenize(text);
  return textGramKeys(
    toks,
    toks.map((t) => stem(t.lower)),
    text,
  );
}

/**
 * Adds (sign 1) or removes (sign -1) one archived record, so the archive's prior can
 * follow saves and deletes without a rebuild. Mutates and returns `prior`.
 */
export function updateTermPrior(prior: TermPrior, record: { title?: string; text: string }, sign: 1 | -1 = 1): TermPrior {
  for (const k of recordKeys(record)) {
    const n = (prior.counts[k] ?? 0) + sign;
    if (n > 0) prior.counts[k] = n;
    else delete prior.counts[k];
    prior.total += sign;
  }
  prior.docs += sign;
  return prior;
}
