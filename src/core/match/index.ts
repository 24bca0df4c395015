import type { ArticleTokens } from '../text';
import type { ArticleRecord, MatchResult } from '../types';
import { CandidateFinder, DEFAULT_CANDIDATE_OPTIONS, type CandidateOptions } from './candidates';
import { MAX_TERMS, termOf } from './entries';
import { extractFeatures } from './features';
import { Postings } from './postings';
import { applyLocalIdf, rescoreNeighbourhood, type Scored } from './feedback';
import { NeighbourhoodScratch } from './neighbourhood';
import { explainMatch } from './reasons';
import { DEFAULT_WEIGHTS, RELATED_THRESHOLD, SAME_STORY_THRESHOLD, combineScore, dateSimilarity, type ScoreWeights } from './score';
import { SKETCH_SIZE, resemblance } from './sketch';
import { checkSnapshot, readSnapshot, writeSnapshot, type MatchIndexSnapshot } from './snapshot';
import { ArticleStore } from './store';
import { PARTS, STORED_TERMS, buildQuery, cosines, encodeArticle, type PartValues } from './vectors';
import { Vocabulary } from './vocabulary';

export type { MatchIndexSnapshot } from './snapshot';
export { isSameArticle, canonicalUrl } from './sameArticle';
export { DEFAULT_WEIGHTS, RELATED_THRESHOLD, SAME_STORY_THRESHOLD, type ScoreWeights } from './score';
export { DEFAULT_CANDIDATE_OPTIONS, type CandidateOptions } from './candidates';

export interface SearchOptions {
  /** How many results, after near-duplicates are collapsed (default 10). */
  top?: number;
  /** Ids never to return (the query's own id is always excluded). */
  excludeIds?: Iterable<string>;
  /**
   * False: leave articles added since the last compaction in the tail that queries scan,
   * instead of folding them into the postings first (searches during a bulk add, which
   * would otherwise rebuild the postings at each query). Default true.
   */
  fold?: boolean;
}

/** Tuning knobs for benchmarks; the defaults are what the extension uses. */
export interface MatchTuning {
  weights?: Partial<ScoreWeights>;
  candidates?: Partial<CandidateOptions>;
  sameStoryThreshold?: number;
  relatedThreshold?: number;
  /** Terms an article keeps in the index (read when it is added; default STORED_TERMS). */
  storedTerms?: number;
}

/** Estimated shingle resemblance at which two results are copies of one text (syndication). */
export const DUPLICATE_RESEMBLANCE = 0.6;

/**
 * Same-story matching over an archive: an inverted index with incremental add and remove,
 * queried in stages: probe the postings of the query's most informative terms
 * (candidates.ts), rerank the best candidates with per-part cosines of title, lead, body,
 * entities and numbers and the date Gaussian (vectors.ts, score.ts), rescore the
 * neighbourhood to tell the query's event from another event of the same kind (feedback.ts:
 * local IDF, then the pairwise similarities of the first results from neighbourhood.ts,
 * read by the contextual similarity and the feedback), then collapse syndicated copies and
 * explain each result (reasons.ts).
 * See docs/DESIGN.md's quality bars and bench/matching.ts for how well it does.
 */
export class MatchIndex {
  private vocab = new Vocabulary();
  private store = new ArticleStore();
  private postings: Postings | null = null;
  private finder = new CandidateFinder();
  private scratch = new NeighbourhoodScratch();
  private weights: ScoreWeights = { ...DEFAULT_WEIGHTS };
  private candidateOptions: CandidateOptions = { ...DEFAULT_CANDIDATE_OPTIONS };
  private sameStoryThreshold = SAME_STORY_THRESHOLD;
  private relatedThreshold = RELATED_THRESHOLD;
  private storedTerms = STORED_TERMS;

  constructor(tuning: MatchTuning = {}) {
    this.tune(tuning);
  }

  /** Changes the scoring knobs (benchmarks tune with it; results change, the index does not). */
  tune(tuning: MatchTuning): void {
    Object.assign(this.weights, tuning.weights);
    Object.assign(this.candidateOptions, tuning.candidates);
    if (tuning.sameStoryThreshold !== undefined) this.sameStoryThreshold = tuning.sameStoryThreshold;
    if (tuning.relatedThreshold !== undefined) this.relatedThreshold = tuning.relatedThreshold;
    if (tuning.storedTerms !== undefined) this.storedTerms = tuning.storedTerms;
  }

  get size(): number {
    return this.store.live;
  }

  has(id: string): boolean {
    return this.store.slot(id) !== undefined;
  }

  /**
   * Adds a record, replacing any article with the same id. Never reads `story`. `tokens`:
   * the record already tokenised (tokenizeArticle), when the archive catalog reads it too.
   */
  add(r: ArticleRecord, tokens?: ArticleTokens): void {
    this.remove(r.id);
    const f = extractFeatures(r, tokens, false);
    const entries = encodeArticle(f, this.vocab, this.storedTerms);
    for (const e of entries) this.vocab.df[termOf(e)]!++;
    this.store.append(r.id, entries, f.day, f.sketch);
  }

