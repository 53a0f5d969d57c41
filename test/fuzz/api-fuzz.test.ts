import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type Caller, type TestApp } from '../support/test-app.js';
import { hostileRequests, type CallerKind, type FuzzRequest } from './hostile-requests.js';
import { routesOf, type FuzzRoute } from './openapi-routes.js';
import { seedLoanBook, type SeededIds } from './seed-loan-book.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_301);
/** Modest by default so `npm test` stays quick; FUZZ_RUNS=2000 (say) for a deeper run. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 60);
// Not a timing assertion: a ceiling generous enough for a loaded 2-core machine, growing with the runs asked for.
const TIMEOUT_MS = Math.max(120_000, RUNS_PER_ROUTE * 1_500);

let t: TestApp;
let routes: FuzzRoute[];
let ids: SeededIds;

beforeAll(async () => {
  t = await openTestApp();
  ids = await seedLoanBook(t);
  routes = routesOf((await t.call(STAFF.admin, 'GET', '/openapi.json')).json());
});

afterAll(async () => {
  await t.close();
});

function callerOf(kind: CallerKind): Caller | null {
  if (kind === 'own-borrower') return borrower(ids.customerId);
  if (kind === 'other-borrower') return borrower('someone-else');
  if (kind === 'anonymous' || kind === 'forged') return null;
  return STAFF[kind];
}

async function send(request: FuzzRequest): Promise<LightMyRequestResponse> {
  const caller = callerOf(request.caller);
  const auth = caller ? await t.auth(caller) : request.caller === 'forged' ? { authorization: request.forgedAuthorization } : {};
  return t.runtime.app.inject({
    method: request.method,
    url: request.url,
    headers: { ...request.headers, ...auth },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
}

/** The response contract under attack: no 5xx, errors as problem+json whose status is the HTTP status. */
function expectWellFormed(request: FuzzRequest, response: LightMyRequestResponse): void {
  const context = `${request.method} ${request.url.slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, context).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(response.headers['content-type'], context).toMatch(/^application\/problem\+json/);
  expect((response.json() as { status?: unknown }).status, context).toBe(response.statusCode);
}

describe(`API fuzzing (fast-check seed ${SEED}; replay with FUZZ_SEED=${SEED})`, () => {
  it('finds the API routes in the OpenAPI document', () => {
    const listed = routes.map((r) => `${r.method} ${r.path}`);
    expect(listed).toEqual(expect.arrayContaining(['POST /v1/loans', 'POST /v1/loans/{id}/repayments', 'GET /v1/loans/{id}']));
  });

  it('never answers 5xx, answers errors as problem+json, and leaves the log alone when the request is invalid or refused', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(hostileRequests(route, ids.all), async (request) => {
          const before = await t.runtime.eventStore.headPosition();
          const response = await send(request);
          expectWellFormed(request, response);
          if (request.invalidBecause !== null) {
            expect(await t.runtime.eventStore.headPosition(), `${route.method} ${route.path}: ${request.invalidBecause}, yet the log grew`).toBe(before);
          }
          if (response.statusCode >= 400) {
            expect(await t.runtime.eventStore.headPosition(), `${route.method} ${request.url.slice(0, 200)} was refused (${response.statusCode}), yet the log grew`).toBe(before);
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
  }, TIMEOUT_MS);

  it('answers a method a path does not serve with 405 problem+json and Allow, and writes nothing', async () => {
    const served = new Map<string, Set<string>>();
    for (const route of routes) served.set(route.path, (served.get(route.path) ?? new Set()).add(route.method));
    for (const [path, methods] of served) {
      const url = path.replace(/\{[^}]+\}/g, ids.loanId);
      for (const method of (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((m) => !methods.has(m))) {
        const before = await t.runtime.eventStore.headPosition();
        const response = await t.runtime.app.inject({ method, url, headers: await t.auth(STAFF.admin), payload: {} });
        const context = `${method} ${url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        // GET /v1/loans/quote is GET /v1/loans/{id} with id "quote": another route answers it (the first property covers it).
        if (t.runtime.app.findRoute({ method, url }) !== null) continue;
        expect(response.statusCode, context).toBe(405);
        expect(response.headers['content-type'], context).toMatch(/^application\/problem\+json/);
        expect(await t.runtime.eventStore.headPosition(), context).toBe(before);
        for (const allowed of methods) expect(String(response.headers.allow), context).toContain(allowed);
      }
    }
  });

  it('lets no body pollute Object.prototype', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
