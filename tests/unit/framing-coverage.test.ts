import { describe, expect, it } from 'vitest';
import { compareFraming } from '../../src/core/framing';
import { findQuantities } from '../../src/core/framing/quantities';
import { articleFromRecord } from '../../src/core/types';

const article = (id: string, text: string) => articleFromRecord({ id, url: null, title: '', outlet: id, published: null, text });

describe('coverage', () => {
  const a = article(
    'a',
    [
      'The storm destroyed 12 homes in the coastal town of Brixham on Sunday night.',
      'Emergency crews evacuated residents from the harbour district before dawn.',
      'The mayor blamed years of underfunding for the collapse of the sea wall.',
    ].join('\n\n'),
  );
  const b = article(
    'b',
    [
      'A dozen homes were destroyed by the storm in the coastal town of Brixham on Sunday night.',
      'Emergency crews evacuated residents from the harbour district early on Monday.',
      'Insurers expect claims to exceed two million pounds across the county.',
    ].join('\n\n'),
  );
  const r = compareFraming([a, b]);
  const only = (id: string) => r.coverage.find((c) => c.article === id)!.only.map((o) => o.text);

  it('reports sentences with no counterpart as only in their article', () => {
    expect(only('a')).toEqual(['The mayor blamed years of underfunding for the collapse of the sea wall.']);
    expect(only('b')).toEqual(['Insurers expect claims to exceed two million pounds across the county.']);
  });

  it('aligns the sentences both report', () => {
    const aligned = r.coverage.find((c) => c.article === 'a')!.aligned!;
    expect(aligned.find((x) => x.index === 0)?.other).toEqual({ article: 'b', index: 0 });
  });

  it('flags the same quantity given differently ("12" / "a dozen")', () => {
    const q = r.coverage.find((c) => c.article === 'a')!.quantities!;
    expect(q).toEqual([{ index: 0, text: '12 homes', other: { article: 'b', index: 0, text: 'A dozen homes' } }]);
  });
});

describe('quantities', () => {
  it('reads hedged amounts and skips dates and years', () => {
    expect(findQuantities('Rights groups say over a million Uighurs are held.').map((q) => [q.text, q.value, q.qualifier])).toEqual([
      ['over a million Uighurs', 1e6, 'over'],
    ]);
    expect(findQuantities('The mass detention of nearly 1 million Uighur Muslims.').map((q) => q.value)).toEqual([1e6]);
    expect(findQuantities('On June 2, 2019 and in 2020 nothing was counted.')).toEqual([]);
  });
});
