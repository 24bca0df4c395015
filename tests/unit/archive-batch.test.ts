import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import type { ArticleRecord } from '../../src/core/types';

let n = 0;
const fresh = async () => new Archive(await openArchiveDb(`archive-batch-${++n}`), () => 1);
const rec = (id: string, url: string | null, title = id): ArticleRecord => ({
  id,
  url,
  title,
  outlet: 'O',
  published: null,
  text: `text ${title}`,
});

async function contents(archive: Archive): Promise<ArticleRecord[]> {
  return (await archive.exportPage(null, 10_000)).records;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure is reproducible. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Importing many records in one batch', () => {
  it('merges records of the same batch that share a canonical URL', async () => {
    const archive = await fresh();
    expect(await archive.importRecords([rec('a', 'https://u.example/1'), rec('b', 'https://u.example/1/', 'B')])).toEqual({
      added: 1,
      updated: 1,
    });
    expect(await contents(archive)).toEqual([rec('a', 'https://u.example/1/', 'B')]);
  });

  it('lets a record take a URL that an earlier record of the batch gave up', async () => {
    const archive = await fresh();
    await archive.importRecords([rec('a', 'https://u.example/1')]);
    await archive.importRecords([rec('a', 'https://u.example/2'), rec('b', 'https://u.example/1')]);
    expect((await contents(archive)).map((r) => [r.id, r.url])).toEqual([
      ['a', 'https://u.example/2'],
      ['b', 'https://u.example/1'],
    ]);
  });

  it('gives the same archive as importing the records one at a time (random batches)', async () => {
    const next = random(42);
    for (let round = 0; round < 25; round++) {
      const pick = (k: number) => Math.floor(next() * k);
      const make = (i: number) => rec(`id${pick(6)}`, pick(4) === 0 ? null : `https://u.example/${pick(5)}`, `t${round}-${i}`);
      const existing = Array.from({ length: pick(5) }, (_, i) => make(i));
      const batch = Array.from({ length: 1 + pick(8) }, (_, i) => make(100 + i));
      const together = await fresh();
      const oneByOne = await fresh();
      for (const r of existing) {
        await together.importRecords([r]);
        await oneByOne.importRecords([r]);
      }
      const summary = await together.importRecords(batch);
      let added = 0;
      for (const r of batch) added += (await oneByOne.importRecords([r])).added;
      expect(await contents(together)).toEqual(await contents(oneByOne));
      expect(summary.added).toBe(added);
    }
  });
});
