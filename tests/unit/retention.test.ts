/**
 * Retention (src/core/retention.ts, src/background/retention.ts): the oldest records the
 * archive gathered by itself go first; hand-saved and imported records never go; preview
 * and apply agree; removal runs in bounded batches, each one transaction that the match
 * index hears of.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Archive, type ArchiveChange } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import type { RecordOrigin, StoredArticle } from '../../src/background/dbSchema';
import { applyRetention, originCounts, previewRetention, RETENTION_BATCH, RetentionRunner } from '../../src/background/retention';
import { isRetentionEligible, pickOldest, retentionCutoff, retentionExcess } from '../../src/core/retention';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22);

let dbCount = 0;

/** An archive holding `rows` as given (origin, savedAt), written straight to the store. */
async function archiveWith(rows: { id: string; origin: RecordOrigin | 'feed'; savedAt: number }[]): Promise<Archive> {
  const archive = new Archive(await openArchiveDb(`retention-${++dbCount}`), () => NOW);
  const tx = archive.db.transaction('articles', 'readwrite');
  for (const { id, origin, savedAt } of rows) {
    const row: StoredArticle = {
      id,
      record: { id, url: `https://r.example.com/${id}`, title: id, outlet: 'R', published: null, text: `text ${id}` },
      urlKey: `r.example.com/${id}`,
      savedAt,
      origin: origin as RecordOrigin,
      words: 2,
    };
    void tx.store.put(row);
  }
  await tx.done;
  return archive;
}

const ids = async (archive: Archive) => (await archive.db.getAllKeys('articles')).map(String).sort();

describe('the retention policy (pure)', () => {
  it('never selects a hand-saved or imported record, whatever it is given', () => {
    const candidates = [
      { id: 'saved-oldest', origin: 'saved', savedAt: 0 },
      { id: 'imported-old', origin: 'imported', savedAt: 1 },
      { id: 'c2', origin: 'captured', savedAt: 20 },
      { id: 'f1', origin: 'feed', savedAt: 10 },
      { id: 's1', origin: 'sample', savedAt: 10 },
    ];
    expect(pickOldest(candidates, 10).map((c) => c.id)).toEqual(['f1', 's1', 'c2']);
    expect(pickOldest(candidates, 2).map((c) => c.id)).toEqual(['f1', 's1']);
    expect(pickOldest(candidates, 0)).toEqual([]);
    expect(['saved', 'imported'].some(isRetentionEligible)).toBe(false);
    expect(['captured', 'feed', 'sample'].every(isRetentionEligible)).toBe(true);
  });

  it('counts what a policy removes', () => {
    expect(retentionExcess({ mode: 'unlimited' }, 100, 100)).toBe(0);
    expect(retentionExcess({ mode: 'count', count: 30 }, 100, 0)).toBe(70);
    expect(retentionExcess({ mode: 'count', count: 300 }, 100, 0)).toBe(0);
    expect(retentionExcess({ mode: 'days', days: 7 }, 100, 12)).toBe(12);
    expect(retentionCutoff(7, NOW)).toBe(NOW - 7 * DAY);
  });
});

