import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests need a built console and Chromium: `npm run test:browser` runs them.
    exclude: ['test/browser/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every problem+json answer a test app gives must be listed in /openapi.json for its operation.
    setupFiles: ['test/support/problem-codes-listed.ts'],
  },
});
