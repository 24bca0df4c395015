import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../core/extract';
import { checkRecord, isGzip, parseRecords } from '../core/records';
import { articleFromRecord, countWords, type Article, type ArticleRecord } from '../core/types';

/** An input the user named that cannot be read, with a message that says why. */
export class InputError extends Error {}

/**
 * Parses an HTML file into a Document as a browser would, without running its scripts.
 * jsdom's CSS parser throws on some stylesheets browsers skip (e.g. SCSS left in a <style>):
 * then the page is read again without its <style> blocks, which hold no article text.
 */
export function loadDocument(path: string, url?: string): Document {
  let html: string;
  try {
    html = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: cannot read (${(e as Error).message})`);
  }
  const options = { url: url ?? 'https://localhost/' + encodeURIComponent(basename(path)) };
  try {
    return new JSDOM(html, options).window.document;
  } catch (first) {
    try {
      return new JSDOM(html.replace(/<style\b[\s\S]*?<\/style>/gi, ''), options).window.document;
    } catch {
      throw new InputError(`${path}: cannot parse as HTML (${(first as Error).message})`);
    }
  }
}

/** Reads an NDJSON or NDJSON.gz file of interchange records (all or nothing). */
export function readRecordFile(path: string): ArticleRecord[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(`${path}: cannot read (${(e as Error).message})`);
  }
  if (isGzip(bytes)) bytes = gunzipSync(bytes);
  const parsed = parseRecords(new TextDecoder().decode(bytes));
  if (!parsed.ok) throw new InputError(`${path}: line ${parsed.line}: ${parsed.reason}`);
  return parsed.records;
}

/** Records of a .json file (one record) or an .ndjson / .ndjson.gz file (all or nothing). */
export function readRecords(path: string): ArticleRecord[] {
  if (!path.toLowerCase().endsWith('.json')) return readRecordFile(path);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(`${path}: invalid JSON (${(e as Error).message})`);
  }
  const check = checkRecord(value);
  if (!check.ok) throw new InputError(`${path}: ${check.reason}`);
  return [check.record];
}

/** Loads articles from a file as `compare` accepts them (.html, .txt, .md, .json, .ndjson[.gz]). */
export function loadArticles(path: string, url?: string): Article[] {
  const name = basename(path);
  const ext = name.endsWith('.ndjson.gz') ? '.ndjson.gz' : extname(name).toLowerCase();
  switch (ext) {
    case '.html':
    case '.htm': {
      const result = extractArticle(loadDocument(path, url), url);
      if (!result.ok) throw new InputError(`${path}: ${result.message}`);
      return [{ ...result.article, id: name }];
    }
    case '.txt':
    case '.md':
      return [parseTextArticle(readFileSync(path, 'utf8'), name)];
    case '.json':
    case '.ndjson':
    case '.ndjson.gz':
      return readRecords(path).map(articleFromRecord);
    default:
      throw new InputError(`${path}: unsupported file type (use .html, .txt, .md, .json, .ndjson or .ndjson.gz)`);
  }
}

/**
 * A plain-text or Markdown article. YAML front matter `title:` and `date:` are honoured
 * (the seeds use it); otherwise the first non-empty line is the title.
 */
export function parseTextArticle(raw: string, id: string): Article {
  let body = raw.replace(/\r\n?/g, '\n');
  let title = '';
  let published: string | null = null;
  let url: string | null = null;
  let outlet = '';
  const fm = /^---\n([\s\S]*?)\n---[ \t]*\n/.exec(body);
  if (fm) {
    body = body.slice(fm[0].length);
    for (const line of fm[1]!.split('\n')) {
      const m = /^([A-Za-z_]+):\s*(.*?)\s*$/.exec(line);
      if (!m) continue;
      const value = m[2]!.replace(/^["']|["']$/g, '');
      if (m[1] === 'title') title = value;
      else if (m[1] === 'date') published = /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1] ?? null;
      else if (m[1] === 'url' || m[1] === 'canonical_url') url = value || null;
      else if (m[1] === 'outlet' || m[1] === 'site_name' || m[1] === 'publisher') outlet = value;
    }
  }
  if (!title) {
    const lines = body.split('\n');
    const first = lines.findIndex((l) => l.trim());
    if (first >= 0) {
      title = lines[first]!.trim().replace(/^#+\s*/, '');
      body = lines.slice(first + 1).join('\n');
    }
  }
  const text = body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  return { id, url, title, outlet, published, text, byline: null, lang: null, words: countWords(text) };
}
