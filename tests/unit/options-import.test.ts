import 'fake-indexeddb/auto';
import { gzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { handlers } from '../../src/background/handlers';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { CatalogStore } from '../../src/background/catalogStore';
import { TermBackgroundStore } from '../../src/background/termBackgroundStore';
import { createRouter } from '../../src/background/router';
import { toNdjson } from '../../src/core/records';
import type { ArticleRecord } from '../../src/core/types';
import type { MessageType, Request, Response } from '../../src/shared/messages';
import { exportArchive } from '../../src/options/exportArchive';
import { describeImport, importFile, type ImportProgress, type Send } from '../../src/options/importFile';
import { EXTENSION_ID, EXTENSION_ORIGIN, makeFakeBrowser } from './support/background-fake-browser';
import { offlineFeeds } from './support/feeds-helpers';

vi.mock('webextension-polyfill', () => ({ default: {} }));

let n = 0;
/** The options page's `send`, wired to the real router, handlers and archive (fake IndexedDB). */
async function backend(): Promise<{ archive: Archive; send: Send; sizes: number[] }> {
  const archive = new Archive(await openArchiveDb(`options-import-${++n}`));
  const matches = await MatchIndexStore.open(archive);
  const terms = await TermBackgroundStore.open(archive);
  const browser = makeFakeBrowser().browser;
  const catalog = await CatalogStore.open(archive);
  const deps = {
    browser,
    archive,
    matches,
    catalog: async () => catalog,
    terms,
    feeds: offlineFeeds(archive, browser),
    readSample: async () => '',
  };
  const route = createRouter(handlers, async () => deps, { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN });
  const sizes: number[] = [];
  const send = async <T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> => {
    sizes.push(JSON.stringify(payload).length);
    const reply = await route(structuredClone({ type, payload }), { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html` });
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as Response<T>;
  };
  return { archive, send, sizes };
}

const rec = (id: string, extra: Record<string, unknown> = {}): ArticleRecord => ({
  id,
  url: `https://x.example/${id}`,
  title: `T ${id}`,
  outlet: 'X',
  published: '2020-02-03',
  text: `Text ${id}.\n\nSecond paragraph.`,
  ...extra,
});
const file = (text: string | Uint8Array, name = 'f.ndjson') => Object.assign(new Blob([text as BlobPart]), { name });

async function dump(archive: Archive): Promise<string> {
  const page = await archive.exportPage(null, 10_000);
  return toNdjson(page.records);
}

describe('Importing a file from the options page', () => {
  it('streams, stages in batches and commits every record', async () => {
    const { archive, send, sizes } = await backend();
    const records = Array.from({ length: 7 }, (_, i) => rec(`r${i}`, { lean: 'left' }));
    const progress: ImportProgress[] = [];
    const outcome = await importFile(file(toNdjson(records)), send, { batchRecords: 3, onProgress: (p) => progress.push(p) });
    expect(outcome).toEqual({ ok: true, records: 7, summary: { added: 7, updated: 0 } });
    expect(await archive.count()).toBe(7);
    expect(progress.at(-1)).toMatchObject({ phase: 'saving', records: 7 });
    expect(sizes.length).toBe(1 + 3 + 1);
    expect(await archive.db.count('staging')).toBe(0);
  });

  it('reads .ndjson.gz and merges duplicates by canonical URL', async () => {
    const { archive, send } = await backend();
    await archive.importRecords([rec('a')]);
    const gz = gzipSync(
      new TextEncoder().encode(toNdjson([rec('copy-of-a', { url: 'https://www.x.example/a?utm_source=feed' }), rec('b')])),
    );
    const outcome = await importFile(file(gz, 'f.ndjson.gz'), send);
    expect(outcome).toEqual({ ok: true, records: 2, summary: { added: 1, updated: 1 } });
    expect(await archive.count()).toBe(2);
  });

  it('refuses a malformed file whole, with its line number, and leaves the archive unchanged', async () => {
    const { archive, send } = await backend();
    await archive.importRecords([rec('kept')]);
    const before = await dump(archive);
    const lines = toNdjson([rec('kept', { title: 'overwritten?' }), rec('a'), rec('b'), rec('c')]).split('\n');
    lines.splice(4, 0, '{"id":"bad","url":null,"title":"x","outlet":"y","published":"yesterday","text":"z"}');
    const outcome = await importFile(file(lines.join('\n')), send, { batchRecords: 2 });
    expect(outcome).toEqual({ ok: false, line: 5, reason: 'published is not an ISO date' });
    expect(describeImport(outcome, 'f.ndjson')).toBe(
      'f.ndjson was refused at line 5: published is not an ISO date. Nothing was imported; the archive is unchanged.',
    );
    expect(await dump(archive)).toBe(before);
    expect(await archive.db.count('staging')).toBe(0);
    expect(await archive.db.count('imports')).toBe(0);
  });

  it('refuses invalid JSON, a damaged gzip file and an empty file', async () => {
    const { archive, send } = await backend();
    expect(await importFile(file(`${toNdjson([rec('a')])}{"id": "b",\n`), send)).toMatchObject({
      ok: false,
      line: 2,
      reason: expect.stringContaining('invalid JSON'),
    });
    const gz = gzipSync(new TextEncoder().encode(toNdjson([rec('a')])));
    expect(await importFile(file(gz.slice(0, gz.length - 12)), send)).toMatchObject({ ok: false });
    expect(await importFile(file('\n\n'), send)).toEqual({ ok: false, reason: 'The file holds no records.' });
    expect(await archive.count()).toBe(0);
  });

  it('a cancelled import changes nothing', async () => {
    const { archive, send } = await backend();
    const controller = new AbortController();
    const outcome = await importFile(file(toNdjson(Array.from({ length: 5 }, (_, i) => rec(`r${i}`)))), send, {
      batchRecords: 1,
      onProgress: () => controller.abort(),
      signal: controller.signal,
    });
    expect(outcome).toMatchObject({ ok: false, cancelled: true });
    expect(await archive.count()).toBe(0);
    expect(await archive.db.count('staging')).toBe(0);
  });

  it('keeps every message far below the 64 MB limit', async () => {
    const { send, sizes } = await backend();
    const big = 'x'.repeat(300_000);
    const records = Array.from({ length: 12 }, (_, i) => rec(`big${i}`, { text: big }));
    const outcome = await importFile(file(toNdjson(records)), send, { batchChars: 1_000_000 });
    expect(outcome).toMatchObject({ ok: true, records: 12 });
    expect(sizes.length).toBeGreaterThan(4);
    expect(Math.max(...sizes)).toBeLessThan(1_400_000);
  });

  it('an export imports again into an identical archive', async () => {
    const first = await backend();
    const records = [
      rec('ecb:1', { story: '1ecb', topic: 1 }),
      rec('abp:2', { lean: 'right', url: null, published: null }),
      rec('seed:x', { text: 'Ünïcödé “quotes” — 😀' }),
    ];
    await first.archive.importRecords(records);
    const { blob, records: count } = await exportArchive(first.send);
    expect(count).toBe(3);
    const second = await backend();
    expect(await importFile(file(await blob.text()), second.send)).toMatchObject({ ok: true, summary: { added: 3, updated: 0 } });
    expect(await dump(second.archive)).toBe(await dump(first.archive));
    expect(await dump(first.archive)).toBe(await blob.text());
  });
});
