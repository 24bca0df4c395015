import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/background/archive';
import { DB_NAME, openArchiveDb } from '../../src/background/db';
import type { StoredArticle } from '../../src/background/dbSchema';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../src/background/migrations';

/** Before/after fixtures: the stores, indexes and rows a database holds. */
async function describeDb(name: string): Promise<{
  version: number;
  stores: Record<string, { keyPath: unknown; indexes: Record<string, { keyPath: unknown; unique: boolean }> }>;
}> {
  const db = await openDB(name);
  const stores: Record<string, { keyPath: unknown; indexes: Record<string, { keyPath: unknown; unique: boolean }> }> = {};
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  for (const storeName of db.objectStoreNames) {
    const store = tx.objectStore(storeName);
    const indexes: Record<string, { keyPath: unknown; unique: boolean }> = {};
    for (const indexName of store.indexNames) {
      const index = store.index(indexName);
      indexes[indexName] = { keyPath: index.keyPath, unique: index.unique };
    }
    stores[storeName] = { keyPath: store.keyPath, indexes };
  }
  const version = db.version;
  db.close();
  return { version, stores };
}

const row: StoredArticle = {
  id: 'ecb:1',
  record: { id: 'ecb:1', url: 'https://x.example/1', title: 'T', outlet: 'X', published: '2014-01-01', text: 'Body.', story: '1ecb' },
  urlKey: 'x.example/1',
  savedAt: 1,
  origin: 'imported',
  words: 1,
};

/** The current schema version: test steps come after it. */
const V = SCHEMA_VERSION;

