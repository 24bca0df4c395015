/**
 * Malformed archive files, generated from a seed: every one must be refused
 * whole by the import path, with a reason (and, when one line is at fault, that line's
 * number), leaving the archive unchanged. tests/unit/malformed-imports.test.ts runs them;
 * `npx tsx scripts/make-malformed.ts DIR [COUNT] [SEED]` writes them to DIR to try by hand
 * in the options page (the expected refusal is in DIR/index.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'fflate';
import { prng } from './prng';

export interface MalformedFile {
  name: string;
  bytes: Uint8Array;
  /** What is wrong, for the test's message. */
  defect: string;
  /** The 1-based line the refusal must name; undefined when the file as a whole is at fault. */
  line?: number;
  /** What the reason must say. */
  reason: RegExp;
}

export const validRecord = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  url: `https://malformed.example/${encodeURIComponent(id)}`,
  title: `Headline ${id}`,
  outlet: 'Malformed Times',
  published: '2023-11-02',
  text: `First paragraph of ${id}.\n\nSecond paragraph.`,
  ...extra,
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

type LineDefect = { defect: string; line: (good: Record<string, unknown>) => string; reason: RegExp };

/** One bad line, replacing a good record: what it is and what the refusal must say. */
const LINE_DEFECTS: LineDefect[] = [
  ...(['id', 'url', 'title', 'outlet', 'published', 'text'] as const).map((field): LineDefect => ({
    defect: `${field} missing`,
    line: (g) => JSON.stringify({ ...g, [field]: undefined }),
    reason: new RegExp(`${field}`),
  })),
  ...(
    [
      ['id', 42],
      ['id', null],
      ['url', 7],
      ['title', null],
      ['title', ['a']],
      ['outlet', {}],
      ['published', 20231102],
      ['text', { body: 'x' }],
      ['text', true],
      ['story', 5],
      ['lang', ['en']],
    ] as const
  ).map(([field, value]): LineDefect => ({
    defect: `${field} is ${JSON.stringify(value)}`,
    line: (g) => JSON.stringify({ ...g, [field]: value }),
    reason: new RegExp(field),
  })),
  { defect: 'published is not a date', line: (g) => JSON.stringify({ ...g, published: 'last Tuesday' }), reason: /published/ },
  { defect: 'published has month 13', line: (g) => JSON.stringify({ ...g, published: '2024-13-01' }), reason: /published/ },
  { defect: 'published has day 00', line: (g) => JSON.stringify({ ...g, published: '2024-05-00' }), reason: /published/ },
  { defect: 'id is blank', line: (g) => JSON.stringify({ ...g, id: '   ' }), reason: /id is empty/ },
  { defect: 'id of 5,000 characters', line: (g) => JSON.stringify({ ...g, id: 'i'.repeat(5000) }), reason: /id is longer/ },
  {
    defect: 'url of 10,000 characters',
    line: (g) => JSON.stringify({ ...g, url: `https://e.example/${'u'.repeat(10_000)}` }),
    reason: /url is longer/,
  },
  { defect: 'title of 3,000 characters', line: (g) => JSON.stringify({ ...g, title: 't'.repeat(3000) }), reason: /title is longer/ },
  {
    defect: 'outlet of 100,000 characters',
    line: (g) => JSON.stringify({ ...g, outlet: 'o'.repeat(100_000) }),
    reason: /outlet is longer/,
  },
  { defect: 'lang of 100 characters', line: (g) => JSON.stringify({ ...g, lang: 'l'.repeat(100) }), reason: /lang/ },
  {
    defect: '__proto__ key',
    line: (g) => `{"__proto__": {"polluted": true}, ${JSON.stringify(g).slice(1)}`,
    reason: /forbidden key "__proto__"/,
  },
  {
    defect: 'constructor key',
    line: (g) => `{"constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(g).slice(1)}`,
    reason: /forbidden key "constructor"/,
  },
  { defect: 'prototype key', line: (g) => `{"prototype": {}, ${JSON.stringify(g).slice(1)}`, reason: /forbidden key "prototype"/ },
  {
    defect: '__proto__ nested in an extra field',
    line: (g) => `{"extra": {"deep": {"__proto__": {"polluted": true}}}, ${JSON.stringify(g).slice(1)}`,
    reason: /forbidden key "__proto__"/,
  },
  { defect: 'an array', line: () => '[1, 2, 3]', reason: /not a JSON object/ },
  { defect: 'a string', line: () => '"just a string"', reason: /not a JSON object/ },
  { defect: 'a number', line: () => '42', reason: /not a JSON object/ },
  { defect: 'null', line: () => 'null', reason: /not a JSON object/ },
  { defect: 'true', line: () => 'true', reason: /not a JSON object/ },
  { defect: 'truncated JSON', line: (g) => JSON.stringify(g).slice(0, 25), reason: /invalid JSON/ },
  { defect: 'trailing comma', line: (g) => `${JSON.stringify(g).slice(0, -1)},}`, reason: /invalid JSON/ },
  { defect: 'single quotes', line: () => "{'id': 'x'}", reason: /invalid JSON/ },
  { defect: 'NaN value', line: (g) => `${JSON.stringify(g).slice(0, -1)},"n":NaN}`, reason: /invalid JSON/ },
  { defect: 'two objects on one line', line: (g) => JSON.stringify(g) + JSON.stringify(g), reason: /invalid JSON/ },
  { defect: 'trailing garbage after the object', line: (g) => `${JSON.stringify(g)} garbage`, reason: /invalid JSON/ },
  { defect: 'a comment', line: (g) => `// ${JSON.stringify(g)}`, reason: /invalid JSON/ },
  { defect: 'NUL bytes', line: () => '\u0000\u0000\u0000', reason: /invalid JSON/ },
  { defect: 'HTML instead of JSON', line: () => '<img src=x onerror=alert(1)>', reason: /invalid JSON/ },
  { defect: 'nesting 100,000 deep', line: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, reason: /invalid JSON|not a JSON object/ },
];

