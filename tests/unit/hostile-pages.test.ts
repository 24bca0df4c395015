/**
 * The hostile page corpus through extractArticle in jsdom: every page is read or
 * refused with a reason and a reader's sentence, never an exception (reason 'error' is a
 * caught exception, so a bug); what a page hides, injects or runs never becomes article
 * text; text that looks like markup comes out as the same characters; whatever is read
 * passes the background's own schema, so it can be shown and saved; the page is not changed.
 * Time is bounded by structure (elements, depth, characters; src/core/extract/limits.ts),
 * not asserted here: the E2E suite and the extraction bench measure it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import { checkResult } from '../fixtures/hostile/check';
import type { HostileExpectation } from '../fixtures/hostile/specs';

const HOSTILE_DIR = join(import.meta.dirname, '../fixtures/hostile');
const slugs = readdirSync(HOSTILE_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('hostile fixture pages', () => {
  it('has at least 30 hand-written pages', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(30);
  });

  for (const slug of slugs) {
    const expected = JSON.parse(readFileSync(join(HOSTILE_DIR, slug, 'expected.json'), 'utf8')) as HostileExpectation;
    it(`${slug}: ${expected.description}`, () => {
      // Bytes, not a string: jsdom then decodes them as a browser would (BOM, then <meta charset>).
      const dom = new JSDOM(readFileSync(join(HOSTILE_DIR, slug, 'source.html')), {
        url: `http://127.0.0.1/${slug}/`,
        virtualConsole: new VirtualConsole(),
      });
      const doc = dom.window.document;
      if (expected.encoding) expect(doc.characterSet.toLowerCase()).toBe(expected.encoding);
      const before = doc.documentElement.outerHTML;
      const result = extractArticle(doc);
      checkResult(result, expected.accept, expected.includes, expected.excludes);
      if (expected.title !== undefined && result.ok) expect(result.article.title).toBe(expected.title);
      expect(doc.documentElement.outerHTML).toBe(before);
      dom.window.close();
    });
  }
});
