import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parseArgs, UsageError } from './args';
import { InputError, loadDocument } from './inputs';
import { extractArticle } from '../core/extract';

/**
 * `extract PAGE.html [--url URL] [--raw]`: the Article as JSON on stdout. A page with no
 * article (or too large to read) is an InputError: its message on stderr, exit code 2.
 * `--url` is the address the page was saved from (resolves relative links, dates in the URL);
 * `--raw` skips Framelens's cleanup and prints Readability's text as paragraphs.
 */
export function runExtract(args: string[]): void {
  const { positional, options } = parseArgs(args, ['raw']);
  const [page] = positional;
  if (!page || positional.length > 1) throw new UsageError('extract takes one PAGE.html');
  const url = typeof options.url === 'string' ? options.url : undefined;
  if (url !== undefined && !URL.canParse(url)) throw new UsageError(`--url: "${url}" is not an absolute URL`);
  const result = extractArticle(readPage(page, url), url, { raw: options.raw === true });
  if (!result.ok) throw new InputError(`${page}: ${result.message}`);
  process.stdout.write(JSON.stringify(result.article, null, 2) + '\n');
}

/**
 * The page as a Document. jsdom's CSS parser throws on some stylesheets browsers skip
 * (e.g. SCSS left in a <style>): then the page is read again without its <style> blocks,
 * which hold no article text.
 */
function readPage(page: string, url: string | undefined): Document {
  try {
    return loadDocument(page, url);
  } catch (first) {
    let html: string;
    try {
      html = readFileSync(page, 'utf8');
    } catch (e) {
      throw new InputError(`${page}: cannot read (${(e as Error).message})`);
    }
    try {
      return new JSDOM(html.replace(/<style\b[\s\S]*?<\/style>/gi, ''), { url: url ?? 'https://localhost/page.html' }).window.document;
    } catch {
      throw new InputError(`${page}: cannot parse as HTML (${(first as Error).message})`);
    }
  }
}
