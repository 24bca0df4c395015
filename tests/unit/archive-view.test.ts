import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/background/archive';
import { deleteMatching, listPage, matchingIds, relatedOf, type ArchiveViewDeps } from '../../src/background/archiveView';
import { CatalogStore } from '../../src/background/catalogStore';
import { openArchiveDb } from '../../src/background/db';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { parseRecords } from '../../src/core/records';
import type { CatalogSnapshot } from '../../src/core/search/catalog';
import type { ArticleRecord } from '../../src/core/types';
import type { ListQuery } from '../../src/shared/messages';

let dbCount = 0;

function record(id: string, over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id,
    url: `https://site.example/${id}`,
    title: `Title ${id}`,
    outlet: 'Site',
    published: '2020-01-02',
    text: `Text of ${id}.`,
    ...over,
  };
}

async function setup(now?: () => number): Promise<ArchiveViewDeps & { store: CatalogStore; list(q?: ListQuery): Promise<string[]> }> {
  const archive = new Archive(await openArchiveDb(`archive-view-${++dbCount}`), now);
  const catalog = await CatalogStore.open(archive);
  const matches = await MatchIndexStore.open(archive);
  const deps = { archive, catalog: async () => catalog, matches };
  return {
    ...deps,
    store: catalog,
    async list(q = {}) {
      await catalog.caughtUp();
      return (await listPage(deps, q)).items.map((i) => i.id);
    },
  };
}

