import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (dist-test/) in Debian's Chromium, one browser at a
// time (2-core machines; parallel browsers only make every test slower and flakier).
const testBuild = fileURLToPath(new URL('./dist-test/manifest.json', import.meta.url));
if (!existsSync(testBuild)) {
  throw new Error('dist-test/ is missing: run `npm run build:test` before the end-to-end tests (`npm test` does both).');
}

export default defineConfig({
  test: {
    // The Firefox harness speaks WebDriver BiDi over Node's WebSocket: global from Node 22,
    // behind a flag on Node 20.
    execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
