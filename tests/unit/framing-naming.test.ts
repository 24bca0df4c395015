import { describe, expect, it } from 'vitest';
import { compareFraming } from '../../src/core/framing';
import { sameName, skeleton } from '../../src/core/framing/spelling';
import { articleFromRecord } from '../../src/core/types';

const article = (id: string, text: string) => articleFromRecord({ id, url: null, title: '', outlet: id, published: null, text });

describe('spelling variants', () => {
  it('treats transliterations as one name and different words as different', () => {
    expect(sameName('Kiev', 'Kyiv')).toBe(true);
    expect(sameName('Uighurs', 'Uyghur')).toBe(true);
    expect(sameName('Kim Jong Un', 'Kim Jong-un')).toBe(true);
    expect(sameName('Korea', 'Korean')).toBe(false);
    expect(sameName('Austria', 'Australia')).toBe(false);
    expect(skeleton('Qaddafi')).toBe(skeleton('Gaddafi'));
  });

  it('groups Kiev (one article) and Kyiv (the other) as one concept', () => {
    const r = compareFraming([
      article('a', 'Troops advanced on Kiev overnight. The mayor of Kiev asked for help.'),
      article('b', 'Troops advanced on Kyiv overnight. Residents of Kyiv sheltered underground.'),
    ]);
    const n = r.naming.find((x) => x.kind === 'spelling');
    expect(n?.variants.map((v) => [v.article, v.form])).toEqual([
      ['a', 'Kiev'],
      ['b', 'Kyiv'],
    ]);
  });
});

describe('references, labels and swaps', () => {
  const a = article(
    'a',
    'North Korean dictator Kim Jong-un met envoys. The regime in Pyongyang said illegal immigrants were not welcome. Kim Jong-un laughed.',
  );
  const b = article(
    'b',
    'North Korean leader Kim Jong Un met envoys. Mr. Kim said the government of North Korea welcomed undocumented migrants. Mr. Kim smiled.',
  );
  const r = compareFraming([a, b]);

  it('shows how each article refers to the same person', () => {
    const kim = r.naming.find((n) => n.kind === 'reference' && /Kim/.test(n.concept))!;
    const forms = (id: string) => kim.variants.filter((v) => v.article === id).map((v) => v.form);
    expect(forms('a')).toContain('North Korean dictator');
    expect(forms('b')).toEqual(expect.arrayContaining(['North Korean leader', 'Mr. Kim']));
  });

  it('finds contested labels from the lexicon, with their source', () => {
    const immigrants = r.naming.find((n) => n.kind === 'label' && n.variants.some((v) => v.form === 'illegal immigrants'));
    expect(immigrants?.variants.some((v) => v.article === 'b' && v.form === 'undocumented migrants')).toBe(true);
    expect(immigrants?.source).toMatch(/Associated Press Stylebook/);
    const regime = r.naming.find((n) => n.kind === 'label' && n.variants.some((v) => v.form === 'regime'));
    expect(regime?.variants.some((v) => v.form === 'government')).toBe(true);
  });

  it('names the place both ways (Pyongyang / North Korea)', () => {
    const place = r.naming.find((n) => n.concept === 'North Korea');
    expect(place?.variants.map((v) => `${v.article}:${v.form}`)).toEqual(expect.arrayContaining(['a:Pyongyang', 'b:North Korea']));
  });

  it('finds a swap between aligned sentences when one side is a loaded word', () => {
    const s = compareFraming([
      article('a', 'The ageing strongman visited the flooded villages on Tuesday morning with aid.'),
      article('b', 'The ageing leader visited the flooded villages on Tuesday morning with aid.'),
    ]);
    expect(s.naming.find((n) => n.kind === 'alignment')?.concept).toBe('strongman / leader');
  });

  it('does not show two plain synonyms or one word inflected as a swap', () => {
    const s = compareFraming([
      article('a', 'The minister visited the flooded villages on Tuesday morning with aid. Engineers test the dam near the border town.'),
      article('b', 'The minister toured the flooded villages on Tuesday morning with aid. Engineers testing the dam near the border town.'),
    ]);
    expect(s.naming.filter((n) => n.kind === 'alignment')).toEqual([]);
  });
});

describe('judging modifiers and descriptions', () => {
  it('shows one outlet’s judging modifier against the others’ plain name for the thing', () => {
    const s = compareFraming([
      article('a', 'Officials discussed the salacious dossier on Monday. The salacious dossier was compiled by a former spy.'),
      article('b', 'Officials discussed the dossier on Monday. Lawyers said the dossier was compiled by a former spy.'),
    ]);
    const n = s.naming.find((x) => x.concept === 'dossier');
    expect(n?.kind).toBe('label');
    expect(n?.source).toMatch(/judging modifier/);
    expect(n?.variants.map((v) => `${v.article}:${v.form}`)).toEqual(expect.arrayContaining(['a:salacious dossier', 'b:dossier']));
  });

  it('does not show a modifier that is inside a quote, a classifying adjective, or one both outlets use', () => {
    const s = compareFraming([
      article('a', 'He called it "a salacious dossier" on Monday. The criminal investigation went on. The so-called deal collapsed.'),
      article('b', 'The dossier was discussed on Monday. The investigation went on. The so-called deal collapsed, and the deal was dead.'),
    ]);
    expect(s.naming.filter((x) => x.source?.includes('judging'))).toEqual([]);
  });

  it('keeps the words between modifier and head: "so-called working visit" is no plain "visit"', () => {
    const s = compareFraming([
      article('a', 'Trump began a so-called working visit to Britain. Protests followed.'),
      article('b', 'Trump began the visit to Britain. Protests met the visit in London.'),
    ]);
    expect(s.naming.filter((x) => x.source?.includes('judging'))).toEqual([]);
  });

  it('takes a description one person alone carries for that person in an article that never names them', () => {
    const s = compareFraming([
      article('a', 'Trump Jr. met Russian lawyer Natalia Veselnitskaya in June. Natalia Veselnitskaya denied it.'),
      article('b', 'Trump Jr. met a Russian lawyer in June. The Russian lawyer denied it.'),
    ]);
    const n = s.naming.find((x) => x.kind === 'reference' && x.concept === 'Natalia Veselnitskaya');
    expect(n?.variants.filter((v) => v.article === 'b').map((v) => v.form)).toEqual(['Russian lawyer']);
  });
});
