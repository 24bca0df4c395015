import { describe, expect, it } from 'vitest';
import {
  ArchiveCatalog,
  PREFIX_MIN,
  type CatalogFilter,
  type CatalogInput,
  type CatalogSnapshot,
  type SortKey,
} from '../../src/core/search/catalog';
import { searchWords } from '../../src/core/search/words';
import { prng } from '../../scripts/prng';

function rec(id: string, fields: Partial<CatalogInput> = {}): CatalogInput {
  return {
    id,
    url: `https://example.org/${id}`,
    title: `Title ${id}`,
    outlet: 'Outlet',
    published: '2024-01-01',
    story: null,
    words: 3,
    savedAt: 0,
    text: '',
    ...fields,
  };
}

/** What the catalog must answer, by reading every record's text: the plain scan it replaces. */
function scan(records: Map<string, CatalogInput>, f: CatalogFilter): Set<string> {
  const words = searchWords(f.query ?? '');
  const out = new Set<string>();
  for (const r of records.values()) {
    const held = searchWords(`${r.title}\n${r.outlet}\n${r.text}`);
    const ok = words.every((w) => held.some((h) => (w.length >= PREFIX_MIN ? h.startsWith(w) : h === w)));
    if (!ok) continue;
    if (f.outlets && !f.outlets.includes(r.outlet)) continue;
    if ((f.from || f.to) && (!r.published || (f.from && r.published.slice(0, 10) < f.from) || (f.to && r.published.slice(0, 10) > f.to)))
      continue;
    if (f.story !== undefined && r.story !== f.story) continue;
    if (f.ids && !f.ids.includes(r.id)) continue;
    out.add(r.id);
  }
  return out;
}

const VOCAB = [
  'election',
  'elections',
  'elected',
  'flood',
  'floods',
  'zürich',
  'senate',
  'budget',
  'war',
  'peace',
  'eu',
  'un',
  'storm',
  'vote',
  'court',
];
const OUTLETS = ['Fox News', 'NPR', 'CNN', ''];

