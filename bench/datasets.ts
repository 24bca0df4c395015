import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The datasets folder: $FRAMELENS_DATASETS, else ../shared/datasets beside the repo; null when absent. */
export function datasetsDir(): string | null {
  const candidates = [process.env.FRAMELENS_DATASETS, resolve(here, '../../shared/datasets')].filter(Boolean) as string[];
  return candidates.find((d) => existsSync(d)) ?? null;
}

/** Path of a dataset file, or null with a plain message saying what is missing. */
export function dataset(name: string): string | null {
  const dir = datasetsDir();
  const path = dir ? join(dir, name) : null;
  if (!path || !existsSync(path)) {
    console.log(`  skipped: ${name} not found (looked in ${dir ?? '../shared/datasets'}; set FRAMELENS_DATASETS to its folder)`);
    return null;
  }
  return path;
}