export interface GenerateOptions {
  count: number;
  seed: number;
}

/** `count` malformed files: line defects at random places in files of 1 to 40 records, plain or gzip, plus file-level defects. */
export function malformedFiles({ count, seed }: GenerateOptions): MalformedFile[] {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const files: MalformedFile[] = [];
  for (let i = 0; files.length < count; i++) {
    const records = Array.from({ length: 1 + int(40) }, (_, r) =>
      validRecord(`f${i}-r${r}`, random() < 0.2 ? { lean: 'center', topic: r } : {}),
    );
    const lines = records.map((r) => JSON.stringify(r));
    const gzip = random() < 0.3;
    const eol = random() < 0.3 ? '\r\n' : '\n';
    const encode = (text: string) => (gzip ? gzipSync(utf8(text)) : utf8(text));
    const name = `malformed-${i}.ndjson${gzip ? '.gz' : ''}`;
    const kind = int(10);
    if (kind < 7) {
      const defect = LINE_DEFECTS[int(LINE_DEFECTS.length)]!;
      const at = int(lines.length);
      lines[at] = defect.line(records[at]!);
      files.push({ name, bytes: encode(lines.join(eol)), defect: defect.defect, line: at + 1, reason: defect.reason });
    } else if (kind === 7) {
      // The same id again later in the file.
      const from = int(lines.length);
      lines.push(JSON.stringify({ ...records[from], title: 'Duplicate' }));
      files.push({ name, bytes: encode(lines.join(eol)), defect: 'duplicate id', line: lines.length, reason: /duplicate id/ });
    } else if (kind === 8) {
      files.push(invalidUtf8(name.replace('.gz', ''), lines, eol, int, gzip));
    } else {
      files.push(brokenGzip(i, lines.join(eol), int));
    }
  }
  return [...files, ...fileLevelCases()];
}

/** Bytes that are not UTF-8 somewhere in a line (the decoder refuses the file). */
function invalidUtf8(name: string, lines: string[], eol: string, int: (n: number) => number, gzip: boolean): MalformedFile {
  const bad = [[0xff], [0xc0, 0xaf], [0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]][int(6)]!;
  const at = int(lines.length);
  const line = lines[at]!;
  const cut = line.indexOf('First paragraph');
  const bytes = concat(
    utf8(
      lines
        .slice(0, at)
        .map((l) => l + eol)
        .join(''),
    ),
    utf8(line.slice(0, cut)),
    new Uint8Array(bad),
    utf8(line.slice(cut)),
    utf8(
      lines
        .slice(at + 1)
        .map((l) => eol + l)
        .join(''),
    ),
  );
  return {
    name: gzip ? `${name}.gz` : name,
    bytes: gzip ? gzipSync(bytes) : bytes,
    defect: `invalid UTF-8 bytes ${bad.map((b) => b.toString(16)).join(' ')} on line ${at + 1}`,
    reason: /UTF-8/,
  };
}

