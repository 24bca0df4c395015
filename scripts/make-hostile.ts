/**
 * Writes the hostile page corpus from tests/fixtures/hostile/specs.ts:
 * tests/fixtures/hostile/<slug>/source.html (in the page's declared encoding, through
 * iconv for the legacy ones) and expected.json beside it. With `--large DIR`, also writes
 * the generated large pages (tests/fixtures/hostile/large.ts; never committed) under DIR,
 * in the same layout, for a look in a browser.
 *
 *   npx tsx scripts/make-hostile.ts [--large /tmp/hostile-large]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { largePages } from '../tests/fixtures/hostile/large';
import { SPECS, type HostileSpec } from '../tests/fixtures/hostile/specs';

const HOSTILE_DIR = fileURLToPath(new URL('../tests/fixtures/hostile/', import.meta.url));

/** The page's bytes in its declared encoding. */
export function encodePage(spec: HostileSpec): Buffer {
  if (!spec.encoding) return Buffer.from(spec.html, 'utf8');
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', spec.encoding.toUpperCase()], { input: spec.html });
}

function writeSpec(dir: string, spec: HostileSpec): void {
  const { slug, html, ...expected } = spec;
  void html;
  mkdirSync(join(dir, slug), { recursive: true });
  writeFileSync(join(dir, slug, 'source.html'), encodePage(spec));
  writeFileSync(join(dir, slug, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}

function main(args: string[]): void {
  for (const spec of SPECS) writeSpec(HOSTILE_DIR, spec);
  console.log(`Wrote ${SPECS.length} hostile pages to ${HOSTILE_DIR}`);
  const largeAt = args.indexOf('--large');
  const largeDir = largeAt >= 0 ? args[largeAt + 1] : undefined;
  if (largeDir) {
    for (const page of largePages()) {
      mkdirSync(join(largeDir, page.slug), { recursive: true });
      writeFileSync(join(largeDir, page.slug, 'source.html'), page.html);
    }
    console.log(`Wrote ${largePages().length} large pages to ${largeDir}`);
  }
}

main(process.argv.slice(2));