describe('archive list through the catalog', () => {
  it('pages newest first and searches title, outlet and text words', async () => {
    let t = 0;
    const view = await setup(() => ++t);
    for (const id of ['a', 'b', 'c']) await view.archive.importRecords([record(id)]);
    await view.archive.importRecords([record('d', { title: 'Uyghur camps', outlet: 'CBC News', text: 'Beijing said.' })]);
    await view.store.caughtUp();
    const page = await listPage(view, { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, pending: 0 });
    expect(page.items.map((i) => i.id)).toEqual(['c', 'b']);
    expect(await view.list({ query: 'uyghur beijing' })).toEqual(['d']);
    expect(await view.list({ query: 'cbc' })).toEqual(['d']);
    await view.archive.importRecords([record('z', { text: 'Talks in Zürich ended.' })]);
    expect(await view.list({ query: 'zurich' })).toEqual(['z']);
    expect(await view.list({ query: 'ZÜRICH talks' })).toEqual(['z']);
    await view.archive.delete(['z']);
    expect(await view.list({ query: 'text of' })).toEqual(['c', 'b', 'a']);
    expect((await listPage(view, { outlet: 'Site', limit: 1 })).total).toBe(3);
  });

  it('orders a filtered list as the unfiltered one, ties (one import) included', async () => {
    let t = 0;
    const view = await setup(() => ++t);
    await view.archive.importRecords(['m', 'c', 'x', 'a'].map((id) => record(id)));
    await view.archive.importRecords([record('b')]);
    const all = await view.list();
    expect(all).toEqual(['b', 'x', 'm', 'c', 'a']);
    expect(await view.list({ query: 'text' })).toEqual(all);
    expect((await listPage(view, { query: 'text', offset: 2, limit: 2 })).items.map((i) => i.id)).toEqual(['m', 'c']);
  });

  it('filters by outlets, published dates and story, and sorts each way', async () => {
    const view = await setup();
    await view.archive.importRecords([
      record('1', { outlet: 'NPR', published: '2021-05-01', story: 'flood', title: 'b flood' }),
      record('2', { outlet: 'CNN', published: '2021-06-01', story: 'flood', title: 'a flood' }),
      record('3', { outlet: 'CNN', published: null, title: 'c vote' }),
    ]);
    expect(await view.list({ outlets: ['CNN'], sort: 'title', dir: 'asc' })).toEqual(['2', '3']);
    expect(await view.list({ from: '2021-05-15', to: '2021-12-31' })).toEqual(['2']);
    expect(await view.list({ story: 'flood', sort: 'published', dir: 'desc' })).toEqual(['2', '1']);
    expect(await view.list({ story: 'flood', query: 'flood', outlets: ['NPR'] })).toEqual(['1']);
    expect(await view.list({ sort: 'outlet', dir: 'asc' })).toEqual(['2', '3', '1']);
    expect(view.store.facets()).toEqual({
      outlets: [
        { name: 'CNN', count: 2 },
        { name: 'NPR', count: 1 },
      ],
      stories: [{ name: 'flood', count: 2 }],
      pending: 0,
    });
    expect(await matchingIds(view, { sort: 'title', dir: 'asc', offset: 1, limit: 1 })).toEqual(['1']);
  });

  it('deletes everything matching a filter but the exceptions, in one write', async () => {
    const view = await setup();
    await view.archive.importRecords(['a', 'b', 'c', 'd'].map((id) => record(id, { outlet: id < 'c' ? 'Keep' : 'Drop' })));
    const changes: number[] = [];
    view.archive.onChange((c) => changes.push(c.removed.length));
    expect(await deleteMatching(view, { outlets: ['Drop'] }, ['d'])).toBe(1);
    expect(changes).toEqual([1]);
    expect(await view.list({ sort: 'title', dir: 'asc' })).toEqual(['a', 'b', 'd']);
    expect(await view.archive.count()).toBe(3);
    expect(await deleteMatching(view, { query: 'nothing-matches' })).toBe(0);
  });

  it('keeps its snapshot with the change counter, restores it, and rebuilds a stale one', async () => {
    const view = await setup();
    await view.archive.importRecords(['a', 'b'].map((id) => record(id)));
    await view.store.caughtUp();
    expect(await view.store.persist()).toBe(true);
    const again = await CatalogStore.open(new Archive(view.archive.db));
    // Restored, not rebuilt: nothing pending and the same answers at once.
    expect(again.pending).toBe(0);
    expect(again.list({ query: 'text' }).total).toBe(2);
    await view.archive.importRecords([record('c')]);
    // Behind by one write: it reads only the record that write changed (the change log).
    const stale = await CatalogStore.open(new Archive(view.archive.db));
    expect(stale.pending).toBe(1);
    await stale.caughtUp();
    expect(
      stale
        .list({})
        .items.map((i) => i.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
  });
  it('rebuilds from the records when the snapshot is of an older version, never answering from an empty catalog', async () => {
    const view = await setup();
    await view.archive.importRecords(['a', 'b'].map((id) => record(id)));
    await view.store.caughtUp();
    expect(await view.store.persist()).toBe(true);
    const row = await view.archive.db.get('meta', 'catalog');
    if (row?.key !== 'catalog') throw new Error('no catalog snapshot');
    // A version 1 snapshot: the postings held varint gaps only, with no dense flags.
    const older: Record<string, unknown> = { ...(row.snapshot as CatalogSnapshot), version: 1 };
    delete older.dense;
    await view.archive.db.put('meta', { ...row, snapshot: older as unknown as CatalogSnapshot });
    const again = await CatalogStore.open(new Archive(view.archive.db));
    expect(again.pending).toBe(2);
    await again.caughtUp();
    expect(again.list({ query: 'text' }).total).toBe(2);
  });
});

describe('related coverage of an archived article', () => {
  it('lists the match index results with reasons, and filters the list to the same story', async () => {
    const sample = parseRecords(readFileSync(new URL('../../public/sample/sample.ndjson', import.meta.url), 'utf8'));
    if (!sample.ok) throw new Error(sample.reason);
    const view = await setup();
    await view.archive.importRecords(sample.records);
    const cbc = sample.records.find((r) => r.outlet === 'CBC News')!;
    const related = await relatedOf(view, cbc.id);
    expect(related[0]).toMatchObject({ outlet: 'Daily Mail', related: true });
    expect(related[0]!.reasons.entities.length + related[0]!.reasons.terms.length).toBeGreaterThan(0);
    expect(related.map((r) => r.id)).not.toContain(cbc.id);
    const same = await view.list({ sameStoryAs: cbc.id });
    expect(same).toContain(cbc.id);
    expect(same).toContain(related[0]!.id);
    expect(same.length).toBeLessThan(sample.records.length);
    await expect(relatedOf(view, 'missing')).rejects.toThrow(/no longer in the archive|missing/);
    // A link to the story of an article deleted since: an empty list, not an error.
    expect(await view.list({ sameStoryAs: 'missing' })).toEqual([]);
  });
});
