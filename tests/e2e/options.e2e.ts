/**
 * The options page in the built extension (dist-test/) in Debian's Chromium: load the
 * sample archive, search, delete (with its confirmation), refuse a malformed file whole, import gzip, export and
 * re-import to an identical archive.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuite, stopServiceWorker, type ExtensionSession, type Problems, type SuiteSession } from './harness';
import { openExtensionPage, SAMPLE_COUNT, sendMessage as sendFrom } from './pages';

/** Page object: the options page, by data-testid. */
class OptionsPage {
  constructor(readonly page: Page) {}
  static async open(extension: ExtensionSession): Promise<OptionsPage> {
    return new OptionsPage(await openExtensionPage(extension, 'options.html'));
  }
  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }
  async count(): Promise<number> {
    const text = await this.byTestId('archive-count').innerText();
    return Number(text.replace(/\D/g, ''));
  }
  rows(): Locator {
    return this.byTestId('archive-row');
  }
  async search(query: string): Promise<void> {
    await this.byTestId('archive-search').fill(query);
  }
  async importFile(name: string, content: string | Uint8Array): Promise<void> {
    await this.byTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
  }
  async exportText(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.byTestId('export').click();
    const file = await (await download).path();
    return readFileSync(file, 'utf8');
  }
}

let extension: ExtensionSession;
let problems: Problems;
let options: OptionsPage;
let suite: SuiteSession;

beforeAll(async () => {
  ({ extension, problems } = suite = await startSuite());
  options = await OptionsPage.open(extension);
});

afterAll(() => suite?.close());

describe('the options page', () => {
  it('starts empty and says what to do next', async () => {
    await expect.poll(() => options.count()).toBe(0);
    await expect
      .poll(() => options.page.locator('.empty').innerText())
      .toContain('Load the sample archive, import a file, or save articles from the popup');
  });

  it('loads the sample archive and shows its count, only the rows in view', async () => {
    await options.byTestId('load-sample').click();
    await expect.poll(() => options.count(), { timeout: 20_000 }).toBe(SAMPLE_COUNT);
    await expect.poll(() => options.byTestId('list-count').innerText(), { timeout: 20_000 }).toBe(`${SAMPLE_COUNT} articles`);
    // The list is virtualised: rows in view (plus a few) are in the DOM, not all of them.
    await expect.poll(() => options.rows().count()).toBeGreaterThan(5);
    expect(await options.rows().count()).toBeLessThan(SAMPLE_COUNT);
    await expect.poll(() => options.byTestId('import-status').innerText()).toContain(`${SAMPLE_COUNT} new`);
    // Loading it again updates, never duplicates.
    await options.byTestId('load-sample').click();
    await expect.poll(() => options.byTestId('import-status').innerText()).toContain('0 new');
    expect(await options.count()).toBe(SAMPLE_COUNT);
  });

  it('searches headlines, outlets and text', async () => {
    await options.search('Xinjiang');
    await expect.poll(() => options.rows().count()).toBeLessThan(10);
    const rows = await options.rows().allInnerTexts();
    expect(rows.join('\n')).toContain('Daily Mail');
    expect(rows.join('\n')).toContain('CBC News');
    await options.search('no such words anywhere qqq');
    await expect.poll(() => options.rows().count()).toBe(0);
    await options.search('');
    await expect.poll(() => options.byTestId('list-count').innerText()).toBe(`${SAMPLE_COUNT} articles`);
  });

  it('deletes the selected rows', async () => {
    const first = await options.rows().nth(0).getAttribute('data-id');
    await options.rows().nth(0).getByTestId('row-select').check();
    await options.rows().nth(1).getByTestId('row-select').check();
    await options.byTestId('delete-selected').click();
    await options.byTestId('confirm-delete-yes').click();
    await expect.poll(() => options.count()).toBe(SAMPLE_COUNT - 2);
    await expect.poll(() => options.rows().first().getAttribute('data-id')).not.toBe(first);
    expect(await options.byTestId('delete-selected').isDisabled()).toBe(true);
  });

  it('refuses a malformed file whole, naming the line, and changes nothing', async () => {
    const before = await options.exportText();
    const good = (id: string) =>
      JSON.stringify({ id, url: `https://e2e.example/${id}`, title: `E2E ${id}`, outlet: 'E2E', published: '2024-01-01', text: 'Body.' });
    await options.importFile('bad.ndjson', [good('e2e:1'), good('e2e:2'), '{"id": "e2e:3", "title": ', good('e2e:4')].join('\n'));
    await expect.poll(() => options.byTestId('error').innerText()).toMatch(/bad\.ndjson was refused at line 3: invalid JSON/);
    expect(await options.count()).toBe(SAMPLE_COUNT - 2);
    expect(await options.exportText()).toBe(before);
  });

  it('imports a gzip file', async () => {
    const lines = ['gz:1', 'gz:2', 'gz:3'].map((id) =>
      JSON.stringify({ id, url: null, title: `Gzip ${id}`, outlet: 'GZ', published: null, text: 'Compressed body.', lean: 'center' }),
    );
    await options.importFile('three.ndjson.gz', gzipSync(new TextEncoder().encode(lines.join('\n'))));
    await expect
      .poll(() => options.byTestId('import-status').innerText())
      .toContain('Imported 3 records from three.ndjson.gz: 3 new, 0 updated.');
    await expect.poll(() => options.count()).toBe(SAMPLE_COUNT + 1);
  });

  it('has no accessibility violations (axe, WCAG 2 AA), in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page: options.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id} (${v.nodes.length})`)).toEqual([]);
    }
    await options.page.emulateMedia({ colorScheme: 'light' });
  });

  it('exports the archive and re-importing the export restores it identically', async () => {
    const exported = await options.exportText();
    expect(exported.trim().split('\n')).toHaveLength(SAMPLE_COUNT + 1);
    expect(exported).toContain('"lean":"center"');
    await options.rows().nth(0).getByTestId('row-select').check();
    await options.byTestId('delete-selected').click();
    await options.byTestId('confirm-delete-yes').click();
    await expect.poll(() => options.count()).toBe(SAMPLE_COUNT);
    await options.importFile('framelens-archive.ndjson', exported);
    await expect.poll(() => options.byTestId('import-status').innerText()).toContain(`1 new, ${SAMPLE_COUNT} updated`);
    await expect.poll(() => options.count()).toBe(SAMPLE_COUNT + 1);
    expect(await options.exportText()).toBe(exported);
    expect(problems.all()).toEqual([]);
  });
});

