import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args';
import { runDiscover } from '../../src/cli/discover';
import { checkRecord } from '../../src/core/records';
import { articlePage, GdeltStandin, type StandinDoc } from '../support/gdeltStandin';

const DAY = '2026-11-20T09:00:00Z';
const tell = (lead: string, n: number) =>
  [
    `${lead} in Brixham on Sunday night, after the harbour wall collapsed under the waves of Storm Ciaran.`,
    `Torbay council leader Dave Thomas said ${10 + n} families had been moved to emergency shelters while engineers inspected the harbour wall.`,
    `The Environment Agency warned that more flooding was likely along the Devon coast, and residents of Brixham were told to stay away from the seafront.`,
    `Report ${n}: insurers estimated the damage in Brixham at ${n + 2} million pounds.`,
  ].join('\n\n');

const story = (outlet: string, n: number, page?: StandinDoc['page']): StandinDoc => ({
  title: [
    `Storm Ciaran wrecks Brixham harbour wall`,
    `Brixham homes flooded as Storm Ciaran breaks harbour wall`,
    `Families moved out of Brixham after Storm Ciaran`,
  ][n % 3]!,
  text: tell(
    [
      'The storm flooded dozens of homes',
      'Waves swept through the old town',
      'Seawater poured into streets',
      'Boats were thrown onto the quay',
      'Shops and cafes were left under water',
    ][n % 5]!,
    n,
  ),
  outlet,
  domain: `${outlet.toLowerCase().replace(/\W+/g, '')}.test`,
  seen: DAY,
  page,
});

const standin = new GdeltStandin([], { slowMs: 3000 });
let queryFile = '';
let queryUrl = '';

beforeAll(async () => {
  await standin.start();
  const self = standin.add(story('Devon Herald', 0));
  ['BBC News', 'The Guardian', 'Plymouth Live', 'Sky News'].forEach((o, i) => standin.add(story(o, i + 1)));
  standin.add(story('Gone Daily', 7, 'not-found'));
  standin.add(story('Slow Times', 8, 'slow'));
  standin.add(story('PDF Weekly', 9, 'pdf'));
  standin.add(story('Paywall Post', 10, 'paywall'));
  standin.add({ ...story('Lists Online', 11, 'listing') });
  standin.add({
    title: 'Markets rally as oil falls',
    text: 'Shares rose in London as the price of oil fell for a third day.',
    outlet: 'City Wire',
    domain: 'citywire.test',
    seen: DAY,
  });
  queryUrl = standin.pageUrl(self);
  const dir = mkdtempSync(join(tmpdir(), 'framelens-discover-'));
  queryFile = join(dir, 'page.html');
  writeFileSync(queryFile, articlePage(standin.doc(self)!, queryUrl));
});

afterAll(() => standin.close());

async function run(args: string[]): Promise<{ lines: Record<string, unknown>[]; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    await runDiscover(args);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return {
    lines: out.trim()
      ? out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>)
      : [],
    err,
  };
}

describe('cli discover', () => {
  it("prints the other outlets' reports as interchange records, progress and failures on stderr", { timeout: 30_000 }, async () => {
    const before = standin.requests.length;
    const { lines, err } = await run([
      queryFile,
      '--url',
      queryUrl,
      '--endpoint',
      standin.gdeltEndpoint,
      '--fallback',
      'none',
      '--max',
      '10',
      '--timeout',
      '1500',
      '--now',
      '2026-11-21T10:00:00Z',
    ]);
    const outlets = lines.map((l) => l.outlet).sort();
    expect(outlets).toEqual(['BBC News', 'Plymouth Live', 'Sky News', 'The Guardian']);
    expect(err).toMatch(/done: 4 read, 5 failed, \d queries, 9 page fetches/);
    for (const l of lines) {
      expect(checkRecord(l).ok).toBe(true);
      expect(l).toMatchObject({ published: '2026-11-20', sameStory: true });
      expect(typeof l.text).toBe('string');
      expect(String(l.url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    }
    expect(err).toMatch(/^query gdelt: /m);
    for (const reason of ['not-found', 'timed-out', 'not-html', 'paywalled', 'not-article']) expect(err).toContain(`: ${reason} (`);
    const asked = standin.requests.slice(before);
    const api = asked.filter((r) => r.path === '/api/v2/doc/doc');
    expect(api.length).toBeGreaterThanOrEqual(1);
    expect(api.length).toBeLessThanOrEqual(3);
    expect(api[0]!.params).toMatchObject({ mode: 'artlist', format: 'json', startdatetime: '20261117000000' });
    // Never the reader's own page, never the unrelated one.
    expect(asked.some((r) => queryUrl.endsWith(r.path))).toBe(false);
  });

  it('falls back to Bing News when the index rate-limits', { timeout: 30_000 }, async () => {
    standin.faults.push('text-rate-limit');
    const before = standin.requests.length;
    const { lines, err } = await run([
      queryFile,
      '--url',
      queryUrl,
      '--endpoint',
      standin.gdeltEndpoint,
      '--fallback-endpoint',
      standin.bingEndpoint,
      '--max',
      '4',
      '--timeout',
      '1500',
      '--now',
      '2026-11-21T10:00:00Z',
    ]);
    expect(err).toMatch(/gdelt failed \(rate-limited\)/);
    expect(err).toMatch(/^query bing: /m);
    const asked = standin.requests.slice(before).map((r) => r.path);
    expect(asked.slice(0, 2)).toEqual(['/api/v2/doc/doc', '/news/search']);
    // Pages come from the outlets' addresses decoded from Bing's links, never from bing.com.
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => String(l.url).startsWith(standin.base))).toBe(true);
  });

  it('refuses bad arguments with a message', async () => {
    await expect(run([])).rejects.toThrow(UsageError);
    await expect(run([queryFile, '--provider', 'google'])).rejects.toThrow(/not one of gdelt, bing/);
    await expect(run([queryFile, '--max', '0'])).rejects.toThrow(/--max/);
    await expect(run([queryFile, '--endpoint', 'file:///etc/passwd'])).rejects.toThrow(/not an http/);
    await expect(run(['notes.txt'])).rejects.toThrow(/PAGE.html or RECORD.json/);
  });
});
