import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args';
import { InputError } from '../../src/cli/inputs';
import { runMatch } from '../../src/cli/match';
import { CBC, DAILY_MAIL, FIXTURE, byId, fixtureRecords } from './support/match-helpers';

interface Line {
  query: string;
  results: { id: string; score: number }[];
}

function capture(args: string[]): Line[] {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    runMatch(args);
  } finally {
    spy.mockRestore();
  }
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

describe('cli match', () => {
  afterEach(() => vi.restoreAllMocks());
  const records = fixtureRecords();

  it('prints one line per query in order, best first, never the query itself', () => {
    const lines = capture(['--archive', FIXTURE, '--queries', FIXTURE, '--top', '3']);
    expect(lines.map((l) => l.query)).toEqual(records.map((r) => r.id));
    for (const l of lines) {
      expect(l.results.length).toBeLessThanOrEqual(3);
      expect(l.results.map((r) => r.id)).not.toContain(l.query);
      for (let i = 1; i < l.results.length; i++) expect(l.results[i - 1]!.score).toBeGreaterThanOrEqual(l.results[i]!.score);
    }
    expect(lines.find((l) => l.query === CBC)?.results[0]?.id).toBe(DAILY_MAIL);
  });

  it('reads a single-record .json query and defaults to 10 results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-match-'));
    const query = join(dir, 'cbc.json');
    writeFileSync(query, JSON.stringify(byId(records, CBC)));
    const [line] = capture(['--archive', FIXTURE, '--queries', query]);
    expect(line?.query).toBe(CBC);
    expect(line?.results).toHaveLength(10);
    expect(line?.results[0]?.id).toBe(DAILY_MAIL);
  });

  it('refuses bad arguments and bad files with a clear error', () => {
    expect(() => runMatch(['--archive', FIXTURE])).toThrow(UsageError);
    expect(() => runMatch(['--archive', FIXTURE, '--queries', FIXTURE, '--top', '0'])).toThrow(UsageError);
    expect(() => runMatch(['--archive', '/no/such/file.ndjson', '--queries', FIXTURE])).toThrow(InputError);
    const dir = mkdtempSync(join(tmpdir(), 'framelens-match-'));
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, JSON.stringify(byId(records, CBC)) + '\n{"id": 5}\n');
    expect(() => runMatch(['--archive', bad, '--queries', FIXTURE])).toThrow(/line 2/);
  });
});
