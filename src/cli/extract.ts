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
  const result = extractArticle(loadDocument(page, url), url, { raw: options.raw === true });
  if (!result.ok) throw new InputError(`${page}: ${result.message}`);
  process.stdout.write(JSON.stringify(result.article, null, 2) + '\n');
}
