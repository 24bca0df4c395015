/**
 * Release packages for the stores: `npm run package` builds dist/ (the user build), then writes
 *  - web-ext-artifacts/framelens-<version>-chrome.zip: dist/ zipped with manifest.json at the
 *    root, as the Chrome Web Store (and Edge Add-ons) take it;
 *  - web-ext-artifacts/framelens-<version>-firefox.zip: `web-ext build` of the same dist/
 *    (one manifest serves both browsers), as addons.mozilla.org takes it.
 * The version is package.json's (the build writes it into the manifest too).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { ROOT_DIR } from '../vite.config';
import { buildExtension } from './build';

export const ARTIFACTS_DIR = `${ROOT_DIR}web-ext-artifacts`;

/** The packages' file names for a version ("0.1.0" -> framelens-0.1.0-chrome.zip, ...-firefox.zip). */
export function artifactNames(version: string): { chrome: string; firefox: string } {
  if (!/^\d+(\.\d+){0,3}$/.test(version))
    throw new Error(`Version ${JSON.stringify(version)} is not an extension version (1 to 4 dot-separated integers).`);
  return { chrome: `framelens-${version}-chrome.zip`, firefox: `framelens-${version}-firefox.zip` };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Zips a directory with its files at the archive root, in sorted order and with a fixed
 * timestamp, so the same build gives byte-identical packages (reviewers can compare them).
 */
export async function zipDirectory(dir: string): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const path of await filesUnder(dir)) {
    files[relative(dir, path).split(sep).join('/')] = [new Uint8Array(await readFile(path)), { mtime: new Date('1980-01-01T00:00:00Z') }];
  }
  if (!('manifest.json' in files)) throw new Error(`${dir} has no manifest.json: build the extension first.`);
  return zipSync(files, { level: 9 });
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(`${ROOT_DIR}package.json`, 'utf8')) as { version?: unknown };
  return String(pkg.version);
}

export async function packageExtension(): Promise<{ chrome: string; firefox: string }> {
  const names = artifactNames(await packageVersion());
  const distDir = `${ROOT_DIR}dist`;
  await buildExtension({ outDir: distDir, test: false });
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const chrome = join(ARTIFACTS_DIR, names.chrome);
  await writeFile(chrome, await zipDirectory(distDir));
  const webExt = spawnSync(
    join(ROOT_DIR, 'node_modules', '.bin', 'web-ext'),
    ['build', '--source-dir', distDir, '--artifacts-dir', ARTIFACTS_DIR, '--filename', names.firefox, '--overwrite-dest'],
    { stdio: 'inherit' },
  );
  if (webExt.status !== 0) throw new Error(`web-ext build failed (exit ${webExt.status ?? webExt.signal ?? 'unknown'}).`);
  return { chrome, firefox: join(ARTIFACTS_DIR, names.firefox) };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  try {
    const { chrome, firefox } = await packageExtension();
    console.log(`Chrome / Edge: ${relative(ROOT_DIR, chrome)}\nFirefox:       ${relative(ROOT_DIR, firefox)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
