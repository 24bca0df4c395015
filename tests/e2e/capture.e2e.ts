/**
 * Auto-capture and retention in the built extension (dist-test/) in Chromium:
 * off by default (visiting pages saves nothing and sends nothing), turned on by clicking
 * the switch (the test build already holds host access to 127.0.0.1, so the browser asks
 * nothing), news fixture pages captured with origin 'captured', a section front and a
 * blocked domain passed over, off again stops it, the popup says a page was captured, and
 * retention removes the oldest automatically gathered records while keeping hand-saved ones.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopupFor, startSuite, type ExtensionSession, type FixtureServer, type Problems, type SuiteSession } from './harness';
import { openExtensionPage, sendMessage } from './pages';

let extension: ExtensionSession;
let server: FixtureServer;
let problems: Problems;
let network: SuiteSession['network'];
let options: Page;
let suite: SuiteSession;

/** Sends a protocol message from the options page, as its own code would. */
async function sendFrom<T>(type: string, payload: unknown): Promise<T> {
  const reply = await sendMessage(options, type, payload);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as T;
}

const origins = async () => (await sendFrom<{ counts: Record<string, number> }>('archive/origins', {})).counts;
const captured = async () => (await origins()).captured ?? 0;

/** Opens a fixture page in a new tab and waits until it has loaded; returns the tab. */
async function visit(slug: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(server.url(slug), { waitUntil: 'load' });
  return page;
}

/** Long enough for a capture that was going to happen to have happened (one takes well under a second here). */
const settle = (page: Page) => page.waitForTimeout(2500);

beforeAll(async () => {
  ({ extension, fixtures: server, problems, network } = suite = await startSuite());
  options = await openExtensionPage(extension, 'options.html');
  await options.getByTestId('capture-settings').waitFor();
});

afterAll(() => suite?.close());

