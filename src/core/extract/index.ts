/**
 * extractArticle: the article on a page as Framelens reads it everywhere (content script,
 * CLI, tests). Readability (https://github.com/mozilla/readability) finds the content on a
 * clone of the document, never the live page (it mutates what it parses); Framelens then
 * turns that content into paragraphs, removes the furniture Readability keeps, and reads
 * the metadata with its sources. Nothing a page contains can make it throw: every failure
 * is an ExtractResult with a reason and a message a reader understands.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { fnv1aHex } from '../text/hash';
import { countWords, type Article, type ExtractResult } from '../types';
import { cleanBlocks, furnitureSkip } from './cleanup';
import { declaresArticle } from './declared';
import { detectIncomplete } from './incomplete';
import { jsonLdObjects } from './jsonld';
import { looksLikeListing } from './listing';
import { checkText, DEFAULT_LIMITS, MIN_ARTICLE_CHARS, type Limits } from './limits';
import { scanPage } from './scan';
import { markFurniture } from './marks';
import { readMetadata } from './metadata';
import { blocksOf, joinBlocks } from './text';
import { cleanUrl } from './url';
import { errorText } from '../errors';

export interface ExtractOptions {
  /** Skip the isProbablyReaderable gate (e.g. the reader asked for this page explicitly). Default false. */
  force?: boolean;
  /** Return Readability's text without Framelens's cleanup (for comparison and debugging). Default false. */
  raw?: boolean;
  /** Bounds on the page (see limits.ts); defaults to DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
}

const NOT_ARTICLE =
  'No article here: this page does not look like a news article (it may be a front page, a list or a search page). Open a single article and try again.';

/** Record ids are at most 1,024 characters: a longer URL is identified by its hash. */
const MAX_ID_CHARS = 1024;

function articleId(canonical: string | null, text: string): string {
  if (canonical && canonical.length <= MAX_ID_CHARS) return canonical;
  return canonical ? `url:${fnv1aHex(canonical)}` : `text:${fnv1aHex(text)}`;
}

function pageUrlOf(doc: Document, url: string | undefined): string | null {
  return cleanUrl(url) ?? cleanUrl(doc.URL);
}

function extract(doc: Document, url: string | undefined, options: ExtractOptions): ExtractResult {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const scan = scanPage(doc, limits);
  if (!scan.ok) return { ok: false, reason: 'too-large', message: scan.message };
  const ldObjects = jsonLdObjects(scan.ldScripts);
  const declared = declaresArticle(scan.metas, ldObjects);
  if (!options.force && !declared && !isProbablyReaderable(doc)) return { ok: false, reason: 'not-article', message: NOT_ARTICLE };

  const clone = doc.cloneNode(true) as Document;
  if (!options.raw) markFurniture(clone);
  const parsed = new Readability<Element>(clone, {
    keepClasses: true,
    maxElemsToParse: limits.maxElements,
    serializer: (node) => node as Element,
  }).parse();
  const content = parsed?.content;
  if (!parsed || !content) {
    return declared || options.force
      ? { ok: false, reason: 'empty', message: 'This page says it is an article, but no article text could be read from it.' }
      : { ok: false, reason: 'not-article', message: NOT_ARTICLE };
  }
  if (!declared && !options.force && looksLikeListing(content)) return { ok: false, reason: 'not-article', message: NOT_ARTICLE };
  const contentChars = content.textContent?.length ?? 0;
  const textSize = checkText(contentChars, limits);
  if (!textSize.ok) return { ok: false, reason: 'too-large', message: textSize.message };
  const pageUrl = pageUrlOf(doc, url);
  const meta = readMetadata(doc, pageUrl, { title: parsed.title, byline: parsed.byline }, scan, ldObjects);
  const blocks = blocksOf(content, options.raw ? undefined : furnitureSkip(content, contentChars));
  const text = joinBlocks(options.raw ? blocks : cleanBlocks(blocks, meta.title?.value));
  if (text.length < MIN_ARTICLE_CHARS && !declared) return { ok: false, reason: 'not-article', message: NOT_ARTICLE };
  if (!text) return { ok: false, reason: 'empty', message: 'This page says it is an article, but no article text could be read from it.' };

  const canonical = meta.url?.value ?? null;
  const article: Article = {
    id: articleId(canonical, text),
    url: canonical,
    title: meta.title?.value ?? '',
    outlet: meta.outlet?.value ?? '',
    published: meta.published?.value ?? null,
    modified: meta.modified?.value ?? null,
    text,
    byline: meta.byline?.value ?? null,
    lang: meta.lang?.value ?? null,
    words: countWords(text),
    sources: {},
  };
  const incomplete = detectIncomplete(text, ldObjects);
  if (incomplete) article.incomplete = incomplete;
  for (const field of ['title', 'byline', 'outlet', 'published', 'modified', 'lang', 'url'] as const) {
    article.sources![field] = meta[field]?.source ?? 'none';
  }
  return { ok: true, article };
}

/**
 * The article on `doc` (the page at `url`, default `doc.URL`). Never mutates `doc`, never
 * throws for anything a page contains.
 */
export function extractArticle(doc: Document, url?: string, options: ExtractOptions = {}): ExtractResult {
  try {
    return extract(doc, url, options);
  } catch (e) {
    return { ok: false, reason: 'error', message: `This page could not be read as an article (${errorText(e)}).` };
  }
}
