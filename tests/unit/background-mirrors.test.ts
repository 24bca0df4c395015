import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Archive } from '../../src/background/archive';
import { ArchiveMirror } from '../../src/background/archiveMirror';
import { CatalogStore } from '../../src/background/catalogStore';
import { CHANGE_LOG_ROWS, changesSince, snapshotWritten } from '../../src/background/changeLog';
import { openArchiveDb } from '../../src/background/db';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { inForeground } from '../../src/background/mirror';
import { ArchiveCatalog } from '../../src/core/search/catalog';
import type { ArticleRecord } from '../../src/core/types';

let n = 0;
const fresh = async () => new Archive(await openArchiveDb(`mirrors-${++n}`));
const rec = (i: number): ArticleRecord => ({
  id: `r${i}`,
  url: `https://n.example/${i}`,
  title: `Report ${i}`,
  outlet: 'O',
  published: '2021-01-02',
  text: `The council voted on item ${i} of the harbour budget and the library roof.`,
});

describe('the change log', () => {
  it('gives each id its last state since a counter, and null when it does not reach back that far', async () => {
    const archive = await fresh();
    await archive.importRecords([rec(1), rec(2)]);
    await archive.delete(['r1']);
    await archive.importRecords([rec(1), rec(3)]);
    await archive.delete(['r3']);
    expect(await changesSince(archive.db, 0, 4)).toEqual({ put: ['r1', 'r2'], removed: ['r3'] });
    expect(await changesSince(archive.db, 2, 4)).toEqual({ put: ['r1'], removed: ['r3'] });
    expect(await changesSince(archive.db, 4, 4)).toEqual({ put: [], removed: [] });
    await snapshotWritten(archive.db, 'matchIndex', 2);
    expect(await changesSince(archive.db, 0, 4)).toBeNull();
    expect(await changesSince(archive.db, 2, 4)).toEqual({ put: ['r1'], removed: ['r3'] });
  });

  it('is kept from the oldest stored snapshot on, and capped', async () => {
    const archive = await fresh();
    for (let i = 0; i < 4; i++) await archive.importRecords([rec(i)]);
    await snapshotWritten(archive.db, 'catalog', 1);
    await snapshotWritten(archive.db, 'matchIndex', 4);
    expect(await archive.db.getAllKeys('changeLog')).toEqual([2, 3, 4]);
    await snapshotWritten(archive.db, 'matchIndex', CHANGE_LOG_ROWS + 3);
    expect(await archive.db.getAllKeys('changeLog')).toEqual([4]);
  });
});

describe('the mirrors', () => {
  it('index a bulk change in turn: the catalog starts once the match index has caught up', async () => {
    const archive = await fresh();
    const matches = await MatchIndexStore.open(archive);
    const catalog = await CatalogStore.open(archive, undefined, () => matches.caughtUp());
    await matches.caughtUp();
    await catalog.caughtUp();
    await archive.importRecords(Array.from({ length: 400 }, (_, i) => rec(i)));
    let turns = 0;
    while (matches.progress()) {
      expect(catalog.progress()).toEqual({ indexed: 0, total: 400 });
      await new Promise((resolve) => setTimeout(resolve, 0));
      turns++;
    }
    expect(turns).toBeGreaterThan(0);
    await catalog.caughtUp();
    expect(catalog.list({}).total).toBe(400);
    expect(matches.size).toBe(400);
  });

  it('step aside while a message is answered, unless the message awaits the catch-up itself', async () => {
    const archive = await fresh();
    const matches = await MatchIndexStore.open(archive);
    await archive.importRecords(Array.from({ length: 1500 }, (_, i) => rec(i)));
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const indexed = () => matches.progress()?.indexed ?? 1500;
    await inForeground(async () => {
      await sleep(60);
      const paused = indexed();
      await sleep(200);
      expect(indexed()).toBe(paused);
      expect(paused).toBeLessThan(1500);
    });
    // A search behind a small catch-up waits for it, and indexing goes on meanwhile.
    await inForeground(() => matches.caughtUp());
    expect(matches.progress()).toBeNull();
    expect(matches.size).toBe(1500);
  });
});

/** A mirror of the archive's ids whose end-of-drain step waits for the test. */
class IdMirror extends ArchiveMirror {
  ids = new Set<string>();
  gate: Promise<void> | null = null;
  /** What each drain's end was told it changed. */
  drained: number[] = [];

  constructor(archive: Archive) {
    super(archive, { key: 'catalog', label: 'test mirror', measureSuffix: '-test', persistDelayMs: 10, keepAlive: () => undefined });
  }

  protected readSnapshot(snapshot: unknown): boolean {
    this.ids = new Set(snapshot as string[]);
    return true;
  }
  protected writeSnapshot(): unknown {
    return [...this.ids];
  }
  protected reset(): void {
    this.ids = new Set();
  }
  protected put(record: ArticleRecord): void {
    this.ids.add(record.id);
  }
  protected drop(id: string): void {
    this.ids.delete(id);
  }
  protected override async afterDrain(changed: number): Promise<void> {
    this.drained.push(changed);
    await this.gate;
  }
}

describe('a mirror draining its queue', () => {
  it('applies a write that commits while the drain is ending, without waiting for another write', async () => {
    const archive = await fresh();
    const mirror = new IdMirror(archive);
    await mirror.caughtUp();
    let open = () => undefined as void;
    mirror.gate = new Promise<void>((resolve) => (open = resolve));
    await archive.importRecords([rec(1)]);
    await vi.waitFor(() => expect(mirror.ids.has('r1')).toBe(true));
    // The drain has applied its queue and waits in its last step; a save commits now.
    await archive.importRecords([rec(2)]);
    mirror.gate = null;
    open();
    await mirror.caughtUp();
    expect([...mirror.ids].sort()).toEqual(['r1', 'r2']);
    expect(mirror.pending).toBe(0);
    expect(mirror.drained).toEqual([0, 1, 1]);
  });

  it('tells the end of a drain how many records it put and removed (a bulk change is compacted after)', async () => {
    const archive = await fresh();
    await archive.importRecords([rec(1), rec(2)]);
    const mirror = new IdMirror(archive);
    await mirror.caughtUp();
    await archive.importRecords([rec(3), rec(4), rec(5)]);
    await archive.delete(['r1']);
    await mirror.caughtUp();
    expect(mirror.drained.reduce((a, b) => a + b)).toBe(2 + 3 + 1);
  });
});

describe('a mirror that cannot be rebuilt', () => {
  it('makes the list say so instead of listing part of the archive', async () => {
    const archive = await fresh();
    await archive.importRecords([rec(1), rec(2)]);
    const add = vi.spyOn(ArchiveCatalog.prototype, 'add').mockImplementation(() => {
      throw new RangeError('no room');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const catalog = await CatalogStore.open(archive);
      await expect(catalog.caughtUp()).rejects.toThrow(/could not index its archive \(no room\)/);
      expect(() => catalog.list({})).toThrow(/could not index its archive/);
      expect(error).toHaveBeenCalled();
      // Later writes are not indexed into it either; nothing is saved of it.
      await archive.importRecords([rec(3)]);
      expect(catalog.progress()).toBeNull();
      expect(await catalog.persist()).toBe(false);
    } finally {
      add.mockRestore();
      error.mockRestore();
    }
  });
});
