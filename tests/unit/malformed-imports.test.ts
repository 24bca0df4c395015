/**
 * Malformed archive files through the options page's own import path
 * (src/options/importFile.ts: streamed, gzip-aware, staged batches) wired to the real
 * router, handlers and archive on fake IndexedDB. Over 1,000 generated files
 * (scripts/make-malformed.ts, seeded) are each refused whole, with a reason that names
 * the line when one line is at fault; the archive, its staging area and Object.prototype
 * are unchanged afterwards. Edge cases a careful exporter produces (BOM, CRLF, blank lines,
 * extra fields, a last line without newline) still import.
 */
import 'fake-indexeddb/auto';
import { gzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Archive } from '../../src/background/archive';
import { openArchiveDb } from '../../src/background/db';
import { handlers } from '../../src/background/handlers';
import { MatchIndexStore } from '../../src/background/matchIndexStore';
import { CatalogStore } from '../../src/background/catalogStore';
import { createRouter } from '../../src/background/router';
import { TermBackgroundStore } from '../../src/background/termBackgroundStore';
import { toNdjson } from '../../src/core/records';
import type { MessageType, Request, Response } from '../../src/shared/messages';
import { describeImport, importFile, type Send } from '../../src/options/importFile';
import { malformedFiles, validRecord } from '../../scripts/make-malformed';
import { EXTENSION_ID, EXTENSION_ORIGIN, makeFakeBrowser } from './support/background-fake-browser';
import { offlineFeeds } from './support/feeds-helpers';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const SEED = 20_261_122;
const COUNT = 1000;

let archive: Archive;
let send: Send;
let before: string;

async function dump(): Promise<string> {
  return toNdjson((await archive.exportPage(null, 10_000)).records);
}

const file = (bytes: Uint8Array | string, name: string) => Object.assign(new Blob([bytes as BlobPart]), { name });

beforeAll(async () => {
  archive = new Archive(await openArchiveDb('malformed-imports'));
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
  send = async <T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> => {
    const reply = await route(structuredClone({ type, payload }), { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html` });
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as Response<T>;
  };
  // Records the malformed files reuse the ids of ("f3-r0"...): an import that half-landed would show.
  await archive.importRecords([
    validRecord('kept-1'),
    validRecord('f0-r0', { title: 'Original f0-r0' }),
    validRecord('f1-r0', { title: 'Original f1-r0' }),
  ]);
  before = await dump();
});

describe(`${COUNT}+ malformed files (seed ${SEED})`, () => {
  const files = malformedFiles({ count: COUNT, seed: SEED });

  it('are refused whole, each with a reason and the line at fault, and the archive is unchanged', async () => {
    expect(files.length).toBeGreaterThanOrEqual(1000);
    const lineDefects = new Set<string>();
    for (const [i, f] of files.entries()) {
      const context = `file ${i} (${f.name}: ${f.defect})`;
      // Small batches, so most refusals come after something was already staged.
      const outcome = await importFile(file(f.bytes, f.name), send, { batchRecords: 3 });
      expect(outcome.ok, context).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.reason, context).toMatch(f.reason);
      expect(outcome.reason.length, `${context}: ${outcome.reason.slice(0, 200)}`).toBeLessThanOrEqual(400);
      if (f.line !== undefined) {
        expect(outcome.line, `${context}: ${outcome.reason}`).toBe(f.line);
        expect(describeImport(outcome, f.name)).toContain(`${f.name} was refused at line ${f.line}: `);
        lineDefects.add(f.defect);
      }
      expect(describeImport(outcome, f.name), context).toMatch(/Nothing was imported; the archive is unchanged\.$/);
    }
    expect(lineDefects.size).toBeGreaterThan(30);
    expect(await dump()).toBe(before);
    expect(await archive.db.count('staging')).toBe(0);
    expect(await archive.db.count('imports')).toBe(0);
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 600_000);
});

describe('valid edge cases still import', () => {
  const cases: Array<[string, string | Uint8Array, number]> = [
    ['a UTF-8 byte order mark', `\ufeff${toNdjson([validRecord('bom-1'), validRecord('bom-2')])}`, 2],
    ['CRLF line ends', toNdjson([validRecord('crlf-1'), validRecord('crlf-2')]).replaceAll('\n', '\r\n'), 2],
    [
      'blank and whitespace-only lines',
      `\n\n${JSON.stringify(validRecord('blank-1'))}\n   \n\t\n${JSON.stringify(validRecord('blank-2'))}\n\n`,
      2,
    ],
    ['no newline after the last record', toNdjson([validRecord('eof-1'), validRecord('eof-2')]).trimEnd(), 2],
    [
      'extra fields, nested ones too',
      toNdjson([validRecord('extra-1', { lean: 'left', topic: 7, labels: { frame: ['economic'], score: 0.5 } })]),
      1,
    ],
    [
      'null url and published, optional story and lang',
      toNdjson([validRecord('nulls-1', { url: null, published: null, story: null, lang: null })]),
      1,
    ],
    [
      'text that looks like HTML and every script',
      toNdjson([
        validRecord('scripts-1', {
          title: '<img src=x onerror=alert(1)> 市议会 مجلس \u202eoped',
          text: '<script>alert(1)</script>\n\nZero\u200bwidth. 😀',
        }),
      ]),
      1,
    ],
    [
      'a gzip file with a BOM and CRLF',
      gzipSync(new TextEncoder().encode(`\ufeff${toNdjson([validRecord('gzbom-1')]).replaceAll('\n', '\r\n')}`)),
      1,
    ],
    ['leading and trailing spaces around a record', `   ${JSON.stringify(validRecord('spaces-1'))}   \n`, 1],
  ];
  for (const [what, content, records] of cases) {
    it(what, async () => {
      const name = typeof content === 'string' ? 'edge.ndjson' : 'edge.ndjson.gz';
      const outcome = await importFile(file(content, name), send);
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, records });
    });
  }

  it('kept the extra fields and the text exactly', async () => {
    expect((await archive.get('extra-1')) as unknown).toMatchObject({
      lean: 'left',
      topic: 7,
      labels: { frame: ['economic'], score: 0.5 },
    });
    expect((await archive.get('scripts-1'))?.title).toBe('<img src=x onerror=alert(1)> 市议会 مجلس \u202eoped');
  });
});
