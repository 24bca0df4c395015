import { splitSentences, stem, tokenize } from '../text';
import { textGramKeys } from './ngrams';

/**
 * Archive-wide counts of words and phrases (stem keys, as in the terms section): the
 * background of the informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, §3.5).
 * Plain data, so the background worker can cache it beside the archive.
 */
export interface TermBackground {
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
export function buildTermBackground(records: Iterable<{ title?: string; text: string }>, options: { minCount?: number } = {}): TermBackground {
  const counts = new Map<string, number>();
  let docs = 0;
  for (const r of records) {
    docs++;
    for (const s of splitSentences(`${r.title ? r.title + '\n\n' : ''}${r.text}`)) {
      const toks = tokenize(s.text);
      const keys = textGramKeys(toks, toks.map((t) => stem(t.lower)), s.text);
      for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
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
