/**
 * The generated large hostile pages (tests/fixtures/hostile/large.ts) through
 * extractArticle in jsdom: read, or refused as too large with a reason, never an exception.
 * jsdom parses tens of megabytes slowly (most of a minute for 50 MB of visible text), so the
 * megabyte pages run here at 10 MB and 5 MB (the bound they hit is 1.5 M characters of
 * text), and the 250k-element page (over a minute of jsdom parsing for a refusal that
 * costs nothing) only in Chromium: the E2E suite loads the full-size ones there. Time is bounded by structure
 * (src/core/extract/limits.ts), not asserted.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import { checkResult } from '../fixtures/hostile/check';
import { deepNesting5000, inlineData, links10k, nodes100k, visibleText, type LargePage } from '../fixtures/hostile/large';

describe('generated large pages', () => {
  const pages: Array<() => LargePage> = [() => inlineData(10), () => visibleText(5), nodes100k, deepNesting5000, links10k];
  for (const make of pages) {
    const { slug, description } = make();
    it(`${slug}: ${description}`, () => {
      const page = make();
      const dom = new JSDOM(page.html, { url: `http://127.0.0.1/${page.slug}/`, virtualConsole: new VirtualConsole() });
      checkResult(extractArticle(dom.window.document), page.accept, page.includes);
      // No dom.window.close(): jsdom's own teardown recurses once per level and overflows the stack on the deep page.
    }, 240_000);
  }
});