describe('Migrations', () => {
  it('are numbered in increasing order, each with a note', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const m of MIGRATIONS) expect(m.note.length).toBeGreaterThan(20);
    expect(SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('v1 turns an empty database into the archive schema (after fixture) and records itself', async () => {
    const db = await openArchiveDb(
      'mig-v1',
      MIGRATIONS.filter((m) => m.version === 1),
      1,
    );
    const schema = await db.get('meta', 'schema');
    db.close();
    expect(await describeDb('mig-v1')).toEqual({
      version: 1,
      stores: {
        articles: {
          keyPath: 'id',
          indexes: {
            outlet: { keyPath: 'record.outlet', unique: false },
            published: { keyPath: 'record.published', unique: false },
            savedAt: { keyPath: 'savedAt', unique: false },
            url: { keyPath: 'urlKey', unique: true },
          },
        },
        imports: { keyPath: 'importId', indexes: { updatedAt: { keyPath: 'updatedAt', unique: false } } },
        meta: { keyPath: 'key', indexes: {} },
        staging: { keyPath: ['importId', 'seq'], indexes: {} },
      },
    });
    expect(schema).toMatchObject({ key: 'schema', version: 1, history: [{ version: 1 }] });
  });

  it('v4 adds the feed stores to the archive before it (before/after fixture) and keeps every article', async () => {
    const prior = MIGRATIONS.filter((m) => m.version < 4);
    const before = await openArchiveDb('mig-v4', prior, prior.at(-1)!.version);
    await before.put('articles', row);
    before.close();
    const v3 = await describeDb('mig-v4');
    const db = await openArchiveDb(
      'mig-v4',
      MIGRATIONS.filter((m) => m.version <= 4),
      4,
    );
    expect(await db.get('articles', 'ecb:1')).toEqual(row);
    await db.put('feeds', {
      id: 'f1',
      url: 'https://x.example/feed',
      title: 'X',
      siteUrl: null,
      addedAt: 1,
      intervalMinutes: 60,
      lastPollAt: null,
      lastError: null,
      lastNew: 0,
      itemCount: 0,
      savedCount: 0,
      pollStartedAt: null,
      pollNew: 0,
    });
    await expect(db.put('feeds', { ...(await db.get('feeds', 'f1'))!, id: 'f2' })).rejects.toThrow();
    await db.put('feedItems', {
      feedId: 'f1',
      itemId: 'a',
      url: null,
      title: '',
      published: null,
      state: 'pending',
      firstSeen: 1,
      attempts: 0,
    });
    expect(await db.countFromIndex('feedItems', 'state', ['f1', 'pending'])).toBe(1);
    const schema = await db.get('meta', 'schema');
    db.close();
    const after = await describeDb('mig-v4');
    expect(after.version).toBe(4);
    expect(after.stores).toEqual({
      ...v3.stores,
      feeds: { keyPath: 'id', indexes: { url: { keyPath: 'url', unique: true } } },
      feedItems: { keyPath: ['feedId', 'itemId'], indexes: { state: { keyPath: ['feedId', 'state'], unique: false } } },
    });
    expect(schema).toMatchObject({ key: 'schema', version: 4, history: [...prior.map((m) => ({ version: m.version })), { version: 4 }] });
  });

  it('v5 adds the change log beside the stores before it (before/after fixture), keeps every row, and logs each write there', async () => {
    const prior = MIGRATIONS.filter((m) => m.version < 5);
    const before = await openArchiveDb('mig-v5', prior, prior.at(-1)!.version);
    await before.put('articles', row);
    await before.put('meta', { key: 'changes', count: 7 });
    before.close();
    const v4 = await describeDb('mig-v5');
    const db = await openArchiveDb(
      'mig-v5',
      MIGRATIONS.filter((m) => m.version <= 5),
      5,
    );
    expect(await db.get('articles', 'ecb:1')).toEqual(row);
    expect(await db.get('meta', 'changes')).toEqual({ key: 'changes', count: 7 });
    const archive = new Archive(db);
    await archive.importRecords([{ ...row.record, id: 'ecb:2', url: 'https://x.example/2' }]);
    await archive.delete(['ecb:1']);
    expect(await db.getAll('changeLog')).toEqual([
      { counter: 8, put: ['ecb:2'], removed: [] },
      { counter: 9, put: [], removed: ['ecb:1'] },
    ]);
    db.close();
    const after = await describeDb('mig-v5');
    expect(after.version).toBe(5);
    expect(after.stores).toEqual({ ...v4.stores, changeLog: { keyPath: 'counter', indexes: {} } });
  });

  it('v1 enforces one record per canonical URL and allows many records without a URL', async () => {
    const db = await openArchiveDb('mig-unique');
    await db.put('articles', row);
    await expect(db.put('articles', { ...row, id: 'ecb:2' })).rejects.toThrow();
    const { urlKey: _none, ...noUrl } = row;
    await db.put('articles', { ...noUrl, id: 'n1' });
    await db.put('articles', { ...noUrl, id: 'n2' });
    expect(await db.count('articles')).toBe(3);
    db.close();
  });

  it('reopening at the current version keeps every row', async () => {
    const db = await openArchiveDb('mig-reopen');
    await db.put('articles', row);
    db.close();
    const again = await openArchiveDb('mig-reopen');
    expect(await again.get('articles', 'ecb:1')).toEqual(row);
    again.close();
  });

  it('the runner applies only the newer steps, in order, on a database with data', async () => {
    const db = await openArchiveDb('mig-runner');
    await db.put('articles', row);
    db.close();
    const order: number[] = [];
    const next: Migration[] = [
      ...MIGRATIONS,
      {
        version: V + 1,
        note: 'test step: adds a lang index',
        up: (_db, tx) => {
          order.push(V + 1);
          tx.objectStore('articles').createIndex('lang' as never, 'record.lang');
        },
      },
      {
        version: V + 2,
        note: 'test step: rewrites every row',
        up: async (_db, tx) => {
          order.push(V + 2);
          let cursor = await tx.objectStore('articles').openCursor();
          while (cursor) {
            await cursor.update({ ...cursor.value, words: cursor.value.words + 10 });
            cursor = await cursor.continue();
          }
        },
      },
    ];
    const migrated = await openArchiveDb('mig-runner', next, V + 2);
    expect(order).toEqual([V + 1, V + 2]);
    expect((await migrated.get('articles', 'ecb:1'))?.words).toBe(11);
    const history = MIGRATIONS.map((m) => ({ version: m.version }));
    expect(await migrated.get('meta', 'schema')).toMatchObject({
      version: V + 2,
      history: [...history, { version: V + 1 }, { version: V + 2 }],
    });
    migrated.close();
    expect(Object.keys((await describeDb('mig-runner')).stores.articles!.indexes)).toContain('lang');
  });

  it('a failing step leaves the database at its old version with its data', async () => {
    const db = await openArchiveDb('mig-fail');
    await db.put('articles', row);
    db.close();
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: V + 1,
        note: 'test step that fails half way',
        up: async (_db, tx) => {
          await tx.objectStore('articles').delete('ecb:1');
          throw new Error('boom');
        },
      },
    ];
    await expect(openArchiveDb('mig-fail', broken, V + 1)).rejects.toBeTruthy();
    const after = await openArchiveDb('mig-fail');
    expect(after.version).toBe(V);
    expect(await after.get('articles', 'ecb:1')).toEqual(row);
    after.close();
  });

  it('v3 adds the [origin, savedAt] index over the rows v1 left (before/after fixture), and retention can count by it', async () => {
    const v1 = MIGRATIONS.filter((m) => m.version === 1);
    const before = await openArchiveDb('mig-v3', v1, 1);
    const rows: StoredArticle[] = [
      row,
      {
        ...row,
        id: 'c1',
        urlKey: 'x.example/c1',
        record: { ...row.record, id: 'c1', url: 'https://x.example/c1' },
        origin: 'captured' as StoredArticle['origin'],
        savedAt: 5,
      },
      {
        ...row,
        id: 'c2',
        urlKey: 'x.example/c2',
        record: { ...row.record, id: 'c2', url: 'https://x.example/c2' },
        origin: 'captured' as StoredArticle['origin'],
        savedAt: 3,
      },
      {
        ...row,
        id: 's1',
        urlKey: 'x.example/s1',
        record: { ...row.record, id: 's1', url: 'https://x.example/s1' },
        origin: 'saved',
        savedAt: 2,
      },
    ];
    for (const r of rows) await before.put('articles', r);
    before.close();
    const beforeShape = await describeDb('mig-v3');
    expect(beforeShape.stores.articles!.indexes).not.toHaveProperty('originSavedAt');

    const upTo3 = MIGRATIONS.filter((m) => m.version <= 3);
    const after = await openArchiveDb('mig-v3', upTo3, 3);
    for (const r of rows) expect(await after.get('articles', r.id)).toEqual(r);
    const captured = await after.getAllKeysFromIndex(
      'articles',
      'originSavedAt',
      IDBKeyRange.bound(['captured', -Infinity], ['captured', Infinity]),
    );
    expect(captured).toEqual(['c2', 'c1']);
    expect(await after.get('meta', 'schema')).toMatchObject({ version: 3, history: upTo3.map((m) => ({ version: m.version })) });
    after.close();
    const afterShape = await describeDb('mig-v3');
    expect(afterShape.stores.articles!.indexes.originSavedAt).toEqual({ keyPath: ['origin', 'savedAt'], unique: false });
    // Nothing else changed.
    const { originSavedAt: _added, ...others } = afterShape.stores.articles!.indexes;
    expect(others).toEqual(beforeShape.stores.articles!.indexes);
  });

  it('uses the database name the extension ships with', () => {
    expect(DB_NAME).toBe('framelens');
  });
});
