import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { parseRecords, toNdjson } from '../../src/core/records';
import type { Article, ArticleRecord } from '../../src/core/types';
import { Archive, type ArchiveChange } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import {
  abortImport,
  commitImport,
  discardStaleImports,
  stageBatch,
  startImport,
  STALE_IMPORT_MS,
} from '../../src/background/stagedImport';

let dbCount = 0;
async function freshArchive(): Promise<Archive> {
  return new Archive(await openArchiveDb(`archive-test-${++dbCount}`));
}

function article(over: Partial<Article> = {}): Article {
  return {
    id: 'https://news.example/a',
    url: 'https://news.example/a',
    title: 'Title',
    outlet: 'Example News',
    published: '2024-05-01',
    text: 'One paragraph.\n\nAnother one.',
    byline: 'A. Writer',
    lang: 'en',
    words: 4,
    ...over,
  };
}

function record(id: string, over: Partial<ArticleRecord> & Record<string, unknown> = {}): ArticleRecord {
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

async function exportAll(archive: Archive): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await archive.exportPage(after, 2);
    out.push(...page.records);
    if (!page.next) return out;
    after = page.next;
  }
}

describe('Archive save', () => {
  it('saves a page once per canonical URL: saving again updates the same record', async () => {
    const archive = await freshArchive();
    const first = await archive.save(article());
    const again = await archive.save(
      article({
        url: 'https://www.news.example/a/?utm_source=x#comments',
        id: 'https://www.news.example/a/?utm_source=x#comments',
        title: 'New title',
      }),
    );
    expect(first).toEqual({ id: 'https://news.example/a', created: true });
    expect(again).toEqual({ id: 'https://news.example/a', created: false });
    expect(await archive.count()).toBe(1);
    expect((await archive.get(first.id))?.title).toBe('New title');
  });

  it('keeps byline as an extra field and drops derived fields', async () => {
    const archive = await freshArchive();
    const { id } = await archive.save(article({ sources: { title: 'json-ld' } }));
    const stored = (await archive.get(id)) as ArticleRecord & Record<string, unknown>;
    expect(stored.byline).toBe('A. Writer');
    expect(stored).not.toHaveProperty('words');
    expect(stored).not.toHaveProperty('sources');
  });

  it('saving a page that was imported under another id updates that record', async () => {
    const archive = await freshArchive();
    await archive.importRecords([record('abp:1', { url: 'https://news.example/a' })]);
    const saved = await archive.save(article());
    expect(saved).toEqual({ id: 'abp:1', created: false });
    expect(await archive.count()).toBe(1);
  });
});

