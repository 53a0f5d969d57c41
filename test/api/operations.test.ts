import { afterEach, describe, expect, it } from 'vitest';
import type { ApiPlugin } from '../../src/api/deps.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => h?.app.close());

const echoRoutes: ApiPlugin = async (app) => {
  app.post('/t/echo', async (request) => {
    request.log.info({ body: request.body }, 'echo');
    return { ok: true };
  });
};

describe('operational endpoints', () => {
  it('/health answers 200 {status: ok}', async () => {
    h = await harness();
    const res = await h.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/ready answers 200 when stores answer and no projection failed', async () => {
    h = await harness({ projections: { failed: async () => [] } });
    expect((await h.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it('/ready answers 503 naming an unreachable store', async () => {
    h = await harness({ eventStoreUp: false });
    const res = await h.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'NOT_READY', detail: 'event store not reachable' });
  });

  it('/ready answers 503 naming a failed projection', async () => {
    h = await harness({ projections: { failed: async () => [{ name: 'loan-summary', error: 'unknown event type Foo' }] } });
    const res = await h.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toBe('projection loan-summary failed: unknown event type Foo');
  });

  it('/openapi.json serves the OpenAPI document and /docs the UI', async () => {
    h = await harness({ routes: [echoRoutes] });
    const doc = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json()).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: 'lendcore' } });
    expect(Object.keys(doc.json().paths)).toContain('/t/echo');
    expect(Object.keys(doc.json().paths)).not.toContain('/health');
    const ui = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('/metrics exposes default metrics and the request histogram by route pattern', async () => {
    h = await harness();
    await h.app.inject({ method: 'GET', url: '/health' });
    await h.app.inject({ method: 'GET', url: '/nowhere/123' });
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} 1/);
    expect(res.body).toMatch(/route="unmatched",status_code="404"/);
    expect(res.body).not.toContain('/nowhere/123');
  });

  it('echoes a given correlation id, generates one when absent, and logs it', async () => {
    h = await harness();
    const given = await h.app.inject({ method: 'GET', url: '/health', headers: { 'x-correlation-id': 'abc-123' } });
    expect(given.headers['x-correlation-id']).toBe('abc-123');
    const fresh = await h.app.inject({ method: 'GET', url: '/health' });
    expect(fresh.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await h.app.inject({ method: 'GET', url: '/health', headers: { 'x-correlation-id': 'a\u0000b' } });
    expect(unsafe.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.logLines.some((l) => (JSON.parse(l) as { correlationId?: string }).correlationId === 'abc-123')).toBe(true);
  });

  it('redacts PII and the authorization header from logs', async () => {
    h = await harness({ routes: [echoRoutes] });
    await h.app.inject({
      method: 'POST',
      url: '/t/echo',
      headers: { authorization: 'Bearer secret-token' },
      payload: { name: '张三', nationalId: '110105199001011234', phone: '13812341234', email: 'z@x.com', bankAccount: '6222', employer: 'Zhuque Robotics', monthlyIncome: '23456.78' },
    });
    const log = h.logLines.join('\n');
    expect(log).toContain('"name":"[redacted]"');
    for (const secret of ['张三', '110105199001011234', '13812341234', 'z@x.com', '"6222"', 'Zhuque Robotics', '23456.78']) expect(log).not.toContain(secret);
  });
});
