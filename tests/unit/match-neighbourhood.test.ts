import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../src/core/match';
import { termOf } from '../../src/core/match/entries';
import { extractFeatures } from '../../src/core/match/features';
import { Neighbourhood, NeighbourhoodScratch } from '../../src/core/match/neighbourhood';
import { DEFAULT_WEIGHTS, combineScore } from '../../src/core/match/score';
import { ArticleStore } from '../../src/core/match/store';
import { PARTS, articleVector, cosines, encodeArticle } from '../../src/core/match/vectors';
import { Vocabulary } from '../../src/core/match/vocabulary';
import type { ArticleRecord } from '../../src/core/types';
import { byId, CBC, fixtureRecords, readRecords } from './support/match-helpers';

/** ECB+ topic 23: two climbing deaths on Mount Cook, years apart (see tests/fixtures/match/CREDITS.md). */
const topic23 = readRecords(new URL('../fixtures/match/ecb-topic23.ndjson', import.meta.url));

/** The records in a term table and article store, as MatchIndex.add puts them. */
function stored(records: readonly ArticleRecord[]): { vocab: Vocabulary; store: ArticleStore; logN1: number } {
  const vocab = new Vocabulary();
  const store = new ArticleStore();
  for (const r of records) {
    const f = extractFeatures(r);
    const entries = encodeArticle(f, vocab);
    for (const e of entries) vocab.df[termOf(e)]!++;
    store.append(r.id, entries, f.day, f.sketch);
  }
  return { vocab, store, logN1: Math.log(store.live + 1) };
}

describe('Neighbourhood (pairwise similarities of the first results)', () => {
  it('gives every pair exactly what scoring one article against the other by a merge walk gives', () => {
    const records = [...fixtureRecords(), ...topic23];
    const { vocab, store, logN1 } = stored(records);
    const slots = records.map((r) => store.slot(r.id)!).slice(0, 30);
    const hood = new Neighbourhood(slots, store, vocab, logN1, DEFAULT_WEIGHTS, new NeighbourhoodScratch());
    let positive = 0;
    slots.forEach((si, i) => {
      const v = articleVector(store.view(si), vocab, logN1);
      const has = Object.fromEntries(PARTS.map((p) => [p, v.norms[p] > 0])) as Record<(typeof PARTS)[number], boolean>;
      slots.forEach((sj, j) => {
        if (i === j) return expect(hood.sim(i, j)).toBe(0);
        const di = store.day(si);
        const dj = store.day(sj);
        const gap = di !== null && dj !== null ? Math.abs(di - dj) : null;
        const expected = combineScore(cosines(v, store.view(sj), vocab, logN1), has, gap, DEFAULT_WEIGHTS);
        expect(hood.sim(i, j)).toBeCloseTo(expected, 12);
        if (expected > 0) positive++;
      });
    });
    expect(positive).toBeGreaterThan(100);
  });

  it('leaves its scratch clean, so a second neighbourhood of other articles is exact too', () => {
    const scratch = new NeighbourhoodScratch();
    const { vocab, store, logN1 } = stored(topic23);
    const first = new Neighbourhood([0, 1, 2, 3], store, vocab, logN1, DEFAULT_WEIGHTS, scratch);
    new Neighbourhood([4, 5, 6], store, vocab, logN1, DEFAULT_WEIGHTS, scratch);
    const again = new Neighbourhood([0, 1, 2, 3], store, vocab, logN1, DEFAULT_WEIGHTS, scratch);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(again.sim(i, j)).toBe(first.sim(i, j));
    expect(scratch.head.every((h) => h === -1)).toBe(true);
  });
});

describe('contextual similarity', () => {
  /** Same-event reports among each query's first k results, k = the size of its event less one. */
  function rPrecisionHits(index: MatchIndex): number {
    let hits = 0;
    for (const q of topic23) {
      const k = topic23.filter((r) => r.story === q.story).length - 1;
      hits += index.search(q, { top: k }).filter((r) => byId(topic23, r.id).story === q.story).length;
    }
    return hits;
  }

  it('tells two events of one kind apart better than the same index without it', () => {
    const withContext = new MatchIndex();
    const without = new MatchIndex({ weights: { context: 0 } });
    for (const r of topic23) {
      withContext.add(r);
      without.add(r);
    }
    // Measured: 176 hits with it, 169 without (of 200 possible).
    expect(rPrecisionHits(withContext)).toBeGreaterThan(rPrecisionHits(without));
  });

  it('stays out when the first result is not clearly the same story (a sparse archive, the canonical pair)', () => {
    const records = fixtureRecords();
    const withContext = new MatchIndex();
    const without = new MatchIndex({ weights: { context: 0 } });
    for (const r of records) {
      withContext.add(r);
      without.add(r);
    }
    const a = withContext.search(byId(records, CBC), { top: 10 });
    expect(a[0]!.reasons.parts?.plain ?? 1).toBeLessThan(0.3);
    expect(a).toEqual(without.search(byId(records, CBC), { top: 10 }));
  });
});
