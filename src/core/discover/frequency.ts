/** Word frequencies of other articles, for how distinctive a query term is. */
import { foldKey } from '../match/entities';
import type { ArticleRecord } from '../types';

/** How rare a term is in other articles: 1 for unseen, towards 0 for a term in every one. */
export interface DocFrequency {
  rarity(key: string): number;
  /** Whether other articles write the word in lower case too (an ordinary word, as "house" of "White House"; never "comey"). */
  lowercase(word: string): boolean;
}

export const NO_CONTEXT: DocFrequency = { rarity: () => 1, lowercase: () => false };

/**
 * Document frequencies from other articles (the archive's, or the bundled sample), so a name
 * in every other report of the year ("Donald Trump") counts for less than one that is not.
 * Keys are matched as whole words of the folded texts.
 */
export class ContextFrequency implements DocFrequency {
  private texts: string[];
  private raw: string[];
  private cache = new Map<string, number>();

  constructor(records: readonly Pick<ArticleRecord, 'title' | 'text'>[]) {
    this.texts = records.map((r) => ` ${foldKey(`${r.title} ${r.text}`).replace(/[^\p{L}\p{N}]+/gu, ' ')} `);
    this.raw = records.map((r) => ` ${r.text.replace(/[^\p{L}\p{N}]+/gu, ' ')} `);
  }

  lowercase(word: string): boolean {
    const needle = ` ${word.toLowerCase()} `;
    let n = 0;
    for (const t of this.raw) if (t.includes(needle) && ++n >= 2) return true;
    return false;
  }

  rarity(key: string): number {
    let r = this.cache.get(key);
    if (r === undefined) {
      const needle = ` ${key.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
      let df = 0;
      for (const t of this.texts) if (t.includes(needle)) df++;
      const n = this.texts.length;
      r = n ? Math.log((n + 2) / (df + 1)) / Math.log(n + 2) : 1;
      this.cache.set(key, r);
    }
    return r;
  }
}
