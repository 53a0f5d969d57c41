import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Browser tests need a built console and Chromium: `npm run test:browser` runs them.
const exclude = ['test/browser/**', '**/node_modules/**'];
// Files that need a process of their own: `vi.mock` registers a mock for the whole worker, and
// without isolation it would stay registered for the files the worker runs after this one.
const ownProcess = ['test/api/auth/verified-tokens.test.ts'];
// Every problem+json answer a test app gives must be listed in /openapi.json for its operation.
const problemCodesListed = 'test/support/problem-codes-listed.ts';

// Timeouts catch a hang, not slowness: with two workers on two cores the heaviest examples (a
// keyed-in loan's first close, the API fuzz) take 20 s and more of wall time.
const common = { testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on the 2-core CI machine one worker ran the
    // whole suite while a core idled (449 s); two take 255 s of wall time for the same CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...common,
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: [...exclude, ...ownProcess],
          // A worker runs many files and loads node_modules (fastify, zod, better-sqlite3, …) once:
          // a process per file spent most of the suite's import time loading them again.
          // fresh-modules.ts (first) still evaluates src/ and test/ afresh for each file.
          isolate: false,
          setupFiles: ['test/support/fresh-modules.ts', problemCodesListed],
        },
      },
      {
        test: { ...common, name: 'own-process', include: ownProcess, setupFiles: [problemCodesListed] },
      },
    ],
  },
});
