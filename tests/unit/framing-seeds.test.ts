import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFraming, warmUpFraming } from '../../src/core/framing';
import { parseRecords } from '../../src/core/records';
import { articleFromRecord } from '../../src/core/types';

const dir = join(__dirname, '../fixtures/seeds');
const parsed = parseRecords(readFileSync(join(dir, 'seeds.ndjson'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.reason);
const [dailyMail, cbc] = ['seed:000', 'seed:002'].map((prefix) => articleFromRecord(parsed.records.find((r) => r.id.startsWith(prefix))!));
const report = compareFraming([dailyMail!, cbc!]);

describe('compareFraming on the canonical pair', () => {
  it('has the fields docs/DESIGN.md promises, each entry naming its article, and survives JSON', () => {
    const ids = new Set(report.articles.map((a) => a.id));
    for (const a of report.articles)
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'title', 'outlet', 'published', 'words']));
    for (const t of report.terms)
      expect(t).toEqual(
        expect.objectContaining({
          article: expect.any(String),
          term: expect.any(String),
          z: expect.any(Number),
          count: expect.any(Number),
        }),
      );
    for (const n of report.naming) for (const v of n.variants) expect(ids.has(v.article)).toBe(true);
    for (const v of report.voices)
      expect(v).toEqual(
        expect.objectContaining({
          speaker: expect.any(String),
          quotes: expect.any(Number),
          words: expect.any(Number),
          verbs: expect.any(Array),
        }),
      );
    for (const section of [report.terms, report.voices, report.coverage, report.tone, report.frames, report.hedging!, report.headline!]) {
      for (const e of section) expect(ids.has(e.article)).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('warms up without touching later reports', () => {
    warmUpFraming();
    expect(compareFraming([dailyMail!, cbc!])).toEqual(report);
  });

  it('keeps entries apart when two articles share an id', () => {
    const twice = compareFraming([
      { ...dailyMail!, id: 'x' },
      { ...cbc!, id: 'x' },
    ]);
    expect(twice.articles.map((a) => a.id)).toEqual(['x', 'x#2']);
    expect(twice.voices.find((v) => v.speaker === 'Zhao Lijian')?.article).toBe('x#2');
  });

  it('lists both articles with their ids and sentences', () => {
    expect(report.articles.map((a) => a.id)).toEqual([dailyMail!.id, cbc!.id]);
    expect(report.sentences?.[dailyMail!.id]?.length).toBeGreaterThan(20);
  });

  it('groups Uighur (Daily Mail) and Uyghur (CBC) as one naming concept', () => {
    const concept = report.naming.find((n) => n.kind === 'spelling' && n.variants.some((v) => v.form === 'Uighur'));
    expect(concept).toBeDefined();
    expect(concept!.variants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ article: dailyMail!.id, form: 'Uighur' }),
        expect.objectContaining({ article: cbc!.id, form: 'Uyghur' }),
      ]),
    );
  });

  it('does not take two different people for spellings of one name (Charles Michel / Michael Chong)', () => {
    expect(report.naming.some((n) => n.variants.some((v) => v.form === 'Michel'))).toBe(false);
  });

  it('finds the camps versus vocational training centres labels with a source', () => {
    const camps = report.naming.find((n) => n.kind === 'label' && n.variants.some((v) => v.form.includes('vocational training')));
    expect(camps?.variants.some((v) => v.form.includes('re-education camp'))).toBe(true);
    expect(camps?.source).toMatch(/Zenz/);
  });

  it('has Wang Wenbin quoted by the Daily Mail, Zhao Lijian and Xu Guixiang by CBC, each only there', () => {
    const voice = (article: string, speaker: string) => report.voices.find((v) => v.article === article && v.speaker === speaker);
    const wang = voice(dailyMail!.id, 'Wang Wenbin');
    expect(wang?.only).toBe(true);
    expect(wang?.verbs).toEqual(expect.arrayContaining(['told', 'added']));
    expect(wang?.role).toMatch(/spokesman from China's foreign ministry/);
    expect(voice(cbc!.id, 'Zhao Lijian')?.only).toBe(true);
    expect(voice(cbc!.id, 'Xu Guixiang')?.only).toBe(true);
    expect(voice(cbc!.id, 'Wang Wenbin')).toBeUndefined();
    // "Wang told reporters" and "he added" are merged into the full name, not separate voices.
    expect(voice(dailyMail!.id, 'Wang')).toBeUndefined();
  });

  it('reports the Mesut Ozil invitation only in the Daily Mail and the Michael Chong sanctions only in CBC', () => {
    const only = (id: string) => report.coverage.find((c) => c.article === id)!.only.map((o) => o.text);
    expect(only(dailyMail!.id).some((t) => t.includes('Mesut Ozil'))).toBe(true);
    expect(only(cbc!.id).some((t) => t.includes('Michael Chong'))).toBe(true);
    expect(only(cbc!.id).some((t) => t.includes('Mesut Ozil'))).toBe(false);
  });

  it('gives each article distinctive terms, in its own spelling, without the outlet name', () => {
    const terms = (id: string) => report.terms.filter((t) => t.article === id).map((t) => t.term);
    expect(terms(dailyMail!.id)).toContain('Uighur');
    expect(terms(cbc!.id)).toContain('Uyghurs');
    expect(terms(cbc!.id).some((t) => /\bCBC\b/.test(t))).toBe(false);
    for (const t of report.terms) expect(t.sentences!.length).toBeGreaterThan(0);
  });

  it('flags "over a million" and "nearly 1 million" Uighurs as one quantity given differently', () => {
    const q = report.coverage.find((c) => c.article === dailyMail!.id)!.quantities!;
    expect(q.some((x) => /over a million/.test(x.text) && /nearly 1 million/.test(x.other.text))).toBe(true);
  });
});
