import { afterAll, expect } from 'vitest';
import { unlistedProblems } from './problem-code-recorder.js';

// A vitest setup file (vitest.config.ts): after each test file, every problem+json answer its test
// apps gave must be listed for its operation, status and code in the app's /openapi.json.
afterAll(() => {
  expect(unlistedProblems(), 'problem codes answered but not listed in /openapi.json: add them to src/api/openapi/problem-codes.ts').toEqual([]);
});
