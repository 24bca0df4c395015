import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { countWords, type ExtractResult } from '../types';

/**
 * Extracts the article from a page. Works on a clone: Readability mutates the DOM it reads.
 * (First version; metadata and cleanup are filled in by the extraction module.)
 */
export function extractArticle(doc: Document, url?: string): ExtractResult {
  if (!isProbablyReaderable(doc)) return { ok: false, reason: 'not-article', message: 'No article here: this page does not look like a news article.' };
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  if (!parsed?.textContent) return { ok: false, reason: 'empty', message: 'No article text could be read from this page.' };
  const text = parsed.textContent.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
  const pageUrl = url ?? doc.URL;
  return {
    ok: true,
    article: {
      id: pageUrl, url: pageUrl, title: parsed.title ?? '', outlet: parsed.siteName ?? new URL(pageUrl).hostname,
      published: parsed.publishedTime ?? null, text, byline: parsed.byline ?? null, lang: parsed.lang ?? null, words: countWords(text),
    },
  };
}
