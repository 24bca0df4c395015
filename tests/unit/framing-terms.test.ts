import { describe, expect, it } from 'vitest';
import { buildTermPrior, compareFraming, updateTermPrior } from '../../src/core/framing';
import { logOddsZ } from '../../src/core/framing/logodds';
import { articleFromRecord } from '../../src/core/types';

const article = (id: string, text: string, outlet = '') => articleFromRecord({ id, url: null, title: '', outlet, published: null, text });

describe('log-odds with an informative Dirichlet prior', () => {
  it('matches a hand-computed example', () => {
    // y_i = {a: 3, b: 1}, y_j = {a: 1, b: 3}, α_a = α_b = 1, α_0 = 2, n_i = n_j = 4:
    // δ_a = log(4 / (4 + 2 − 3 − 1)) − log(2 / (4 + 2 − 1 − 1)) = log 2 − log 0.5 = 2 log 2
    // σ² = 1/4 + 1/2 = 0.75, z = 2 log 2 / √0.75 ≈ 1.600754
    const scores = logOddsZ({
      focus: new Map([
        ['a', 3],
        ['b', 1],
      ]),
      rest: new Map([
        ['a', 1],
        ['b', 3],
      ]),
      prior: () => 1,
      alpha0: 2,
    });
    const a = scores.find((s) => s.key === 'a')!;
    const b = scores.find((s) => s.key === 'b')!;
    expect(a.delta).toBeCloseTo(2 * Math.log(2), 10);
    expect(a.z).toBeCloseTo((2 * Math.log(2)) / Math.sqrt(0.75), 10);
    expect(b.z).toBeCloseTo(-a.z, 10);
  });

  it('shrinks a rare difference more than a frequent one', () => {
    const small = logOddsZ({ focus: new Map([['x', 2]]), rest: new Map([['x', 1]]), prior: () => 1, alpha0: 10 })[0]!;
    const large = logOddsZ({ focus: new Map([['x', 20]]), rest: new Map([['x', 10]]), prior: () => 1, alpha0: 10 })[0]!;
    expect(large.z).toBeGreaterThan(small.z);
  });
});

describe('distinctive terms', () => {
  const a = article(
    'a',
    'The regime cracked down on protesters. The regime jailed protesters again. Rights groups condemned the crackdown on protesters. The Daily Planet reports the regime is isolated.',
    'Daily Planet',
  );
  const b = article(
    'b',
    'The government restored order after riots. The government said the riots were organised. Police arrested rioters after the riots. The government praised the police.',
    'Other News',
  );
  const report = compareFraming([a, b]);
  const terms = (id: string) => report.terms.filter((t) => t.article === id);

  it('gives each article its own words, shown as written, with counts and sentences', () => {
    expect(terms('a').map((t) => t.term)).toEqual(expect.arrayContaining(['regime', 'protesters']));
    expect(terms('b').map((t) => t.term)).toEqual(expect.arrayContaining(['government', 'riots']));
    const regime = terms('a').find((t) => t.term === 'regime')!;
    expect(regime.count).toBe(3);
    expect(regime.sentences).toEqual([0, 1, 3]);
    expect(regime.z).toBeGreaterThan(0);
  });

  it('leaves out the outlet name and stopwords', () => {
    expect(report.terms.some((t) => /planet/i.test(t.term))).toBe(false);
    expect(report.terms.some((t) => /^(the|after|on)$/i.test(t.term))).toBe(false);
  });

  it('finds phrases that do not start or end with a stopword', () => {
    const c = article('c', 'Forced labour camps were found. Forced labour is denied. Reports of forced labour grow.');
    const d = article('d', 'Officials deny everything. Officials visit the region. Officials praise the schools.');
    const r = compareFraming([c, d]);
    expect(r.terms.filter((t) => t.article === 'c').map((t) => t.term)).toContain('Forced labour');
    expect(r.terms.every((t) => !/^(of|the)\b|\b(of|the)$/i.test(t.term))).toBe(true);
  });

  it('uses an archive background as the prior when given', () => {
    const background = buildTermPrior([
      { text: 'The regime and the government. Protesters and riots.' },
      { title: 'Government', text: 'The government spoke.' },
    ]);
    expect(background.docs).toBe(2);
    expect(background.counts['govern']).toBe(3);
    expect(background.total).toBeGreaterThan(0);
    const added = updateTermPrior(structuredClone(background), { text: 'The government again.' });
    expect(added.counts['govern']).toBe(4);
    expect(added.docs).toBe(3);
    expect(updateTermPrior(added, { text: 'The government again.' }, -1)).toEqual(background);
    const withArchive = compareFraming([a, b], { background });
    expect(withArchive.terms.filter((t) => t.article === 'a').map((t) => t.term)).toContain('regime');
  });
});
