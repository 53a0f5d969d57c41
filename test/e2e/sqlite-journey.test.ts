import { afterAll, beforeAll, describe, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { borrowerJourney } from './journey.js';

let t: TestApp;
beforeAll(async () => (t = await openTestApp()));
afterAll(() => t.close());

describe('the borrower journey end to end on the embedded engines (SQLite log and read models)', () => {
  for (const step of borrowerJourney('sqlite')) it(step.name, () => step.run(t));
});
