import { parseArgs, UsageError } from './args';
import { loadDocument } from './inputs';
import { extractArticle } from '../core/extract';
import { InputError } from './inputs';

/** `extract PAGE.html [--url URL]`: the Article as JSON. */
export function runExtract(args: string[]): void {
  const { positional, options } = parseArgs(args);
  const [page] = positional;
  if (!page || positional.length > 1) throw new UsageError('extract takes one PAGE.html');
  const url = typeof options.url === 'string' ? options.url : undefined;
  const result = extractArticle(loadDocument(page, url), url);
  if (!result.ok) throw new InputError(`${page}: ${result.message}`);
  process.stdout.write(JSON.stringify(result.article, null, 2) + '\n');
}
