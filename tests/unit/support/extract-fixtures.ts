/**
 * Fixture pages (Readability's habit): tests/fixtures/pages/<slug>/source.html with
 * expected.json beside it. Shared by the fixture test and scripts/add-fixture.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

export const PAGES_DIR = join(import.meta.dirname, '../../fixtures/pages');

/** What a fixture asserts. Every field but `ok` is optional; absent fields are not checked. */
export interface FixtureExpectation {
  description?: string;
  /** Address the page is loaded at (default: http://127.0.0.1/<slug>/, as the E2E server serves it). */
  pageUrl?: string;
  ok: boolean;
  /** For ok: false, the ExtractResult reason. */
  reason?: string;
  title?: string;
  byline?: string | null;
  outlet?: string;
  published?: string | null;
  lang?: string | null;
  url?: string | null;
  /** The whole expected text, compared exactly. */
  text?: string;
  /** Hand-marked article body (e.g. the benchmark's ground truth), scored with its shingle metric. */
  groundTruth?: string;
  minPrecision?: number;
  minRecall?: number;
  textIncludes?: string[];
  textExcludes?: string[];
  /** Inclusive range of paragraph counts. */
  paragraphs?: [number, number];
  /** Where the page comes from (e.g. "extraction benchmark <id>"). */
  source?: string;
}

export interface Fixture {
  slug: string;
  html: string;
  expected: FixtureExpectation;
}

export function fixtureSlugs(): string[] {
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(PAGES_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

export function loadFixture(slug: string): Fixture {
  const dir = join(PAGES_DIR, slug);
  return {
    slug,
    html: readFileSync(join(dir, 'source.html'), 'utf8'),
    expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as FixtureExpectation,
  };
}

export function fixtureUrl(f: Fixture): string {
  return f.expected.pageUrl ?? `http://127.0.0.1/${f.slug}/`;
}

export function fixtureDocument(f: Fixture): Document {
  return new JSDOM(f.html, { url: fixtureUrl(f) }).window.document;
}
