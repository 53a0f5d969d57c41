import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';

interface Operation { requestBody?: { content: Record<string, { example?: unknown }> }; parameters?: { in: string; name: string; example?: unknown; schema?: { example?: unknown } }[] }
type Paths = Record<string, Record<string, Operation>>;

let t: TestApp;
let paths: Paths;
beforeAll(async () => {
  t = await openTestApp();
  paths = ((await t.call(null, 'GET', '/openapi.json')).json() as { paths: Paths }).paths;
});
afterAll(() => t.close());

const exampleOf = (path: string, method = 'post') => paths[path]?.[method]?.requestBody?.content['application/json']?.example;

describe('Swagger UI "Try it out" examples', () => {
  it('defines a product from the example again and again (no fixed id)', async () => {
    const body = exampleOf('/v1/products');
    expect(body).toBeTypeOf('object');
    const first = await t.call(STAFF.admin, 'POST', '/v1/products', body);
    const second = await t.call(STAFF.admin, 'POST', '/v1/products', body);
    expect([first.statusCode, second.statusCode], `${first.body} ${second.body}`).toEqual([201, 201]);
    expect(first.json<{ id: string }>().id).not.toBe(second.json<{ id: string }>().id);
  });

  it('registers a customer from the example once; a second try is 409 NATIONAL_ID_TAKEN, not a fixed-id clash', async () => {
    const body = exampleOf('/v1/customers');
    expect(body).toBeTypeOf('object');
    const first = await t.call(STAFF.officer, 'POST', '/v1/customers', body);
    const second = await t.call(STAFF.officer, 'POST', '/v1/customers', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json()).toMatchObject({ code: 'NATIONAL_ID_TAKEN' });
  });

  it('dates every example today and pre-fills no If-Match or Idempotency-Key', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const [path, operations] of Object.entries(paths)) {
      for (const operation of Object.values(operations)) {
        const dates = JSON.stringify(operation.requestBody?.content['application/json']?.example ?? {}).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
        for (const date of dates) expect(date, path).toBe(today);
        for (const header of operation.parameters?.filter((p) => p.in === 'header') ?? []) expect(header.example ?? header.schema?.example, path).toBeUndefined();
      }
    }
  });
});
