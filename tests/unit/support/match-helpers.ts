import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleRecord } from '../../../src/core/types';

/** Path of the matching fixture records (see tests/fixtures/match/CREDITS.md). */
export const FIXTURE = fileURLToPath(new URL('../../fixtures/match/records.ndjson', import.meta.url));

export function fixtureRecords(): ArticleRecord[] {
  return readRecords(FIXTURE);
}

/** The records of an .ndjson file. */
export function readRecords(path: string | URL): ArticleRecord[] {
  return readFileSync(path instanceof URL ? fileURLToPath(path) : path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ArticleRecord);
}

export function byId(records: ArticleRecord[], id: string): ArticleRecord {
  const r = records.find((x) => x.id === id);
  if (!r) throw new Error(`fixture ${id} missing`);
  return r;
}

export const CBC = 'seed:002_82d728323028f920';
export const DAILY_MAIL = 'seed:000_bd274f3ab0ef99bf';
