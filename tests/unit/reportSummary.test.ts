import { describe, expect, it } from 'vitest';
import type { FramingReport } from '../../src/core/framing/types';
import { summarizePair, toneWord } from '../../src/ui/reportSummary';
import { formatDate, formatDateGap, formatScore, matchSimilarity } from '../../src/ui/format';

const report: FramingReport = {
  articles: [
    { id: 'a', title: 'A', outlet: 'Daily Mail', published: '2020-09-15', words: 100 },
    { id: 'b', title: 'B', outlet: 'CBC', published: null, words: 120 },
  ],
  terms: [
    { article: 'a', term: 'Uighur', z: 3.1, count: 4 },
    { article: 'a', term: 'hearsay', z: 2.2, count: 2 },
    { article: 'a', term: 'weak', z: -1, count: 1 },
    { article: 'b', term: 'Uyghur', z: 3.4, count: 5 },
  ],
  naming: [
    {
      concept: 'Uyghur',
      variants: [
        { article: 'a', form: 'Uighur', count: 4 },
        { article: 'b', form: 'Uyghur', count: 5 },
      ],
    },
    {
      concept: 'Xinjiang',
      variants: [
        { article: 'a', form: 'Xinjiang', count: 4 },
        { article: 'b', form: 'xinjiang', count: 5 },
      ],
    },
    { concept: 'EU', variants: [{ article: 'a', form: 'EU', count: 4 }] },
  ],
  voices: [
    { article: 'a', speaker: 'Wang Wenbin', quotes: 2, words: 30, verbs: ['said'], only: true },
    { article: 'b', speaker: 'Zhao Lijian', quotes: 1, words: 10, verbs: ['told'], only: true },
    { article: 'b', speaker: 'Xu Guixiang', quotes: 3, words: 40, verbs: ['said'], only: true },
  ],
  coverage: [
    { article: 'a', only: [{ index: 4, text: 'Ozil was invited.' }] },
    { article: 'b', only: [{ index: 7, text: 'Chong was sanctioned.' }] },
  ],
  tone: [{ article: 'a', score: -0.2, positive: 1, negative: 5 }],
  frames: [
    { article: 'a', frame: 'Political', score: 0.4, cues: ['summit'] },
    { article: 'a', frame: 'Morality', score: 0, cues: [] },
  ],
  hedging: [
    { article: 'b', kind: 'hedge', text: 'alleged', sentence: 2 },
    { article: 'b', kind: 'attribution', text: 'said', sentence: 2 },
  ],
};

describe('summarizePair', () => {
  const s = summarizePair(report, 'a', 'b');
  it('keeps only positive distinctive terms, strongest first, per side', () => {
    expect(s.terms.self.map((t) => t.term)).toEqual(['Uighur', 'hearsay']);
    expect(s.terms.other.map((t) => t.term)).toEqual(['Uyghur']);
  });
  it('keeps naming concepts where the sides differ, not case-only variants or one-sided ones', () => {
    expect(s.naming).toEqual([{ concept: 'Uyghur', self: ['Uighur'], other: ['Uyghur'] }]);
  });
  it('shows the strongest few naming differences and counts the rest for the full comparison', () => {
    const concept = (name: string, strength: number) => ({
      concept: name,
      strength,
      variants: [
        { article: 'a', form: `${name} here`, count: 1 },
        { article: 'b', form: `${name} there`, count: 1 },
      ],
    });
    const many = {
      ...report,
      naming: [concept('weak', 0.1), concept('strong', 0.9), concept('middle', 0.5), concept('fair', 0.4), concept('faint', 0.2)],
    };
    const m = summarizePair(many, 'a', 'b');
    expect(m.naming.map((n) => n.concept)).toEqual(['strong', 'middle', 'fair']);
    expect(m.namingMore).toBe(2);
    expect(s.namingMore).toBe(0);
  });
  it('orders voices: only-here first, then by quoted words', () => {
    expect(s.voices.other.map((v) => v.speaker)).toEqual(['Xu Guixiang', 'Zhao Lijian']);
  });
  it('takes only-in sentences, tone, frames and hedges per side', () => {
    expect(s.only).toEqual({ self: ['Ozil was invited.'], other: ['Chong was sanctioned.'] });
    expect(s.tone.self?.score).toBe(-0.2);
    expect(s.tone.other).toBeNull();
    expect(s.frames.self.map((f) => f.frame)).toEqual(['Political']);
    expect(s.hedges).toEqual({ self: 0, other: 1 });
  });
});

describe('format', () => {
  it('formats dates, unknown dates, gaps and scores', () => {
    expect(formatDate('2020-09-15', 'en-GB')).toBe('15 Sept 2020');
    expect(formatDate(null)).toBe('date unknown');
    expect(formatDate('not a date')).toBe('date unknown');
    expect(formatDateGap(0)).toBe('same day');
    expect(formatDateGap(-1)).toBe('1 day apart');
    expect(formatDateGap(null)).toBeNull();
    expect(formatScore(0.873)).toBe('87%');
    expect(formatScore(3)).toBe('100%');
    // The pair's own similarity is shown, not the ranking score (which rescoring lifts past 1).
    expect(matchSimilarity({ score: 1.4, reasons: { parts: { plain: 0.42 } } })).toBe(0.42);
    expect(matchSimilarity({ score: 0.3 })).toBe(0.3);
    expect(toneWord(-0.3)).toBe('negative');
    expect(toneWord(0)).toBe('neutral');
  });
});
