/**
 * `discover PAGE.html|RECORD.json [--url URL] [--endpoint URL] [--provider gdelt|bing]
 * [--fallback gdelt|bing|none] [--fallback-endpoint URL] [--max N] [--timeout MS] [--now ISO] [--context FILE]` (DESIGN.md): finds other
 * outlets' coverage of the article with the same core as the extension, and prints the
 * articles read as interchange records on stdout, one JSON line each, best match first,
 * with the matcher's `score` and `sameStory`; progress goes to stderr.
 */
import { discoverCoverage, PROVIDERS, type DiscoveryEvent, type ProviderName } from '../core/discover';
import { recordLine } from '../core/records';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleFromRecord, type Article, type ArticleRecord } from '../core/types';
import { parseArgs, UsageError } from './args';
import { nodeDiscoveryIO, NODE_IO_LIMITS } from './discoverIO';
import { InputError, loadArticles, readRecords } from './inputs';

/** Word frequencies for ranking come from an archive: the bundled sample unless --context names one. */
const SAMPLE = fileURLToPath(new URL('../../public/sample/sample.ndjson', import.meta.url));

function contextRecords(path: string | true | undefined): ArticleRecord[] {
  if (typeof path === 'string') return readRecords(path);
  return existsSync(SAMPLE) ? readRecords(SAMPLE) : [];
}

function provider(value: string | true | undefined, name: string): ProviderName | undefined {
  if (value === undefined) return undefined;
  if (value === true || !(value in PROVIDERS))
    throw new UsageError(`--${name}: "${String(value)}" is not one of ${Object.keys(PROVIDERS).join(', ')}`);
  return value as ProviderName;
}

function progress(e: DiscoveryEvent): string {
  switch (e.kind) {
    case 'query':
      return `query ${e.provider}: ${e.query}`;
    case 'provider-error':
      return `${e.provider} failed (${e.reason}): ${e.detail}`;
    case 'links':
      return `${e.provider}: ${e.count} new result${e.count === 1 ? '' : 's'}`;
    case 'reading':
      return `reading ${e.index} of ${e.total}: ${e.link.outlet} ${e.link.url}`;
    case 'found':
      return `found ${e.article.outlet}: ${e.article.title} (score ${e.score.toFixed(3)}${e.sameStory ? ', same story' : ''}${e.incomplete ? `, incomplete: ${e.incomplete}` : ''})`;
    case 'failed':
      return `failed ${e.link.url}: ${e.reason} (${e.detail})`;
    case 'done':
      return `done: ${e.found} read, ${e.failed} failed, ${e.queries} quer${e.queries === 1 ? 'y' : 'ies'}, ${e.fetches} page fetch${e.fetches === 1 ? '' : 'es'}${e.cancelled ? ', cancelled' : ''}`;
  }
}

function loadArticle(path: string, url: string | undefined): Article {
  const lower = path.toLowerCase();
  if (!/\.(html?|json)$/.test(lower)) throw new UsageError(`discover reads one PAGE.html or RECORD.json (got "${path}")`);
  const [first, ...rest] = loadArticles(path, url);
  if (!first || rest.length) throw new InputError(`${path}: expected one article`);
  const article = lower.endsWith('.json') ? articleFromRecord(first) : first;
  return url && !article.url ? { ...article, url } : article;
}

export async function runDiscover(args: string[]): Promise<void> {
  const { positional, options } = parseArgs(args);
  const [input] = positional;
  if (!input || positional.length > 1) throw new UsageError('discover takes one PAGE.html or RECORD.json');
  const url = typeof options.url === 'string' ? options.url : undefined;
  if (url !== undefined && !URL.canParse(url)) throw new UsageError(`--url: "${url}" is not an absolute URL`);
  const primary = provider(options.provider, 'provider') ?? 'gdelt';
  const fallbackOption = options.fallback === 'none' ? 'none' : provider(options.fallback, 'fallback');
  const fallback = fallbackOption ?? (primary === 'gdelt' ? 'bing' : 'gdelt');
  const endpoint = options.endpoint;
  if (endpoint !== undefined && (typeof endpoint !== 'string' || !/^https?:\/\//i.test(endpoint) || !URL.canParse(endpoint))) {
    throw new UsageError(`--endpoint: "${String(endpoint)}" is not an http(s) URL`);
  }
  const max = options.max === undefined ? 8 : Number(options.max);
  if (!Number.isInteger(max) || max < 1 || max > 20)
    throw new UsageError(`--max: "${String(options.max)}" is not a whole number from 1 to 20`);
  const timeout = options.timeout === undefined ? NODE_IO_LIMITS.timeoutMs : Number(options.timeout);
  if (!Number.isInteger(timeout) || timeout < 1)
    throw new UsageError(`--timeout: "${String(options.timeout)}" is not a positive number of milliseconds`);
  const now = options.now === undefined ? null : new Date(String(options.now));
  if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now: "${String(options.now)}" is not a date`);

  const article = loadArticle(input, url);
  const context = contextRecords(options.context);
  const io = nodeDiscoveryIO({ ...NODE_IO_LIMITS, timeoutMs: timeout });
  if (now) {
    const offset = now.getTime() - Date.now();
    io.now = () => new Date(Date.now() + offset);
  }
  const providers: ProviderName[] = fallback === 'none' || fallback === primary ? [primary] : [primary, fallback];
  // --endpoint replaces the primary provider's base address, --fallback-endpoint the fallback's.
  const fallbackEndpoint = options['fallback-endpoint'];
  if (
    fallbackEndpoint !== undefined &&
    (typeof fallbackEndpoint !== 'string' || !/^https?:\/\//i.test(fallbackEndpoint) || !URL.canParse(fallbackEndpoint))
  ) {
    throw new UsageError(`--fallback-endpoint: "${String(fallbackEndpoint)}" is not an http(s) URL`);
  }
  const endpoints: Partial<Record<ProviderName, string>> = {};
  if (typeof endpoint === 'string') endpoints[primary] = endpoint;
  if (typeof fallbackEndpoint === 'string' && fallback !== 'none') endpoints[fallback] = fallbackEndpoint;
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  try {
    const result = await discoverCoverage(article, io, {
      providers,
      endpoints,
      max,
      context,
      signal: controller.signal,
      onEvent: (e) => process.stderr.write(`${progress(e)}\n`),
    });
    for (const f of result.found) {
      const { byline: _b, words: _w, sources: _s, modified: _m, ...record } = f.article;
      process.stdout.write(
        `${recordLine({ ...record, score: Math.round(f.score * 1000) / 1000, sameStory: f.sameStory } as typeof record)}\n`,
      );
    }
  } finally {
    process.off('SIGINT', stop);
  }
}
