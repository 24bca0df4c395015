import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleRecord } from '../../src/core/types';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { commitImport, stageBatch, startImport } from '../../src/background/stagedImport';
import { StorageFullError } from '../../src/background/storageErrors';

const record = (id: string): ArticleRecord => ({
  id,
  url: `https://q.example/${id}`,
  title: id,
  outlet: 'Q',
  published: null,
  text: `text ${id}`,
});

/** Makes the store refuse a record whose id is "full", as a browser out of quota refuses a write. */
function quotaOnRecord(id: string): void {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (typeof value === 'object' && value !== null && 'id' in value && value.id === id)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.call(this, value, key);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('A full quota', () => {
  it('gives a clear message and leaves no partial import', async () => {
    const archive = new Archive(await openArchiveDb('quota-1'));
    await archive.importRecords([record('kept')]);
    const counter = await archive.changeCounter();
    quotaOnRecord('full');
    const failure = archive.importRecords([record('a'), record('b'), record('full'), record('c')]);
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    await expect(failure).rejects.toThrow(/no more storage.*nothing was saved/);
    vi.restoreAllMocks();
    expect(await archive.count()).toBe(1);
    expect(await archive.get('a')).toBeNull();
    expect(await archive.changeCounter()).toBe(counter);
  });

  it('during a staged commit leaves the archive and the staged records as they were', async () => {
    const archive = new Archive(await openArchiveDb('quota-2'));
    const importId = await startImport(archive, 'big.ndjson');
    await stageBatch(archive, importId, [record('a'), record('full')]);
    quotaOnRecord('full');
    await expect(commitImport(archive, importId)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await archive.count()).toBe(0);
    expect(await archive.db.count('staging')).toBe(1);
  });

  it('does not block later writes', async () => {
    const archive = new Archive(await openArchiveDb('quota-3'));
    quotaOnRecord('full');
    await expect(archive.importRecords([record('full')])).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await archive.importRecords([record('ok')])).toEqual({ added: 1, updated: 0 });
  });
});
