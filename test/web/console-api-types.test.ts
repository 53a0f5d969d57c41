import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_API_TYPES_FILE, consoleApiTypes } from '../../scripts/api-types/console-api-types.js';

/**
 * The console's API types are committed (web/src/api/openapi.gen.ts) so the console builds and
 * type-checks on a fresh clone without starting the server; this keeps them the server's: a route
 * or schema change that is not regenerated fails here.
 */
describe('the console API types (web/src/api/openapi.gen.ts)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are what openapi-typescript makes of the server\'s /openapi.json; run `npm run api-types` when this fails', async () => {
    const committed = readFileSync(CONSOLE_API_TYPES_FILE, 'utf8');
    expect(committed === (await consoleApiTypes()), 'web/src/api/openapi.gen.ts is stale: run `npm run api-types`').toBe(true);
  });

  it('do not depend on the day they are generated (Swagger UI\'s examples are dated today)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-04T12:00:00Z'));
    const later = await consoleApiTypes();
    vi.useRealTimers();
    expect(later === (await consoleApiTypes())).toBe(true);
  });
});
