import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { inForeground } from '../../src/background/mirror';
import { MatchIndex } from '../../src/core/match';
import type { ArticleRecord } from '../../src/core/types';

const story = (id: string, title: string, text: string): ArticleRecord => ({
  id,
  url: `https://n.example/${id}`,
  title,
  outlet: id.split('-')[0]!,
  published: '2021-03-04',
  text,
});
const quake =
  'A magnitude 6.1 earthquake struck West Papua province in Indonesia on Sunday, killing five people and injuring dozens, officials said.';
const heist =
  'Four armed robbers, two dressed as women, stole jewels worth 80 million euros from the Harry Winston store in Paris on Thursday, police said.';
const records = [
  story('reuters-quake', 'Indonesia quake kills five', quake),
  story('ap-quake', 'Five dead in Papua earthquake', quake.replace('Sunday', 'Sunday morning')),
  story('afp-heist', 'Paris jewel heist', heist),
];

let n = 0;
async function archiveWith(rs: ArticleRecord[]): Promise<Archive> {
  const archive = new Archive(await openArchiveDb(`match-index-${++n}`));
  if (rs.length) await archive.importRecords(rs);
  return archive;
}

afterEach(() => vi.restoreAllMocks());

describe('MatchIndexStore', () => {
  it('builds from the archive and follows saves, imports and deletes as they commit', async () => {
    const archive = await archiveWith(records.slice(0, 1));
    const matches = await MatchIndexStore.open(archive);
    await matches.caughtUp();
    expect(matches.size).toBe(1);
    await archive.importRecords(records.slice(1));
    expect((await matches.search(records[0]!, 5, [records[0]!.id]))[0]?.id).toBe('ap-quake');
    expect(matches.size).toBe(3);
    await archive.delete(['ap-quake']);
    expect((await matches.search(records[0]!, 5, [records[0]!.id])).map((r) => r.id)).not.toContain('ap-quake');
    expect(matches.size).toBe(2);
  });

  it('stores a snapshot with the change counter and reuses it when current', async () => {
    const archive = await archiveWith(records);
    const first = await MatchIndexStore.open(archive);
    await first.caughtUp();
    expect(await first.persist()).toBe(true);
    const snapshot = await archive.db.get('meta', 'matchIndex');
    expect(snapshot).toMatchObject({ key: 'matchIndex', changes: await archive.changeCounter() });
    const fromJSON = vi.spyOn(MatchIndex, 'fromJSON');
    const again = await MatchIndexStore.open(new Archive(archive.db));
    expect(fromJSON).toHaveBeenCalledTimes(1);
    expect(again.size).toBe(3);
  });

  it('catches up from the change log when the snapshot is behind (the worker stopped before writing it)', async () => {
    const archive = await archiveWith(records.slice(0, 2));
    const first = await MatchIndexStore.open(archive);
    await first.caughtUp();
    await first.persist();
    // Another worker life: writes commit, then the worker is stopped before the snapshot.
    await new Archive(archive.db).importRecords(records.slice(2));
    await new Archive(archive.db).delete(['ap-quake']);
    const fromJSON = vi.spyOn(MatchIndex, 'fromJSON');
    const behind = await MatchIndexStore.open(new Archive(archive.db));
    expect(fromJSON).toHaveBeenCalledTimes(1);
    // Only the record put since the snapshot is read, not the archive.
    expect(behind.pending).toBe(1);
    await behind.caughtUp();
    expect(behind.size).toBe(2);
    expect((await behind.search(records[0]!, 5, [])).map((r) => r.id)).toEqual(['afp-heist']);
    expect(await behind.persist()).toBe(true);
  });

  it('catches up from an empty snapshot: the worker stopped after the first import, before its snapshot was written', async () => {
    // A fresh profile: the worker stores the empty index's snapshot at counter 0.
    const archive = await archiveWith([]);
    const first = await MatchIndexStore.open(archive);
    await first.caughtUp();
    expect(await first.persist()).toBe(true);
    // The sample is imported, then the worker is stopped before the next snapshot.
    await new Archive(archive.db).importRecords(records);
    // The woken worker restores the empty snapshot, catches up from the change log, and a
    // save that wakes it lands meanwhile.
    const woken = new Archive(archive.db);
    const warn = vi.spyOn(console, 'warn');
    const matches = MatchIndexStore.start(woken);
    const saving = woken.save({ ...records[2]!, id: 'x', url: 'https://n.example/heist-again', words: 20, sources: {} } as never);
    const hits = await matches.search(records[0]!, 5, [records[0]!.id]);
    await saving;
    expect(hits[0]?.id).toBe('ap-quake');
    await matches.caughtUp();
    expect(matches.size).toBe(4);
    // Caught up from the change log as it is, without a rebuild to recover.
    expect(warn).not.toHaveBeenCalled();
    expect(await matches.persist()).toBe(true);
  });

  it('rebuilds from the archive when a change cannot be applied, and says so when even that fails', async () => {
    const archive = await archiveWith(records.slice(0, 1));
    const first = await MatchIndexStore.open(archive);
    await first.caughtUp();
    await first.persist();
    await new Archive(archive.db).importRecords(records.slice(1));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const add = vi.spyOn(MatchIndex.prototype, 'add').mockImplementationOnce(() => {
      throw new RangeError('offset is out of bounds');
    });
    const recovered = MatchIndexStore.start(new Archive(archive.db));
    expect((await recovered.search(records[0]!, 5, [records[0]!.id]))[0]?.id).toBe('ap-quake');
    expect(recovered.size).toBe(3);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not apply a change; rebuilding/), expect.any(RangeError));
    add.mockImplementation(() => {
      throw new RangeError('offset is out of bounds');
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = MatchIndexStore.start(new Archive(archive.db));
    await expect(broken.search(records[0]!, 5, [])).rejects.toThrow(/could not index its archive \(offset is out of bounds\)/);
    expect(await broken.persist()).toBe(false);
  });

  it('rebuilds from the records when the change log does not reach back to the snapshot', async () => {
    const archive = await archiveWith(records.slice(0, 2));
    const first = await MatchIndexStore.open(archive);
    await first.caughtUp();
    await first.persist();
    await new Archive(archive.db).importRecords(records.slice(2));
    await archive.db.clear('changeLog');
    const rebuilt = await MatchIndexStore.open(new Archive(archive.db));
    expect(rebuilt.pending).toBe(3);
    await rebuilt.caughtUp();
    expect(rebuilt.size).toBe(3);
  });

  it('keeps the change log only from the oldest stored snapshot on', async () => {
    const archive = await archiveWith(records.slice(0, 1));
    const matches = await MatchIndexStore.open(archive);
    await archive.importRecords(records.slice(1, 2));
    await archive.importRecords(records.slice(2));
    await matches.caughtUp();
    expect((await archive.db.getAllKeys('changeLog')).length).toBe(3);
    expect(await matches.persist()).toBe(true);
    expect(await archive.db.getAllKeys('changeLog')).toEqual([]);
    expect(await archive.db.get('meta', 'snapshotsAt')).toEqual({ key: 'snapshotsAt', at: { matchIndex: 3 } });
  });

  it('answers from the articles indexed so far during a bulk catch-up, and says how far it is', async () => {
    const many = Array.from({ length: 600 }, (_, i) =>
      story(
        `council-${String(i).padStart(4, '0')}`,
        `Council meeting ${i}`,
        `The council met on item ${i} and voted on the budget for parks and libraries.`,
      ),
    );
    const archive = await archiveWith(records);
    const matches = await MatchIndexStore.open(archive);
    await matches.caughtUp();
    await archive.importRecords(many);
    expect(matches.progress()?.total).toBe(600);
    const hits = await matches.search(records[0]!, 5, [records[0]!.id]);
    expect(hits[0]?.id).toBe('ap-quake');
    const during = matches.progress();
    expect(during?.total).toBe(600);
    expect(during!.indexed).toBeLessThan(600);
    await matches.caughtUp();
    expect(matches.progress()).toBeNull();
    expect(matches.size).toBe(603);
  });

  it('waits a quarter of a second at most for a small catch-up, then answers from what is indexed', async () => {
    const archive = await archiveWith(records);
    const matches = await MatchIndexStore.open(archive);
    await matches.caughtUp();
    // A loaded machine: each article takes 10 ms to index, so 100 of them take a second.
    const add = MatchIndex.prototype.add;
    vi.spyOn(MatchIndex.prototype, 'add').mockImplementation(function (this: MatchIndex, ...args: Parameters<MatchIndex['add']>) {
      const until = performance.now() + 10;
      while (performance.now() < until);
      return add.apply(this, args);
    });
    await archive.importRecords(
      Array.from({ length: 100 }, (_, i) => story(`council-${i}`, `Council ${i}`, `The council met on item ${i}.`)),
    );
    const hits = await matches.search(records[0]!, 5, [records[0]!.id]);
    expect(hits[0]?.id).toBe('ap-quake');
    const during = matches.progress();
    expect(during?.total).toBe(100);
    expect(during!.indexed).toBeLessThan(100);
    // Once the answer is out, indexing steps aside for the next message again.
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await inForeground(async () => {
      await sleep(60);
      const paused = matches.progress()?.indexed;
      await sleep(200);
      expect(matches.progress()?.indexed).toBe(paused);
    });
    await matches.caughtUp();
    expect(matches.size).toBe(103);
  });

  it('does not store a snapshot that is behind the archive', async () => {
    const archive = await archiveWith(records.slice(0, 1));
    const matches = await MatchIndexStore.open(archive);
    await matches.caughtUp();
    await new Archive(archive.db).importRecords(records.slice(1));
    expect(await matches.persist()).toBe(false);
  });

  it('rebuilds when the snapshot cannot be read', async () => {
    const archive = await archiveWith(records);
    await archive.db.put('meta', { key: 'matchIndex', changes: await archive.changeCounter(), snapshot: { garbage: true } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const matches = await MatchIndexStore.open(archive);
    await matches.caughtUp();
    expect(matches.size).toBe(3);
  });

  it('rebuilds a large archive page by page, with writes made meanwhile applied after', async () => {
    const many = Array.from({ length: 1203 }, (_, i) =>
      story(`wire-${String(i).padStart(4, '0')}`, `Story ${i}`, `${i % 2 ? quake : heist} Item ${i}.`),
    );
    const archive = await archiveWith(many);
    const matches = await MatchIndexStore.open(archive);
    await archive.delete(['wire-0000']);
    await archive.importRecords(records);
    await matches.caughtUp();
    expect(matches.size).toBe(1202 + 3);
    expect(await matches.persist()).toBe(true);
  });

  it('persists only once the queue is drained', async () => {
    const archive = await archiveWith(records);
    const matches = await MatchIndexStore.open(archive);
    expect(await matches.persist()).toBe(false);
    await matches.caughtUp();
    expect(await matches.persist()).toBe(true);
  });
});
