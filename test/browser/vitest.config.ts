import { defineConfig } from 'vitest/config';

/** Browser tests: one server, one Chromium, files one after another (`npm run test:browser` builds first). */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