describe('Archive count', () => {
  it('counts the store once, then again only after a committed write', async () => {
    const archive = await freshArchive();
    const counts = vi.spyOn(IDBObjectStore.prototype, 'count');
    expect(await archive.count()).toBe(0);
    expect(await Promise.all([archive.count(), archive.count()])).toEqual([0, 0]);
    expect(counts).toHaveBeenCalledTimes(1);
    await archive.importRecords([record('a'), record('b')]);
    expect(await archive.count()).toBe(2);
    await archive.delete(['a']);
    await archive.save(article());
    expect(await archive.count()).toBe(2);
    expect(counts).toHaveBeenCalledTimes(3);
    // A write that fails changes nothing: the count stands.
    await expect(archive.write(['articles'], () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await archive.count()).toBe(2);
    expect(counts).toHaveBeenCalledTimes(3);
    // A count asked just before a write commits is not kept after it.
    const before = archive.count();
    await archive.importRecords([record('c')]);
    await before;
    expect(await archive.count()).toBe(3);
    counts.mockRestore();
  });
});

describe('Archive import and delete', () => {
  it('merges duplicates by canonical URL and by id', async () => {
    const archive = await freshArchive();
    expect(await archive.importRecords([record('a'), record('b'), record('c', { url: null })])).toEqual({ added: 3, updated: 0 });
    const summary = await archive.importRecords([
      record('x', { url: 'https://site.example/a?utm_medium=rss' }),
      record('b', { title: 'B2' }),
      record('c', { url: null }),
    ]);
    expect(summary).toEqual({ added: 0, updated: 3 });
    expect(await archive.count()).toBe(3);
    expect((await archive.get('a'))?.id).toBe('a');
    expect((await archive.get('b'))?.title).toBe('B2');
  });

  it('a record whose id is archived takes over a URL held by another record, leaving one record for that page', async () => {
    const archive = await freshArchive();
    await archive.importRecords([record('a'), record('b')]);
    await archive.importRecords([record('b', { url: 'https://site.example/a' })]);
    expect(await archive.count()).toBe(1);
    expect(await archive.get('a')).toBeNull();
  });

  it('deletes one or many and reports what it removed', async () => {
    const archive = await freshArchive();
    await archive.importRecords([record('a'), record('b'), record('c')]);
    const changes: ArchiveChange[] = [];
    archive.onChange((c) => changes.push(c));
    expect(await archive.delete(['a'])).toBe(1);
    expect(await archive.delete(['b', 'c', 'missing'])).toBe(2);
    expect(await archive.count()).toBe(0);
    expect(changes.map((c) => c.removed)).toEqual([['a'], ['b', 'c']]);
    expect(changes[1]!.counter).toBeGreaterThan(changes[0]!.counter);
  });

  it('export then import gives an identical archive, extra dataset fields included', async () => {
    const source = [
      record('ecb:1', { story: '1ecb', topic: 1, lang: 'en' }),
      record('abp:2', { lean: 'left', published: null, url: null }),
      record('newswcl50:0_L', { title: '', story: '0' }),
      record('seed:cbc', { text: 'Uyghur\n\n"quoted"\n\n\u00e9 \u2014 \ud83d\ude00' }),
      record('ecb:5'),
    ];
    const first = await freshArchive();
    await first.importRecords(source);
    const exported = await exportAll(first);
    const file = toNdjson(exported);
    const parsed = parseRecords(file);
    if (!parsed.ok) throw new Error(parsed.reason);
    const second = await freshArchive();
    await second.importRecords(parsed.records);
    expect(toNdjson(await exportAll(second))).toBe(file);
    expect(parsed.records.slice().sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      source.slice().sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await first.importRecords(parsed.records)).toEqual({ added: 0, updated: 5 });
    expect(toNdjson(await exportAll(first))).toBe(file);
  });
});

describe('Staged import', () => {
  it('stages batches without touching the archive and commits them in one go', async () => {
    const archive = await freshArchive();
    await archive.importRecords([record('old')]);
    const importId = await startImport(archive, 'test.ndjson');
    expect(await stageBatch(archive, importId, [record('a'), record('b')])).toBe(2);
    expect(await stageBatch(archive, importId, [record('c'), record('old', { title: 'new' })])).toBe(4);
    expect(await archive.count()).toBe(1);
    expect(await commitImport(archive, importId)).toEqual({ added: 3, updated: 1 });
    expect(await archive.count()).toBe(4);
    expect(await archive.db.count('staging')).toBe(0);
    await expect(commitImport(archive, importId)).rejects.toThrow(/no longer staged/);
  });

  it('an aborted import leaves the archive as it was', async () => {
    const archive = await freshArchive();
    await archive.importRecords([record('old')]);
    const before = toNdjson(await exportAll(archive));
    const importId = await startImport(archive, 'bad.ndjson');
    await stageBatch(archive, importId, [record('a'), record('old', { title: 'changed' })]);
    expect(await abortImport(archive, importId)).toBe(2);
    expect(toNdjson(await exportAll(archive))).toBe(before);
    expect(await archive.db.count('staging')).toBe(0);
  });

  it('carries on after the worker restarts between batches (staging is in IndexedDB)', async () => {
    const name = `archive-test-${++dbCount}`;
    const before = new Archive(await openArchiveDb(name));
    const importId = await startImport(before, 'big.ndjson');
    await stageBatch(before, importId, [record('a'), record('b')]);
    before.db.close();
    const after = new Archive(await openArchiveDb(name));
    await stageBatch(after, importId, [record('c')]);
    expect(await commitImport(after, importId)).toEqual({ added: 3, updated: 0 });
    expect(await after.count()).toBe(3);
  });

  it('drops imports left idle for an hour', async () => {
    const archive = await freshArchive();
    const importId = await startImport(archive, 'x', 1000);
    await stageBatch(archive, importId, [record('a')], 1000);
    expect(await discardStaleImports(archive, 1000 + STALE_IMPORT_MS + 1)).toBe(1);
    await expect(stageBatch(archive, importId, [record('b')])).rejects.toThrow(/no longer staged/);
  });
});
