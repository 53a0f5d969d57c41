import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../src/api/problem.js';
import { DomainError } from '../../src/domain/errors.js';
import { fixtureRoutes } from './fixture-routes.js';
import { harness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => (h = await harness({ routes: [fixtureRoutes] })));
afterAll(() => h.app.close());

describe('problem mapper', () => {
  it.each([
    ['invalid', 400, 'TEST_INVALID'],
    ['not_found', 404, 'TEST_NOT_FOUND'],
    ['conflict', 409, 'TEST_CONFLICT'],
    ['rule', 422, 'TEST_RULE'],
    ['concurrency', 409, 'CONCURRENCY_CONFLICT'],
    ['zod', 400, 'VALIDATION_FAILED'],
  ])('maps %s to %i %s as problem+json', async (what, status, code) => {
    const res = await h.app.inject({ method: 'GET', url: `/t/fail/${what}` });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status, code, type: expect.stringMatching(/^urn:lendcore:problem:/) });
    expect(body.title).toEqual(expect.any(String));
    expect(body.detail).toEqual(expect.any(String));
  });

  it('answers an unexpected error with a generic 500 and logs it with the correlation id', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/t/fail/unexpected', headers: { 'x-correlation-id': 'corr-500' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('at ');
    const logged = h.logLines.map((l) => JSON.parse(l) as { correlationId?: string; err?: { message: string } });
    expect(logged.some((l) => l.correlationId === 'corr-500' && l.err?.message.includes('hunter2'))).toBe(true);
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/nowhere?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'no route GET /v1/nowhere' });
  });

  it('keeps the domain code and message of a DomainError', () => {
    expect(toProblem(new DomainError('APR_ABOVE_CAP', 'APR 40% above cap 24%')).problem).toEqual({
      type: 'urn:lendcore:problem:apr-above-cap',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'APR 40% above cap 24%',
      code: 'APR_ABOVE_CAP',
    });
  });

  it('keeps the status of a plugin\'s client error that carries no code (http-errors style)', () => {
    const rangeError = Object.assign(new Error('Range Not Satisfiable'), { status: 416, statusCode: 416, expose: true });
    expect(toProblem(rangeError).problem).toMatchObject({ status: 416, code: 'HTTP_416', title: 'Range Not Satisfiable', detail: 'Range Not Satisfiable' });
  });

  it('treats a non-error throw as a 500', () => {
    expect(toProblem('boom').problem.status).toBe(500);
  });
});
