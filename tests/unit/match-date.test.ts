import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, MatchIndex } from '../../src/core/match';
import { dateFactor } from '../../src/core/match/score';
import type { ArticleRecord } from '../../src/core/types';

const w = DEFAULT_WEIGHTS;

describe('the date gap as evidence', () => {
  it('leaves a missing date neutral and moves a known one within ±λ', () => {
    expect(dateFactor(null, w)).toBe(1);
    expect(dateFactor(0, w)).toBeCloseTo(1 + w.dateLambda, 10);
    expect(dateFactor(w.dateScaleDays, w)).toBeCloseTo(1, 10);
    expect(dateFactor(100_000, w)).toBeGreaterThan(1 - w.dateLambda);
    expect(dateFactor(100_000, w)).toBeLessThan(1 - w.dateLambda + 0.001);
  });

  it('tells this week from last month, and still a follow-up from years away', () => {
    expect(dateFactor(1, w)).toBeGreaterThan(dateFactor(30, w) + 0.2);
    expect(dateFactor(40, w)).toBeGreaterThan(dateFactor(1000, w) + 0.01);
    for (let g = 0; g < 400; g++) expect(dateFactor(g + 1, w)).toBeLessThan(dateFactor(g, w));
  });
});

/** A report about two people; the copies below differ only in id and date. */
function report(id: string, published: string | null): ArticleRecord {
  return {
    id,
    url: null,
    title: 'Senator Alvarez and Governor Brennan sign the water compact',
    outlet: 'Test',
    published,
    lang: 'en',
    story: null,
    text: 'Senator Maria Alvarez and Governor Tom Brennan signed the water compact on Tuesday. Alvarez said Brennan had argued over the compact for a year. Officials in Northfield watched.',
  };
}

describe('the date in the ranking', () => {
  const query = report('query', '2018-04-18');
  const records = [
    report('a-year-later', '2019-04-18'),
    report('b-undated', null),
    report('c-next-day', '2018-04-19'),
    report('d-other', '2018-04-18'),
  ];
  records[3]!.text = 'Crews repaired the harbour wall after the storm.';
  records[3]!.title = 'Harbour wall repaired';

  it('ranks the same text a day apart above it undated, and undated above a year apart', () => {
    const index = new MatchIndex();
    for (const r of records) index.add(r);
    const [first] = index.search(query, { top: 3 });
    expect(first?.id).toBe('c-next-day');
    expect(first?.duplicates).toEqual(['b-undated', 'a-year-later']);
  });

  it('reads it in the first stage, so the few candidates are the ones close in time', () => {
    // One candidate among three identical texts: without the date, the tie would go by id.
    const index = new MatchIndex({ candidates: { candidates: 1 } });
    for (const r of records) index.add(r);
    expect(index.search(query, { top: 3 }).map((r) => r.id)).toEqual(['c-next-day']);
  });
});
