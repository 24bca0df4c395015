import { describe, expect, it } from 'vitest';
import { compareFraming } from '../../src/core/framing';
import { articleFromRecord } from '../../src/core/types';

const article = (id: string, title: string, text: string) => articleFromRecord({ id, url: null, title, outlet: id, published: null, text });

const a = article(
  'a',
  'Protesters beaten in crackdown',
  [
    'Dozens of protesters were detained and several were beaten in the capital on Friday.',
    'The alleged ringleaders were reportedly taken to a so-called "re-education" facility.',
    'Families said they feared for their loved ones and demanded justice from the courts.',
  ].join('\n\n'),
);
const b = article(
  'b',
  'Police restore calm after unrest',
  [
    'Dozens of people were detained by police in the capital on Friday after clashes.',
    'Officials praised the officers for restoring calm and said the city was safe again.',
    'Shops reopened and traders welcomed the return of customers and tourists.',
  ].join('\n\n'),
);
const r = compareFraming([a, b]);

describe('hedging and attribution', () => {
  const kinds = (id: string, kind: string) =>
    r.hedging!.filter((h) => h.article === id && h.kind === kind).map((h) => h.text.toLowerCase());

  it('finds hedges and scare quotes', () => {
    expect(kinds('a', 'hedge')).toEqual(expect.arrayContaining(['alleged', 'reportedly', 'so-called']));
    expect(kinds('a', 'scare-quote')).toEqual(['“re-education”']);
  });

  it('finds agentless passives but not passives that name the agent', () => {
    expect(kinds('a', 'agentless-passive')).toEqual(expect.arrayContaining(['were detained', 'were beaten']));
    expect(kinds('b', 'agentless-passive')).not.toContain('were detained');
  });
});

describe('tone, frames and headline', () => {
  it('scores the bleaker article lower, toward its entities too', () => {
    const tone = (id: string) => r.tone.find((t) => t.article === id)!;
    expect(tone('a').score).toBeLessThan(tone('b').score);
    expect(tone('a').negative).toBeGreaterThan(0);
    expect(tone('b').positive).toBeGreaterThan(0);
  });

  it('scores frame dimensions with the cue words found', () => {
    const crime = r.frames.find((f) => f.article === 'a' && f.frame === 'Crime and punishment')!;
    expect(crime.score).toBeGreaterThan(0);
    expect(crime.cues).toEqual(expect.arrayContaining(['detained']));
    expect(new Set(r.frames.map((f) => f.frame)).size).toBe(15);
  });

  it('shows what the headline stresses that the body does not', () => {
    const h = r.headline!.find((x) => x.article === 'a')!;
    expect(h.stressed).toEqual(expect.arrayContaining(['crackdown']));
    expect(r.headline!.find((x) => x.article === 'b')!.stressed).toEqual(expect.arrayContaining(['unrest']));
  });
});
