import { describe, expect, it } from 'vitest';
import type { FramingReport } from '../../src/core/framing/types';
import { evidenceByArticle, parseCompareQuery } from '../../src/compare/evidence';

describe('evidenceByArticle', () => {
  const report: FramingReport = {
    articles: [
      { id: 'a', title: '', outlet: 'A', published: null, words: 1 },
      { id: 'b', title: '', outlet: 'B', published: null, words: 1 },
    ],
    terms: [
      { article: 'a', term: 'hearsay', z: 2, count: 1 },
      { article: 'b', term: 'weak', z: -2, count: 1 },
    ],
    naming: [
      {
        concept: 'Uyghur',
        variants: [
          { article: 'a', form: 'Uighur', count: 1 },
          { article: 'b', form: 'Uyghur', count: 2 },
        ],
      },
    ],
    voices: [{ article: 'b', speaker: 'Zhao Lijian', quotes: 1, words: 5, verbs: ['said'], sentences: [3] }],
    coverage: [{ article: 'a', only: [{ index: 2, text: 'x' }] }],
    tone: [],
    frames: [],
  };
  const ev = evidenceByArticle(report);
  it('marks positive terms and naming variants with what the others say', () => {
    expect(ev.get('a')?.marks.map((m) => m.phrase)).toEqual(['hearsay', 'Uighur']);
    expect(ev.get('b')?.marks.find((m) => m.kind === 'naming')?.note).toBe('Uyghur: others say Uighur');
    expect(ev.get('b')?.marks.some((m) => m.phrase === 'weak')).toBe(false);
  });
  it('indexes only-in sentences and quoted speakers by sentence', () => {
    expect([...(ev.get('a')?.only.keys() ?? [])]).toEqual([2]);
    expect(ev.get('b')?.quoted.get(3)).toEqual(['Zhao Lijian']);
  });
});

describe('parseCompareQuery', () => {
  it('reads a tab or an archived article, and the ids to compare with', () => {
    expect(parseCompareQuery('?tab=12&ids=a,b')).toEqual({ tabId: 12, ids: ['a', 'b'] });
    expect(parseCompareQuery('?self=x&ids=a')).toEqual({ self: 'x', ids: ['a'] });
    expect(parseCompareQuery('?tab=abc&ids=a')).toBeNull();
    expect(parseCompareQuery('?tab=1')).toBeNull();
  });
});