  remove(id: string): void {
    const slot = this.store.slot(id);
    if (slot === undefined) return;
    for (const e of this.store.view(slot)) this.vocab.df[termOf(e)]!--;
    this.store.free(slot);
  }

  /**
   * Folds recent additions into the postings and drops removed articles now. Queries do
   * this by themselves when the unindexed tail or the holes grow large; call it after a
   * bulk import so the first query does not pay for it.
   */
  compact(): void {
    this.store = this.store.compacted();
    this.vocab.trim();
    this.postings = Postings.build(this.store, this.vocab.count);
  }

  private maintain(fold: boolean): void {
    if (!fold && this.postings) return;
    const live = this.store.live;
    const tail = this.postings ? this.store.slots - this.postings.slotCount : this.store.slots;
    const holes = this.store.slots - live;
    if (!this.postings || tail > Math.max(512, live / 16) || holes > Math.max(64, live / 8)) this.compact();
  }

  search(query: ArticleRecord, opts: SearchOptions = {}): MatchResult[] {
    const top = Math.max(0, Math.floor(opts.top ?? 10));
    if (top === 0 || this.store.live === 0) return [];
    this.maintain(opts.fold ?? true);
    const postings = this.postings!;
    const store = this.store;
    const excluded = new Set<number>();
    for (const id of [query.id, ...(opts.excludeIds ?? [])]) {
      const slot = store.slot(id);
      if (slot !== undefined) excluded.add(slot);
    }
    const logN1 = Math.log(store.live + 1);
    const features = extractFeatures(query);
    const q = buildQuery(features, this.vocab, logN1);
    const queryHas = Object.fromEntries(PARTS.map((p) => [p, q.norms[p] > 0])) as Record<keyof PartValues, boolean>;
    const slots = this.finder.find(q, store, postings, this.vocab, logN1, excluded, this.candidateOptions, {
      day: features.day,
      weights: this.weights,
    });

    const all: Scored[] = slots.map((slot) => {
      const parts = cosines(q, store.view(slot), this.vocab, logN1);
      const day = store.day(slot);
      const gap = features.day !== null && day !== null ? Math.abs(features.day - day) : null;
      const score = combineScore(parts, queryHas, gap, this.weights);
      return { slot, id: store.ids[slot]!, parts, gap, score, base: score };
    });
    // Articles sharing nothing with the query are never related, whatever rescoring adds.
    const scored = all.filter((r) => r.score > 0);
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    applyLocalIdf(q, queryHas, scored, store, this.vocab, logN1, this.weights, top + 20);
    for (const r of scored) r.event = r.score;
    rescoreNeighbourhood(scored, store, this.vocab, logN1, this.weights, this.scratch);

    const kept: (Scored & { duplicates: string[] })[] = [];
    for (const r of scored) {
      const original = kept.find(
        (k) => resemblance(store.sketches, k.slot * SKETCH_SIZE, store.sketches, r.slot * SKETCH_SIZE) >= DUPLICATE_RESEMBLANCE,
      );
      if (original) original.duplicates.push(r.id);
      else if (kept.length < top) kept.push({ ...r, duplicates: [] });
    }
    return kept.map((r) => {
      // `plain`: the combined score against the query alone, before neighbourhood rescoring.
      const parts: PartValues & { date?: number; plain?: number; event?: number } = { ...r.parts, plain: r.base, event: r.event ?? r.base };
      if (r.gap !== null) parts.date = dateSimilarity(r.gap, this.weights);
      const result: MatchResult = {
        id: r.id,
        score: Math.round(r.score * 10000) / 10000,
        sameStory: r.base >= this.sameStoryThreshold,
        related: r.base >= this.relatedThreshold,
        reasons: explainMatch(q, features, store.view(r.slot), this.vocab, logN1, r.gap, parts),
      };
      if (r.duplicates.length) result.duplicates = r.duplicates;
      return result;
    });
  }

  /** A structured-cloneable snapshot of the live articles (see snapshot.ts). */
  toJSON(): MatchIndexSnapshot {
    return writeSnapshot(this.store, this.vocab);
  }

  /** Restores a snapshot; throws a TypeError when it is not one this version reads. */
  static fromJSON(snapshot: MatchIndexSnapshot, tuning: MatchTuning = {}): MatchIndex {
    const snap = checkSnapshot(snapshot);
    if (snap.termStarts.length - 1 > MAX_TERMS) throw new TypeError('not a match index snapshot: too many terms');
    const index = new MatchIndex(tuning);
    index.vocab = Vocabulary.restore(snap.termChars, snap.termStarts, snap.df);
    index.store = readSnapshot(snap);
    index.postings = new Postings(snap.postingOffsets.slice(), snap.postingBytes.slice(), index.store.slots);
    return index;
  }
}
