import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteId } from '../../../src/api/auth/policy.js';
import { problemCodesOf } from '../../../src/api/openapi/problem-codes.js';

/** Every route id whose handler reads the command headers (`commandMeta(request, actor, '<route>')`), from the route sources. */
function routesReadingCommandHeaders(dir = 'src/api/routes'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routesReadingCommandHeaders(path);
    return [...readFileSync(path, 'utf8').matchAll(/commandMeta\(request, actor, '([a-zA-Z]+\.[a-zA-Z]+)'\)/g)].map((m) => m[1] as string);
  });
}

describe('a malformed If-Match or Idempotency-Key is a listed answer of every command route', () => {
  it('lists 400 INVALID_IF_MATCH and INVALID_IDEMPOTENCY_KEY for each route whose handler reads them (seedhunt13 F3: nine payment and holiday routes left them out)', () => {
    const routes = [...new Set(routesReadingCommandHeaders())];
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) expect(problemCodesOf(route as RouteId)[400], route).toEqual(expect.arrayContaining(['INVALID_IF_MATCH', 'INVALID_IDEMPOTENCY_KEY']));
  });
});
