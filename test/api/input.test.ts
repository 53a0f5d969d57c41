import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoutes } from './fixture-routes.js';
import { harness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => (h = await harness({ routes: [fixtureRoutes] })));
afterAll(() => h.app.close());

const post = (payload: string) =>
  h.app.inject({ method: 'POST', url: '/t/items', headers: { 'content-type': 'application/json' }, payload });

describe('request bodies', () => {
  it('accepts a valid body and writes bigints as decimal strings', async () => {
    const res = await post(JSON.stringify({ name: 'a', amount: '10.50' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"name":"a","position":"9007199254740993"}');
  });

  it('writes bigints as decimal strings on routes without a response schema', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/t/big' });
    expect(res.body).toBe('{"position":"18446744073709551616"}');
  });

  it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await post('{"name": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('refuses wrong types with 400 VALIDATION_FAILED naming the field', async () => {
    const res = await post(JSON.stringify({ name: 'a', amount: 10.5 }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringContaining('body.amount') });
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await post(JSON.stringify({ name: 'a', amount: '1', role: 'admin' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: 'body: unknown field(s) role' });
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(1024 * 1024), amount: '1' }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
  });

  // Valid JSON refused on purpose (prototype pollution): the answer says so, not that the JSON is broken (QA D7).
  it.each([
    ['__proto__', '{"name":"a","amount":"1","__proto__":{"admin":true}}'],
    ['nested __proto__', '{"name":"a","amount":"1","tags":[{"__proto__":{"admin":true}}]}'],
    ['constructor.prototype', '{"name":"a","amount":"1","constructor":{"prototype":{"admin":true}}}'],
  ])('refuses a %s key with 400 FORBIDDEN_PROTOTYPE_KEY', async (_key, payload) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, code: 'FORBIDDEN_PROTOTYPE_KEY', detail: 'Body may not contain a __proto__ or constructor.prototype key' });
  });

  it.each([
    ['broken JSON naming __proto__', '{"__proto__": {'],
    ['an empty body', ''],
  ])('answers %s 400 MALFORMED_JSON', async (_what, payload) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('accepts a constructor key without a prototype in it (a valid field name, not pollution)', async () => {
    const res = await post('{"name":"a","amount":"1","constructor":"x"}');
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: 'body: unknown field(s) constructor' });
  });

  it('refuses a non-JSON content type with 415', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/t/items', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