/** A gzip file cut short, or with bytes flipped in its compressed body or its checksum. */
function brokenGzip(i: number, text: string, int: (n: number) => number): MalformedFile {
  const gz = gzipSync(utf8(text));
  const how = int(3);
  const name = `broken-${i}.ndjson.gz`;
  if (how === 0) {
    const keep = 2 + int(gz.length - 10);
    return {
      name,
      bytes: gz.slice(0, keep),
      defect: `gzip cut at ${keep} of ${gz.length} bytes`,
      reason: /gzip|no records|invalid JSON|UTF-8/,
    };
  }
  const bytes = gz.slice();
  if (how === 1) {
    const at = 10 + int(bytes.length - 18);
    bytes[at] = bytes[at]! ^ 0xff;
    return { name, bytes, defect: `gzip body byte ${at} flipped`, reason: /gzip|invalid JSON|UTF-8|duplicate|not a JSON object|missing|:/ };
  }
  bytes[bytes.length - 6] = bytes[bytes.length - 6]! ^ 0x55;
  return { name, bytes, defect: 'gzip checksum damaged', reason: /gzip/ };
}

/** Whole-file defects, once each. */
function fileLevelCases(): MalformedFile[] {
  const good = JSON.stringify(validRecord('ok'));
  return [
    { name: 'empty.ndjson', bytes: new Uint8Array(), defect: 'an empty file', reason: /no records/ },
    { name: 'blank.ndjson', bytes: utf8('\n\r\n   \n\t\n'), defect: 'only blank lines', reason: /no records/ },
    {
      name: 'gzip-header.ndjson.gz',
      bytes: new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]),
      defect: 'a gzip header and nothing else',
      reason: /gzip|no records/,
    },
    { name: 'gzip-magic.ndjson.gz', bytes: new Uint8Array([0x1f, 0x8b]), defect: 'the gzip magic number alone', reason: /gzip|no records/ },
    {
      name: 'utf16.ndjson',
      bytes: concat(new Uint8Array([0xff, 0xfe]), ...Array.from(good, (c) => new Uint8Array([c.charCodeAt(0), 0]))),
      defect: 'UTF-16 text',
      reason: /UTF-8|invalid JSON/,
    },
    { name: 'nul.ndjson', bytes: new Uint8Array(4096), defect: '4 kB of NUL bytes', reason: /invalid JSON/, line: 1 },
    { name: 'one-long-line.ndjson', bytes: utf8('x'.repeat(5_000_000)), defect: 'one 5 MB line of junk', reason: /invalid JSON/, line: 1 },
    {
      name: 'text-too-long.ndjson',
      bytes: utf8(JSON.stringify(validRecord('big', { text: 'w '.repeat(1_100_000) }))),
      defect: 'a 2.2 MB text field',
      reason: /text is longer/,
      line: 1,
    },
    {
      name: 'json-array.ndjson',
      bytes: utf8(`[${good},${good}]`),
      defect: 'a JSON array of records, not NDJSON',
      reason: /not a JSON object/,
      line: 1,
    },
    {
      name: 'pretty.ndjson',
      bytes: utf8(JSON.stringify(validRecord('p'), null, 2)),
      defect: 'pretty-printed JSON over several lines',
      reason: /invalid JSON/,
      line: 1,
    },
    {
      name: 'zip.ndjson',
      bytes: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]),
      defect: 'a zip file',
      reason: /invalid JSON/,
      line: 1,
    },
    {
      name: 'trailing-garbage.ndjson',
      bytes: utf8(`${good}\n${JSON.stringify(validRecord('ok2'))}\n}{`),
      defect: 'garbage after the last record',
      reason: /invalid JSON/,
      line: 3,
    },
  ];
}

function main(args: string[]): void {
  const [dir, count = '1000', seed = '1'] = args;
  if (!dir) {
    console.error('Usage: npx tsx scripts/make-malformed.ts DIR [COUNT] [SEED]');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  const files = malformedFiles({ count: Number(count), seed: Number(seed) });
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify(
      files.map(({ name, defect, line, reason }) => ({ name, defect, line, reason: reason.source })),
      null,
      1,
    ),
  );
  console.log(`Wrote ${files.length} malformed files to ${dir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