describe('a staged import when the service worker is stopped', () => {
  const rec = (id: string) => ({
    id,
    url: `https://stop.example/${id}`,
    title: `Stopped ${id}`,
    outlet: 'Stop',
    published: '2024-02-02',
    text: `Body ${id}.`,
  });

  it('carries on where it was after the worker restarts, and commits everything', async () => {
    const before = await options.count();
    const start = await sendFrom(options.page, 'archive/importStart', { source: 'e2e' });
    const importId = String(start.data?.importId);
    expect((await sendFrom(options.page, 'archive/importBatch', { importId, records: [rec('s1'), rec('s2')] })).data).toEqual({
      staged: 2,
    });
    await stopServiceWorker(extension.context);
    expect((await sendFrom(options.page, 'archive/importBatch', { importId, records: [rec('s3')] })).data).toEqual({ staged: 3 });
    expect((await sendFrom(options.page, 'archive/stats', {})).data?.count).toBe(before);
    expect((await sendFrom(options.page, 'archive/importCommit', { importId })).data).toEqual({ added: 3, updated: 0 });
    expect((await sendFrom(options.page, 'archive/stats', {})).data?.count).toBe(before + 3);
  });

  it('leaves the archive unchanged when the import is abandoned after a restart', async () => {
    const exported = await options.exportText();
    const start = await sendFrom(options.page, 'archive/importStart', { source: 'e2e' });
    const importId = String(start.data?.importId);
    await sendFrom(options.page, 'archive/importBatch', { importId, records: [rec('s1'), rec('never')] });
    await stopServiceWorker(extension.context);
    expect((await sendFrom(options.page, 'archive/importAbort', { importId })).data).toEqual({ discarded: 2 });
    expect(await options.exportText()).toBe(exported);
    expect(problems.all()).toEqual([]);
  });
});
