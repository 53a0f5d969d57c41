import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY, type RouteId } from '../../../src/api/auth/policy.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await openTestApp()));
afterAll(() => t.close());

interface Operation {
  operationId?: string;
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, { example?: unknown }> } } } };
  parameters?: { in: string; name: string; example?: unknown; schema?: { example?: unknown } }[];
  responses: Record<string, unknown>;
}

describe('OpenAPI document of the command routes', () => {
  it('documents every command route with its headers, both answers and body examples', async () => {
    const doc = (await t.call(null, 'GET', '/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };
    // loans.quote and loans.agreement are POSTs that record nothing: no command headers, one 200 answer (test/api/queries/loan-quote.test.ts, loan-agreement.test.ts).
    const readOnly: RouteId[] = ['loans.quote', 'loans.agreement'];
    const commands = (Object.keys(POLICY) as RouteId[]).filter((id) => /^(customers|products|loans|holidays)\./.test(id) && POLICY[id].method !== 'GET' && !readOnly.includes(id));
    for (const id of commands) {
      const { method, url } = POLICY[id];
      const operation = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(operation, id).toBeDefined();
      expect(operation?.parameters?.filter((p) => p.in === 'header').map((p) => p.name), id).toEqual(['if-match', 'idempotency-key']);
      expect(Object.keys(operation?.responses ?? {}).filter((s) => s.startsWith('2')), id).toEqual(['200', '201']);
      expect(operation?.operationId, id).toBe(id);
      // Swagger UI's "Try it out" would send a pre-filled If-Match or Idempotency-Key as is.
      for (const header of operation?.parameters?.filter((p) => p.in === 'header') ?? []) expect(header.example ?? header.schema?.example, id).toBeUndefined();
      expect(operation?.responses['409'] ?? operation?.responses['400'], id).toBeDefined();
    }
    const repayment = doc.paths['/v1/loans/{id}/repayments']?.post?.requestBody?.content['application/json'].schema.properties;
    expect(repayment?.amount?.example).toBe('1500.00');
    expect(repayment?.channel?.example).toBe('alipay');
  });
});
