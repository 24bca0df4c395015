import { defineConfig } from 'vitest/config';

// Unit tests: src/core and friends, in Node (jsdom only where a test asks for it).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
