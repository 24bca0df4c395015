import { describe, expect, it } from 'vitest';
import { StringColumn } from '../../src/core/search/columns';
import { ArchiveCatalog } from '../../src/core/search/catalog';
import { countWords } from '../../src/core/types';
import { fixtureRecords } from './support/match-helpers';

const VALUES = [
  'Plain ASCII title',
  null,
  '',
  'Uyghur ‘re-education’ camps — Xinjiang’s “vocational” centres',
  'Zürich, Ελλάδα, 北京, emoji 🗞️ and a combining e\u0301',
  'https://www.example.org/2016/09/20/a-very-long-address-well-past-sixty-four-characters?query=1&and=more',
  'x'.repeat(5000),
];

describe('string columns', () => {
  it('gives back every value as pushed, nulls and non-Latin text included, through kept() and a snapshot', () => {
    const column = new StringColumn();
    for (let round = 0; round < 50; round++) for (const v of VALUES) column.push(v);
    expect(column.length).toBe(VALUES.length * 50);
    for (let i = 0; i < column.length; i++) expect(column.get(i)).toBe(VALUES[i % VALUES.length]);
    const renumber = Int32Array.from({ length: column.length }, (_, i) => (i % 2 ? -1 : i / 2));
    const kept = column.kept(renumber);
    expect(kept.values()).toEqual(column.values().filter((_, i) => i % 2 === 0));
    const restored = StringColumn.fromParts(structuredClone(kept.toParts()), kept.length);
    expect(restored.values()).toEqual(kept.values());
    expect(() => StringColumn.fromParts(kept.toParts(), kept.length + 1)).toThrow(TypeError);
  });

  it('keeps what the catalog lists: titles, addresses and dates as given', () => {
    const records = fixtureRecords();
    const catalog = new ArchiveCatalog();
    records.forEach((r, i) => catalog.add({ ...r, outlet: r.outlet ?? '', story: r.story ?? null, words: countWords(r.text), savedAt: i }));
    const restored = ArchiveCatalog.fromJSON(structuredClone(catalog.toJSON()));
    for (const r of records) {
      const want = { id: r.id, url: r.url, title: r.title, published: r.published };
      expect(catalog.get(r.id)).toMatchObject(want);
      expect(restored.get(r.id)).toMatchObject(want);
    }
  });
});
