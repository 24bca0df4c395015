import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { MatchIndex, type MatchTuning } from '../src/core/match';
import { STOPWORDS } from '../src/core/text';
import type { ArticleRecord } from '../src/core/types';
import { plainWords } from './matching-data';

/** A matcher under test: built incrementally, asked for the top results of a query article. */
export interface MatchSystem {
  name: string;
  add(records: readonly ArticleRecord[]): void;
  /** Called after each batch of additions, timed as part of the build. */
  prepare(): void;
  /** Result groups best first (a group is one result plus the duplicates collapsed into it). */
  search(query: ArticleRecord, top: number): { ids: string[][]; flagged?: boolean[]; related?: boolean[] };
}

/** Framelens's MatchIndex, as the extension and the CLI use it. */
export class FramelensSystem implements MatchSystem {
  name = 'Framelens';
  index: MatchIndex;
  constructor(tuning: MatchTuning = {}) {
    this.index = new MatchIndex(tuning);
  }
  add(records: readonly ArticleRecord[]): void {
    for (const r of records) this.index.add(r);
  }
  prepare(): void {
    this.index.compact();
  }
  search(query: ArticleRecord, top: number) {
    const results = this.index.search(query, { top });
    return {
      ids: results.map((r) => [r.id, ...(r.duplicates ?? [])]),
      flagged: results.map((r) => r.sameStory === true),
      related: results.map((r) => r.related === true),
      plain: results.map((r) => r.reasons.parts?.plain ?? 0),
    };
  }
}

/**
 * The docs/DESIGN.md baseline: a plain log-TF·IDF cosine over title + body, no stemming,
 * scored exhaustively (every query term's postings), IDF and norms exact at query time.
 */
export class TfIdfSystem implements MatchSystem {
  name = 'TF-IDF cosine';
  private vocab = new Map<string, number>();
  private postingDocs: number[][] = [];
  private postingTf: number[][] = [];
  private ids: string[] = [];
  private norms = new Float64Array(0);
  private idf = new Float64Array(0);
  private acc = new Float64Array(0);

  add(records: readonly ArticleRecord[]): void {
    for (const r of records) {
      const doc = this.ids.length;
      this.ids.push(r.id);
      const tf = new Map<string, number>();
      for (const w of plainWords(`${r.title}\n${r.text}`)) tf.set(w, (tf.get(w) ?? 0) + 1);
      for (const [w, n] of tf) {
        let t = this.vocab.get(w);
        if (t === undefined) {
          t = this.postingDocs.length;
          this.vocab.set(w, t);
          this.postingDocs.push([]);
          this.postingTf.push([]);
        }
        this.postingDocs[t]!.push(doc);
        this.postingTf[t]!.push(1 + Math.log(n));
      }
    }
  }

  prepare(): void {
    const n = this.ids.length;
    this.idf = Float64Array.from(this.postingDocs, (docs) => Math.log((n + 1) / (docs.length + 1)) + 1);
    const sq = new Float64Array(n);
    this.postingDocs.forEach((docs, t) => {
      const idf = this.idf[t]!;
      const tfs = this.postingTf[t]!;
      for (let i = 0; i < docs.length; i++) sq[docs[i]!]! += (tfs[i]! * idf) ** 2;
    });
    this.norms = sq.map(Math.sqrt);
    this.acc = new Float64Array(n);
  }

  search(query: ArticleRecord, top: number) {
    const tf = new Map<string, number>();
    for (const w of plainWords(`${query.title}\n${query.text}`)) tf.set(w, (tf.get(w) ?? 0) + 1);
    const acc = this.acc;
    const touched: number[] = [];
    for (const [w, n] of tf) {
      const t = this.vocab.get(w);
      if (t === undefined) continue;
      const weight = (1 + Math.log(n)) * this.idf[t]! ** 2;
      const docs = this.postingDocs[t]!;
      const tfs = this.postingTf[t]!;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (acc[d] === 0) touched.push(d);
        acc[d]! += weight * tfs[i]!;
      }
    }
    const scored = touched.map((d) => {
      const s = acc[d]! / this.norms[d]!;
      acc[d] = 0;
      return { d, s };
    });
    scored.sort((a, b) => b.s - a.s || a.d - b.d);
    const ids: string[][] = [];
    for (const { d } of scored) {
      if (this.ids[d] === query.id) continue;
      ids.push([this.ids[d]!]);
      if (ids.length >= top) break;
    }
    return { ids };
  }
}

/** MiniSearch (BM25+), fields title and text, same stopwords, the whole article as an OR query. */
export class MiniSearchSystem implements MatchSystem {
  name = 'MiniSearch';
  private index = new MiniSearch<ArticleRecord>({
    fields: ['title', 'text'],
    idField: 'id',
    processTerm: (term) => {
      const t = term.toLowerCase();
      return t.length > 1 && !STOPWORDS.has(t) ? t : null;
    },
  });
  add(records: readonly ArticleRecord[]): void {
    this.index.addAll(records);
  }
  prepare(): void {}
  search(query: ArticleRecord, top: number) {
    const results = this.index.search(`${query.title}\n${query.text}`, { combineWith: 'OR' });
    return {
      ids: results
        .filter((r) => r.id !== query.id)
        .slice(0, top)
        .map((r) => [String(r.id)]),
    };
  }
}

/** FlexSearch's Index ("match" preset tokenizer: whole words), partial matches allowed (suggest). */
export class FlexSearchSystem implements MatchSystem {
  name = 'FlexSearch';
  private index = new Index({ tokenize: 'strict', resolution: 9 });
  private ids: string[] = [];
  add(records: readonly ArticleRecord[]): void {
    for (const r of records) {
      this.index.add(this.ids.length, `${r.title}\n${r.text}`);
      this.ids.push(r.id);
    }
  }
  prepare(): void {}
  search(query: ArticleRecord, top: number) {
    const found = this.index.search(`${query.title}\n${query.text}`, { limit: top + 1, suggest: true });
    return {
      ids: found
        .map((n) => this.ids[Number(n)]!)
        .filter((id) => id !== query.id)
        .slice(0, top)
        .map((id) => [id]),
    };
  }
}
