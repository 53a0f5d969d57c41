import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProjectionControl } from '../../../src/api/deps.js';
import { LOAN_SUMMARY } from '../../../src/projections/models/loan-summary/documents.js';
import { PRODUCT_CATALOG } from '../../../src/projections/models/product-catalog/product-catalog.js';
import type { Doc } from '../../../src/readstore/port.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { call, callApp, defineProduct, disbursedLoan, read, repay, useBusinessClock, verifiedCustomer } from './journey.js';
import { queryAppWith } from './query-app.js';

let t: TestApp;
let head: string;

beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await verifiedCustomer(t, 'c1');
  await disbursedLoan(t, 'l1', 'c1');
  head = await repay(t, 'l1', 'c1', '1020.07', '2026-02-15', 'feb');
  await t.caughtUp(head);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

async function documents(collection: string): Promise<Doc[]> {
  const docs: Doc[] = [];
  for await (const doc of t.runtime.readStore.scan(collection)) docs.push(doc);
  return docs;
}

type Status = { name: string; state: string; position: string; headPosition: string; lagEvents: number };

describe('GET /v1/admin/projections', () => {
  it('lists every projection with its position (a decimal string) and lag', async () => {
    const { items } = await read<{ items: Status[] }>(t, STAFF.admin, '/v1/admin/projections');
    expect(items.map((s) => s.name)).toEqual(expect.arrayContaining(['loan-summary', 'customer-account', 'general-ledger', 'product-catalog']));
    expect(items.map((s) => s.name), 'a SQLite log answers audit queries itself').not.toContain('audit-trail');
    for (const status of items) expect(status).toMatchObject({ state: 'live', position: head, headPosition: head, lagEvents: 0 });
    expect((await call(t, STAFF.compliance, 'GET', '/v1/admin/projections')).statusCode).toBe(403);
  });
});

describe('POST /v1/admin/projections/:name/rebuild', () => {
  it('answers 202, keeps reads serving, and ends with identical documents', async () => {
    const before = { loans: await documents(LOAN_SUMMARY), products: await documents(PRODUCT_CATALOG) };
    const accepted = await call(t, STAFF.admin, 'POST', '/v1/admin/projections/loan-summary/rebuild');
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json()).toEqual({ name: 'loan-summary', state: 'rebuilding' });
    expect((await call(t, STAFF.officer, 'GET', '/v1/loans/l1')).statusCode).toBe(200);
    await vi.waitFor(async () => {
      const { items } = await read<{ items: Status[] }>(t, STAFF.admin, '/v1/admin/projections');
      expect(items.find((s) => s.name === 'loan-summary')?.state).toBe('live');
    }, { timeout: 30_000, interval: 20 });
    expect(await documents(LOAN_SUMMARY)).toEqual(before.loans);
    expect(await documents(PRODUCT_CATALOG)).toEqual(before.products);
    expect((await call(t, STAFF.officer, 'GET', '/v1/loans/l1')).json()).toMatchObject({ outstanding: { principal: '2009.93' } });
  });

  it('answers 404 for an unknown projection and 403 to non-admins', async () => {
    const unknown = await call(t, STAFF.admin, 'POST', '/v1/admin/projections/nope/rebuild');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'PROJECTION_NOT_FOUND' });
    expect((await call(t, STAFF.compliance, 'POST', '/v1/admin/projections/loan-summary/rebuild')).statusCode).toBe(403);
  });

  it('answers 409 while the projection is already rebuilding, without starting another', async () => {
    let rebuilds = 0;
    const busy: ProjectionControl = {
      status: async () => [{ name: 'loan-summary', version: 1, state: 'rebuilding', position: 3n, headPosition: 9n, lagEvents: 6, lagSeconds: 1, error: null }],
      waitForPosition: async () => true,
      rebuild: async () => void (rebuilds += 1),
    };
    const app = await queryAppWith(t, busy);
    try {
      const response = await callApp(t, app, STAFF.admin, 'POST', '/v1/admin/projections/loan-summary/rebuild');
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'PROJECTION_REBUILDING' });
      expect(rebuilds).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('answers 409 when the projectors run in another process', async () => {
    const app = await queryAppWith(t, undefined);
    try {
      for (const [method, url] of [['GET', '/v1/admin/projections'], ['POST', '/v1/admin/projections/loan-summary/rebuild']] as const) {
        const response = await callApp(t, app, STAFF.admin, method, url);
        expect(response.statusCode).toBe(409);
        expect(response.json()).toMatchObject({ code: 'PROJECTORS_ELSEWHERE' });
      }
    } finally {
      await app.close();
    }
  });
});
