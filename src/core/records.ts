import * as v from 'valibot';
import type { ArticleRecord } from './types';

/**
 * The interchange record (docs/DESIGN.md): validation, NDJSON parsing and serialisation.
 * An import is all or nothing, so parsing stops at the first bad line and names it.
 */

export const MAX_TEXT_CHARS = 2_000_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const nullableString = (max: number) => v.nullable(v.pipe(v.string(), v.maxLength(max)));

export const RecordSchema = v.looseObject({
  id: v.pipe(v.string(), v.trim(), v.minLength(1, 'id is empty'), v.maxLength(1024, 'id is longer than 1024 characters')),
  url: v.nullable(v.pipe(v.string(), v.maxLength(4096, 'url is longer than 4096 characters'))),
  title: v.pipe(v.string(), v.maxLength(2000, 'title is longer than 2000 characters')),
  // Datasets say null for an unknown outlet (ECB+'s ecb half); the archive keeps "" for it.
  outlet: v.pipe(
    v.nullable(v.pipe(v.string(), v.maxLength(500, 'outlet is longer than 500 characters'))),
    v.transform((outlet) => outlet ?? ''),
  ),
  published: v.nullable(
    v.pipe(v.string(), v.regex(ISO_DATE, 'published is not an ISO date'), v.check(isCalendarDate, 'published is not a real calendar date')),
  ),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT_CHARS, `text is longer than ${MAX_TEXT_CHARS} characters`)),
  story: v.optional(nullableString(500)),
  lang: v.optional(nullableString(35)),
  // Why the text is only part of the article ('paywall', 'truncated'); absent in older records.
  incomplete: v.optional(nullableString(40)),
});

/** True when an ISO date names a real day (no month 13, no 31 June) and its time, if any, parses. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  return iso.length === 10 || !Number.isNaN(Date.parse(iso.replace(' ', 'T')));
}

export type RecordCheck = { ok: true; record: ArticleRecord } | { ok: false; reason: string };

/** Validates one parsed JSON value as an interchange record. */
export function checkRecord(value: unknown): RecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not a JSON object' };
  }
  const unsafe = unsafeStructure(value, 0);
  if (unsafe) return { ok: false, reason: unsafe };
  const result = v.safeParse(RecordSchema, value);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    const missing = issue.received === 'undefined' && path ? `${path} is missing` : '';
    return { ok: false, reason: missing || (path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message) };
  }
  const out = result.output as ArticleRecord & Record<string, unknown>;
  return { ok: true, record: out };
}

/** Why a value is unsafe to store: a prototype-polluting key at any depth (extra fields may nest) or absurd nesting; null when fine. */
function unsafeStructure(value: unknown, depth: number): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (depth > 32) return 'fields nested deeper than 32 levels';
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return `forbidden key "${key}"`;
    const found = unsafeStructure((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return null;
}

export type ParseResult = { ok: true; records: ArticleRecord[] } | { ok: false; line: number; reason: string };

/**
 * Parses NDJSON text into records. Blank lines are skipped; the first malformed line
 * refuses the whole file with its 1-based line number. Duplicate ids inside one file are
 * refused too: they would silently overwrite each other.
 */
export function parseRecords(text: string): ParseResult {
  const records: ArticleRecord[] = [];
  const seen = new Set<string>();
  let lineNo = 0;
  for (const line of iterateLines(text)) {
    lineNo++;
    const parsed = parseRecordLine(line, lineNo, seen);
    if (parsed === null) continue;
    if (!parsed.ok) return { ok: false, line: lineNo, reason: parsed.reason };
    records.push(parsed.record);
  }
  return { ok: true, records };
}

/** Parses one NDJSON line; null for a blank line. Adds the id to `seen`. */
export function parseRecordLine(line: string, lineNo: number, seen: Set<string>): RecordCheck | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    return { ok: false, reason: `invalid JSON (${(e as Error).message})` };
  }
  const check = checkRecord(value);
  if (!check.ok) return check;
  if (seen.has(check.record.id)) return { ok: false, reason: `duplicate id "${check.record.id}" (first seen earlier in the file)` };
  seen.add(check.record.id);
  void lineNo;
  return check;
}

function* iterateLines(text: string): Generator<string> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
  }
}

/** Serialises records as NDJSON, fields in the interchange order, one per line. */
export function toNdjson(records: Iterable<ArticleRecord>): string {
  let out = '';
  for (const r of records) out += recordLine(r) + '\n';
  return out;
}

export function recordLine(r: ArticleRecord): string {
  const { id, url, title, outlet, published, text, story, lang, incomplete, ...rest } = r as ArticleRecord & Record<string, unknown>;
  const ordered: Record<string, unknown> = { id, url, title, outlet, published, text };
  if (story !== undefined) ordered.story = story;
  if (lang !== undefined) ordered.lang = lang;
  if (incomplete !== undefined) ordered.incomplete = incomplete;
  for (const [k, val] of Object.entries(rest)) if (!FORBIDDEN_KEYS.has(k)) ordered[k] = val;
  return JSON.stringify(ordered);
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