describe('auto-capture', () => {
  it('is off by default: visiting news pages saves nothing and the extension sends nothing', async () => {
    expect(await options.getByTestId('capture-toggle').isChecked()).toBe(false);
    const pages = [await visit('cbc-xinjiang-un'), await visit('section-front-world')];
    await settle(pages[0]!);
    expect(await sendFrom<{ count: number }>('archive/stats', {})).toMatchObject({ count: 0 });
    expect(network.fromExtension()).toEqual([]);
    for (const page of pages) await page.close();
  });

  it('turns on with a click and captures a news page the reader visits', async () => {
    await options.getByTestId('capture-toggle').click();
    await expect.poll(() => options.getByTestId('capture-toggle').isChecked()).toBe(true);
    const page = await visit('cbc-xinjiang-un');
    await expect.poll(captured, { timeout: 15_000 }).toBe(1);
    expect(await origins()).toEqual({ captured: 1 });
    await expect
      .poll(() => options.getByTestId('captured-count').innerText())
      .toContain('1 article in the archive was captured automatically');
    await expect.poll(() => options.getByTestId('capture-last').innerText()).toContain('Xinjiang');
    await page.close();
  });

  it('passes over a page that is not a news article', async () => {
    const front = await visit('section-front-world');
    // A news page visited after it: once that one is in, the section front had its turn.
    const news = await visit('dailymail-xinjiang-eu');
    await expect.poll(captured, { timeout: 15_000 }).toBe(2);
    await settle(news);
    expect(await origins()).toEqual({ captured: 2 });
    await front.close();
    await news.close();
  });

  it('never captures a blocked domain, and captures it again once unblocked', async () => {
    await options.getByTestId('blocklist-input').fill('not a domain!');
    await options.getByTestId('blocklist-add').click();
    await expect.poll(() => options.getByTestId('capture-settings-error').innerText()).toContain('is not a domain name');
    await options.getByTestId('blocklist-input').fill('http://127.0.0.1/some/page');
    await options.getByTestId('blocklist-add').click();
    await expect.poll(() => options.getByTestId('blocklist').innerText()).toContain('127.0.0.1');
    const blocked = await visit('bench-35b15891');
    await settle(blocked);
    expect(await captured()).toBe(2);
    await blocked.close();

    await options.getByRole('button', { name: 'Unblock 127.0.0.1' }).click();
    await expect.poll(() => options.getByTestId('blocklist').count()).toBe(0);
    const unblocked = await visit('bench-35b15891');
    await expect.poll(captured, { timeout: 15_000 }).toBe(3);
    await unblocked.close();
  });

  it('shows in the popup that the page was captured automatically; Keep makes it a hand-saved article', async () => {
    const { page, popup } = await openPopupFor(extension.context, extension.extensionId, server.url('cbc-xinjiang-un'));
    await expect.poll(() => popup.getByTestId('captured-note').innerText(), { timeout: 20_000 }).toMatch(/Captured automatically on/);
    await popup.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('save').innerText()).toBe('Saved in archive');
    expect(await popup.getByTestId('captured-note').count()).toBe(0);
    await expect.poll(origins).toEqual({ captured: 2, saved: 1 });
    await page.close();
    await popup.close();
  });

  it('a full quota during a capture gives a clear message and leaves no partial record', async () => {
    const before = await origins();
    await extension.serviceWorker.evaluate(() => {
      // The browser refuses the write as it does when the origin is out of quota.
      const put = IDBObjectStore.prototype.put;
      (globalThis as { restorePut?: () => void }).restorePut = () => void (IDBObjectStore.prototype.put = put);
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'articles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const page = await visit('bench-8b194530');
    try {
      await expect
        .poll(() => options.getByTestId('capture-error').innerText(), { timeout: 15_000 })
        .toMatch(/The last capture failed .*no more storage for Framelens.*nothing was saved/);
    } finally {
      await extension.serviceWorker.evaluate(() => (globalThis as { restorePut?: () => void }).restorePut?.());
    }
    expect(await origins()).toEqual(before);
    await page.close();
  });

  it('stops when turned off', async () => {
    await options.getByTestId('capture-toggle').click();
    await expect.poll(() => options.getByTestId('capture-toggle').isChecked()).toBe(false);
    const page = await visit('bench-624fcd90');
    await settle(page);
    expect(await origins()).toEqual({ captured: 2, saved: 1 });
    await page.close();
  });
});

describe('retention', () => {
  it('shows what a policy would remove, then removes the oldest gathered records and keeps hand-saved ones', async () => {
    await options.getByTestId('load-sample').click();
    await expect.poll(async () => (await origins()).sample ?? 0, { timeout: 20_000 }).toBeGreaterThan(10);
    const before = await origins();
    const gathered = (before.captured ?? 0) + (before.sample ?? 0);
    expect(before.saved).toBe(1);

    await options.getByTestId('retention-mode').selectOption('count');
    await options.getByTestId('retention-amount').fill('3');
    await expect.poll(() => options.getByTestId('retention-preview').innerText()).toBe(`This would remove ${gathered - 3} articles now.`);
    // Previewing deletes nothing.
    expect(await origins()).toEqual(before);

    await options.getByTestId('retention-apply').click();
    await expect.poll(() => options.getByTestId('retention-notice').innerText()).toBe(`Applied: ${gathered - 3} articles removed.`);
    const after = await origins();
    expect(after.saved).toBe(1);
    // The captured pages entered the archive before the sample: they were the oldest.
    expect(after).toEqual({ saved: 1, sample: 3 });
    expect(await options.getByTestId('retention-current').innerText()).toContain('newest 3 articles');
    await expect.poll(() => options.getByTestId('retention-preview').innerText()).toBe('This would remove nothing now.');
  });

  it('has its alarm, so records also age out while the archive does not change', async () => {
    const alarm = await extension.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } } }
      ).chrome.alarms.get('framelens-retention'),
    );
    expect(alarm?.periodInMinutes).toBe(60);
  });

  it('keeps applying the stored policy after later writes', async () => {
    // Loading the sample again adds its records back; retention runs shortly after the write.
    const loaded = await sendFrom<{ added: number }>('archive/loadSample', {});
    expect(loaded.added).toBeGreaterThan(3);
    expect((await origins()).sample).toBeGreaterThan(3);
    await expect.poll(origins, { timeout: 20_000 }).toEqual({ saved: 1, sample: 3 });
  });

  it('made no network request of its own and no extension errors', () => {
    expect(network.fromExtension()).toEqual([]);
    expect(problems.all()).toEqual([]);
  });
});