describe('retention on the archive', () => {
  it('keeps the newest N gathered records, and every hand-saved and imported one however old', async () => {
    const archive = await archiveWith([
      { id: 'saved-1', origin: 'saved', savedAt: 1 },
      { id: 'imported-1', origin: 'imported', savedAt: 2 },
      { id: 'cap-a', origin: 'captured', savedAt: 10 },
      { id: 'cap-b', origin: 'captured', savedAt: 40 },
      { id: 'feed-a', origin: 'feed', savedAt: 20 },
      { id: 'sample-a', origin: 'sample', savedAt: 30 },
      { id: 'cap-c', origin: 'captured', savedAt: 50 },
    ]);
    expect(await previewRetention(archive, { mode: 'count', count: 2 }, NOW)).toEqual({ removes: 3, eligible: 5 });
    // A preview changes nothing.
    expect(await ids(archive)).toHaveLength(7);
    expect(await applyRetention(archive, { mode: 'count', count: 2 }, NOW)).toBe(3);
    expect(await ids(archive)).toEqual(['cap-b', 'cap-c', 'imported-1', 'saved-1']);
    expect(await originCounts(archive)).toEqual({ captured: 2, imported: 1, saved: 1 });
    // Already within the policy: nothing more, and no write at all.
    const counter = await archive.changeCounter();
    expect(await applyRetention(archive, { mode: 'count', count: 2 }, NOW)).toBe(0);
    expect(await archive.changeCounter()).toBe(counter);
  });

  it('removes gathered records older than N days, never a hand-saved one', async () => {
    const archive = await archiveWith([
      { id: 'saved-ancient', origin: 'saved', savedAt: NOW - 400 * DAY },
      { id: 'cap-old', origin: 'captured', savedAt: NOW - 31 * DAY },
      { id: 'cap-edge', origin: 'captured', savedAt: NOW - 30 * DAY },
      { id: 'cap-new', origin: 'captured', savedAt: NOW - DAY },
      { id: 'sample-old', origin: 'sample', savedAt: NOW - 90 * DAY },
    ]);
    expect(await previewRetention(archive, { mode: 'days', days: 30 }, NOW)).toEqual({ removes: 2, eligible: 4 });
    expect(await applyRetention(archive, { mode: 'days', days: 30 }, NOW)).toBe(2);
    expect(await ids(archive)).toEqual(['cap-edge', 'cap-new', 'saved-ancient']);
  });

  it('does nothing with the unlimited policy', async () => {
    const archive = await archiveWith([{ id: 'cap', origin: 'captured', savedAt: 0 }]);
    expect(await previewRetention(archive, { mode: 'unlimited' }, NOW)).toEqual({ removes: 0, eligible: 1 });
    expect(await applyRetention(archive, { mode: 'unlimited' }, NOW)).toBe(0);
    expect(await ids(archive)).toEqual(['cap']);
  });

  it('removes in bounded batches, one transaction each, and tells the match index every removed id', async () => {
    const n = RETENTION_BATCH * 2 + 37;
    const rows = Array.from({ length: n }, (_, i) => ({
      id: `cap-${String(i).padStart(5, '0')}`,
      origin: 'captured' as const,
      savedAt: i,
    }));
    const archive = await archiveWith([...rows, { id: 'saved-0', origin: 'saved', savedAt: -1 }]);
    const changes: ArchiveChange[] = [];
    archive.onChange((c) => changes.push(c));
    const counter = await archive.changeCounter();
    expect(await applyRetention(archive, { mode: 'count', count: 10 }, NOW)).toBe(n - 10);
    expect(changes.map((c) => c.removed.length)).toEqual([RETENTION_BATCH, RETENTION_BATCH, 27]);
    expect(changes.every((c) => c.put.length === 0)).toBe(true);
    expect(await archive.changeCounter()).toBe(counter + 3);
    // The oldest went, the newest ten stayed, with the hand-saved one.
    expect(new Set(changes.flatMap((c) => c.removed))).toEqual(new Set(rows.slice(0, n - 10).map((r) => r.id)));
    expect(await ids(archive)).toEqual([...rows.slice(n - 10).map((r) => r.id), 'saved-0']);
  });

  it('runs after writes that add records and on demand, one run at a time, with the stored policy', async () => {
    const archive = await archiveWith([
      { id: 'cap-1', origin: 'captured', savedAt: 1 },
      { id: 'cap-2', origin: 'captured', savedAt: 2 },
      { id: 'cap-3', origin: 'captured', savedAt: 3 },
    ]);
    let policy: { mode: 'count'; count: number } | { mode: 'unlimited' } = { mode: 'unlimited' };
    const runner = new RetentionRunner(
      async () => policy,
      async () => archive,
      () => NOW,
    );
    expect(await runner.run()).toBe(0);
    policy = { mode: 'count', count: 1 };
    const [a, b] = [runner.run(), runner.run()];
    expect(a).toBe(b);
    expect(await a).toBe(2);
    expect(await ids(archive)).toEqual(['cap-3']);
  });
});
