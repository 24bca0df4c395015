/** Release packages (scripts/package.ts): names from the version, zips with the manifest at the root, reproducible. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { artifactNames, zipDirectory } from '../../scripts/package';

describe('artifactNames', () => {
  it('names both packages with the version', () => {
    expect(artifactNames('0.1.0')).toEqual({ chrome: 'framelens-0.1.0-chrome.zip', firefox: 'framelens-0.1.0-firefox.zip' });
  });
  it('refuses a version the stores would refuse', () => {
    expect(() => artifactNames('1.0.0-beta')).toThrow(/not an extension version/);
  });
});

describe('zipDirectory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-package-'));
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'manifest.json'), '{"manifest_version":3}');
  writeFileSync(join(dir, 'icons', 'icon-16.png'), 'png');

  it('puts the files at the archive root with forward slashes', async () => {
    const files = unzipSync(await zipDirectory(dir));
    expect(Object.keys(files).sort()).toEqual(['icons/icon-16.png', 'manifest.json']);
    expect(new TextDecoder().decode(files['manifest.json'])).toBe('{"manifest_version":3}');
  });

  it('gives byte-identical packages for the same files', async () => {
    expect(Buffer.from(await zipDirectory(dir)).equals(Buffer.from(await zipDirectory(dir)))).toBe(true);
  });

  it('refuses a directory without a manifest', async () => {
    await expect(zipDirectory(join(dir, 'icons'))).rejects.toThrow(/no manifest.json/);
  });
});