function randomRecords(n: number, seed: number, prefix = 'r'): CatalogInput[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const words = Array.from({ length: 2 + Math.floor(rand() * 6) }, () => pick(VOCAB));
    return rec(`${prefix}${i}`, {
      title: `${pick(VOCAB)} ${pick(VOCAB)}`,
      outlet: pick(OUTLETS),
      published: rand() < 0.2 ? null : `2024-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      story: rand() < 0.5 ? pick(['s1', 's2', 's3']) : null,
      savedAt: Math.floor(rand() * 1000),
      text: words.join(' '),
    });
  });
}

const FILTERS: CatalogFilter[] = [
  {},
  { query: 'election' },
  { query: 'elect' },
  { query: 'Zurich flood' },
  { query: 'eu' },
  { query: 'e' },
  { query: 'nothing-here' },
  { query: 'vote', outlets: ['NPR', ''] },
  { from: '2024-03-01', to: '2024-05-31' },
  { from: '2024-06-01' },
  { story: 's2', query: 'storm' },
  { ids: ['r1', 'r2', 'r3', 'gone'] },
];

describe('archive catalog', () => {
  it('finds what a scan of every text finds, through merges, removals and compaction', () => {
    const catalog = new ArchiveCatalog();
    const live = new Map<string, CatalogInput>();
    // 5000 records: past the tail limit (2048), so the postings are merged and a tail remains.
    for (const r of randomRecords(5000, 7)) {
      catalog.add(r);
      live.set(r.id, r);
    }
    const check = () => {
      for (const f of FILTERS) expect(new Set(catalog.matchingIds(f)), JSON.stringify(f)).toEqual(scan(live, f));
      expect(catalog.size).toBe(live.size);
    };
    check();
    // Remove most of them: dead records pass the compaction bar and are renumbered away.
    for (let i = 0; i < 4000; i += 1) {
      catalog.remove(`r${i}`);
      live.delete(`r${i}`);
    }
    check();
    // Replacing a record by id keeps one copy with the new fields.
    const replaced = rec('r4500', { title: 'Budget vote', text: 'court storm', outlet: 'CNN' });
    catalog.add(replaced);
    live.set('r4500', replaced);
    check();
    expect(catalog.get('r4500')).toMatchObject({ title: 'Budget vote', outlet: 'CNN' });
  });

  it('keeps words most records hold as bitmaps, with the same answers through merges, compaction and a snapshot', () => {
    const catalog = new ArchiveCatalog();
    const live = new Map<string, CatalogInput>();
    // "common" in every record, "half" in every other one: both denser than a byte a record in gaps.
    for (let i = 0; i < 6000; i++) {
      const r = rec(`d${i}`, { text: `common ${i % 2 ? 'half' : ''} w${i % 97} ${i % 3 ? '' : 'third'}` });
      catalog.add(r);
      live.set(r.id, r);
    }
    const queries = ['common', 'half', 'half third', 'w5', 'third common w1', 'hal'];
    const check = (c: ArchiveCatalog) => {
      for (const query of queries) expect(new Set(c.matchingIds({ query })), query).toEqual(scan(live, { query }));
    };
    check(catalog);
    const snapshot = catalog.toJSON();
    expect(snapshot.version).toBe(2);
    expect(snapshot.dense[snapshot.terms.indexOf('common')]).toBe(1);
    expect(snapshot.dense[snapshot.terms.indexOf('w5')]).toBe(0);
    // Removing records renumbers the bitmaps' documents.
    for (let i = 0; i < 6000; i += 3) {
      catalog.remove(`d${i}`);
      live.delete(`d${i}`);
    }
    check(catalog);
    check(ArchiveCatalog.fromJSON(structuredClone(catalog.toJSON())));
    const broken = catalog.toJSON();
    broken.dense[broken.terms.indexOf('w5')] = 1;
    expect(() => ArchiveCatalog.fromJSON(broken)).toThrow(TypeError);
    expect(() => ArchiveCatalog.fromJSON({ ...catalog.toJSON(), version: 1 } as unknown as CatalogSnapshot)).toThrow(/version/);
  });

  it('matches prefixes from three letters and whole words below, accents folded', () => {
    const catalog = new ArchiveCatalog();
    catalog.add(rec('a', { title: 'Floods in Zürich', text: 'The EU responds.' }));
    catalog.add(rec('b', { title: 'Europe votes', text: 'Elections held.' }));
    const ids = (query: string) => catalog.matchingIds({ query }).sort();
    expect(ids('zurich')).toEqual(['a']);
    expect(ids('FLOO')).toEqual(['a']);
    expect(ids('eu')).toEqual(['a']);
    expect(ids('eur')).toEqual(['b']);
    expect(ids('e')).toEqual([]);
    expect(ids('floods elections')).toEqual([]);
    expect(ids('outlet')).toEqual(['a', 'b']);
  });

  it('sorts by each key both ways, records without the value last', () => {
    const catalog = new ArchiveCatalog();
    catalog.add(rec('1', { title: 'banana', outlet: 'NPR', published: '2024-02-01', savedAt: 30 }));
    catalog.add(rec('2', { title: 'Apple', outlet: '', published: null, savedAt: 10 }));
    catalog.add(rec('3', { title: 'cherry', outlet: 'ABC', published: '2024-01-01T12:00:00Z', savedAt: 20 }));
    catalog.add(rec('4', { title: '', outlet: 'Zed', published: '2024-03-01', savedAt: 40 }));
    const order = (sort: SortKey, dir: 'asc' | 'desc') => catalog.list({ sort, dir }).items.map((i) => i.id);
    expect(order('saved', 'desc')).toEqual(['4', '1', '3', '2']);
    expect(order('saved', 'asc')).toEqual(['2', '3', '1', '4']);
    expect(order('published', 'asc')).toEqual(['3', '1', '4', '2']);
    expect(order('published', 'desc')).toEqual(['4', '1', '3', '2']);
    expect(order('outlet', 'asc')).toEqual(['3', '1', '4', '2']);
    expect(order('outlet', 'desc')).toEqual(['4', '1', '3', '2']);
    expect(order('title', 'asc')).toEqual(['2', '1', '3', '4']);
    expect(order('title', 'desc')).toEqual(['3', '1', '2', '4']);
  });

  it('pages through a filtered list with its total', () => {
    const catalog = new ArchiveCatalog();
    for (let i = 0; i < 120; i++) catalog.add(rec(`p${String(i).padStart(3, '0')}`, { savedAt: i, outlet: i % 2 ? 'Odd' : 'Even' }));
    const page = catalog.list({ outlets: ['Odd'], offset: 40, limit: 20, sort: 'saved', dir: 'asc' });
    expect(page.total).toBe(60);
    expect(page.items.map((i) => i.savedAt)).toEqual(Array.from({ length: 20 }, (_, k) => 81 + 2 * k));
    expect(catalog.count({ outlets: ['Even'] })).toBe(60);
  });

  it('counts outlets and stories of the live records', () => {
    const catalog = new ArchiveCatalog();
    catalog.add(rec('a', { outlet: 'NPR', story: 'x' }));
    catalog.add(rec('b', { outlet: 'NPR', story: 'x' }));
    catalog.add(rec('c', { outlet: 'CNN' }));
    catalog.remove('c');
    expect(catalog.outletCounts()).toEqual([{ name: 'NPR', count: 2 }]);
    expect(catalog.storyCounts()).toEqual([{ name: 'x', count: 2 }]);
  });

  it('restores from its snapshot with the same answers, and refuses what is not one', () => {
    const catalog = new ArchiveCatalog();
    const records = randomRecords(3000, 11);
    for (const r of records) catalog.add(r);
    for (let i = 0; i < 100; i++) catalog.remove(`r${i * 3}`);
    const copy = ArchiveCatalog.fromJSON(structuredClone(catalog.toJSON()));
    for (const f of FILTERS) expect(copy.matchingIds(f)).toEqual(catalog.matchingIds(f));
    expect(copy.outletCounts()).toEqual(catalog.outletCounts());
    copy.add(rec('new', { text: 'peace treaty' }));
    expect(copy.matchingIds({ query: 'treaty' })).toEqual(['new']);
    expect(() => ArchiveCatalog.fromJSON({} as never)).toThrow(TypeError);
    const broken = catalog.toJSON();
    broken.titles.pop();
    expect(() => ArchiveCatalog.fromJSON(broken)).toThrow(/columns/);
  });
});
