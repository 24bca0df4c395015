import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { SAMPLE_SIZE, TermBackgroundStore } from '../../src/background/termBackgroundStore';
import type { ArticleRecord } from '../../src/core/types';

let n = 0;
const fresh = async () => new Archive(await openArchiveDb(`term-background-${++n}`));
const rec = (i: number): ArticleRecord => ({
  id: `r${i}`,
  url: null,
  title: `Report ${i}`,
  outlet: 'O',
  published: null,
  text: `The ministry said talks would resume. Item ${i % 7} was discussed.`,
});

describe('TermBackgroundStore', () => {
  it('counts words and phrases over the archive and stores them', async () => {
    const archive = await fresh();
    const terms = await TermBackgroundStore.open(archive);
    await terms.refresh();
    expect(terms.get()).toBeUndefined();
    await archive.importRecords([rec(1), rec(2), rec(3)]);
    await terms.refresh();
    const background = terms.get();
    expect(background?.docs).toBe(3);
    expect(Object.keys(background?.counts ?? {}).length).toBeGreaterThan(5);
    expect(background?.total).toBe(Object.values(background?.counts ?? {}).reduce((a, b) => a + b, 0));
    const reopened = await TermBackgroundStore.open(new Archive(archive.db));
    expect(reopened.get()).toEqual(background);
  });

  it('follows deletes', async () => {
    const archive = await fresh();
    await archive.importRecords([rec(1), rec(2), rec(3)]);
    const terms = await TermBackgroundStore.open(archive);
    await terms.refresh();
    await archive.delete(['r1']);
    await terms.refresh();
    expect(terms.get()?.docs).toBe(2);
  });

  it('counts a fixed-size sample that does not depend on the order articles arrived in', async () => {
    const records = Array.from({ length: SAMPLE_SIZE + 40 }, (_, i) => rec(i));
    const forward = await fresh();
    const backward = await fresh();
    await forward.importRecords(records);
    await backward.importRecords(records.slice().reverse());
    const a = await TermBackgroundStore.open(forward);
    const b = await TermBackgroundStore.open(backward);
    await Promise.all([a.refresh(), b.refresh()]);
    expect(a.get()?.docs).toBe(SAMPLE_SIZE);
    expect(a.get()).toEqual(b.get());
  });
});
