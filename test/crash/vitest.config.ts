import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept out of `npm test` (its include is test/**/*.test.ts): it needs `npm run build` and real processes.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/crash/**/*.crash.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
