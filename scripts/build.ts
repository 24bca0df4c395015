/**
 * Builds the extension: `npx tsx scripts/build.ts` -> dist/ (what users load),
 * `--test` -> dist-test/ (the same, plus host access to http://127.0.0.1/* so the E2E
 * tests can inject the content script into fixture pages without a toolbar click).
 * Layout (the brief's contract): popup.html, options.html, compare.html, welcome.html,
 * background.js (module service worker), content.js (classic IIFE), manifest.json, icons/,
 * _locales/, public/*.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { contentScriptConfig, extensionPagesConfig, ROOT_DIR } from '../vite.config';
import { checkContentScript, checkServiceWorkerImports, missingEntries, outputChunks } from './build-checks';
import { buildManifest, type Manifest } from './manifest';

const TEST_HOST_PERMISSIONS = ['http://127.0.0.1/*'];

interface BuildOptions {
  outDir: string;
  test: boolean;
}

function parseOptions(argv: string[]): BuildOptions {
  const unknown = argv.filter((a) => a !== '--test');
  if (unknown.length > 0) throw new Error(`Unknown argument(s): ${unknown.join(' ')}. Usage: tsx scripts/build.ts [--test]`);
  const test = argv.includes('--test');
  return { test, outDir: `${ROOT_DIR}${test ? 'dist-test' : 'dist'}` };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

export async function buildExtension({ outDir, test }: BuildOptions): Promise<void> {
  const missing = missingEntries();
  if (missing.length > 0) {
    throw new Error(`Cannot build: these entry files do not exist yet:\n  ${missing.join('\n  ')}`);
  }
  const pages = await build(extensionPagesConfig(outDir));
  checkServiceWorkerImports(outputChunks(pages));
  const content = await build(contentScriptConfig(outDir));
  checkContentScript(outputChunks(content));

  await mkdir(`${outDir}/icons`, { recursive: true });
  // The PNGs the manifest names; icon.svg is their source, not shipped.
  await cp(`${ROOT_DIR}icons`, `${outDir}/icons`, { recursive: true, filter: (path) => !path.endsWith('.svg') });

  // The pages' strings (browser.i18n); the manifest names the default locale.
  await cp(`${ROOT_DIR}_locales`, `${outDir}/_locales`, { recursive: true });

  const pkg = await readJson(`${ROOT_DIR}package.json`);
  const source = (await readJson(`${ROOT_DIR}manifest.json`)) as Manifest;
  const manifest = buildManifest(source, pkg, test ? TEST_HOST_PERMISSIONS : null);
  await writeFile(`${outDir}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const started = performance.now();
  try {
    const options = parseOptions(process.argv.slice(2));
    await buildExtension(options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Built ${options.test ? 'dist-test/ (E2E build, host access to 127.0.0.1)' : 'dist/'} in ${seconds} s`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
