import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, defineProduct, PRODUCT } from '../commands/journey-steps.js';

let t: TestApp;
const FLAT = { ...PRODUCT, productId: 'flat-792', annualRate: '7.92', interestMethod: 'flat', principal: { min: '1000.00', max: '5000.00' }, term: { min: 6, max: 12 } };

beforeAll(async () => {
  t = await openTestApp();
  await defineProduct(t, FLAT);
  await defineProduct(t, { ...PRODUCT, productId: 'gone' });
  accepted(await t.call(STAFF.admin, 'POST', '/v1/products/gone/retire', { reason: 'replaced' }));
});
afterAll(() => t.close());

const quote = (body: object, caller = borrower('anyone')) => t.call(caller, 'POST', '/v1/loans/quote', body);

describe('POST /v1/loans/quote', () => {
  it('answers the schedule, totals and APR to a borrower, recording nothing', async () => {
    const head = await t.runtime.eventStore.headPosition();
    const res = await quote({ productId: 'flat-792', principal: '1200.00', term: 12, expectedDisbursementDate: '2026-01-15' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { rows: { dueDate: string; total: string }[] };
    expect(body).toMatchObject({
      currency: 'CNY', principal: '1200.00', term: 12, startDate: '2026-01-15',
      totalInterest: '95.04', totalFees: '0.00', totalRepayment: '1295.04', apr: '14.31', aprMethod: 'irr-nominal',
    });
    expect(body.rows).toHaveLength(12);
    expect(body.rows[11]).toMatchObject({ dueDate: '2027-01-15', total: '107.92', balance: '0.00' });
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('answers staff too, and takes a first repayment date', async () => {
    const res = await quote({ productId: 'flat-792', principal: '1200.00', term: 6, expectedDisbursementDate: '2026-01-15', firstRepaymentDate: '2026-03-01' }, STAFF.officer);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { rows: { dueDate: string }[] }).rows[0]?.dueDate).toBe('2026-03-01');
  });

  it.each([
    ['AMOUNT_OUT_OF_RANGE', { productId: 'flat-792', principal: '5000.01', term: 12 }],
    ['TERM_OUT_OF_RANGE', { productId: 'flat-792', principal: '1200.00', term: 13 }],
    ['PRODUCT_NOT_FOUND', { productId: 'nope', principal: '1200.00', term: 12 }],
    ['PRODUCT_RETIRED', { productId: 'gone', principal: '1200.00', term: 12 }],
    ['FIRST_REPAYMENT_OUT_OF_RANGE', { productId: 'flat-792', principal: '1200.00', term: 12, expectedDisbursementDate: '2026-01-15', firstRepaymentDate: '2026-01-10' }],
  ])('refuses with 422 %s', async (code, body) => {
    const res = await quote(body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code, status: 422 });
  });

  it('refuses malformed or unknown fields with 400 and anonymous callers with 401', async () => {
    expect((await quote({ productId: 'flat-792', principal: '12.345.00', term: 12 })).statusCode).toBe(400);
    expect((await quote({ productId: 'flat-792', principal: '1200.00', term: 12, rate: '1' })).statusCode).toBe(400);
    expect((await t.call(null, 'POST', '/v1/loans/quote', { productId: 'flat-792', principal: '1200.00', term: 12 })).statusCode).toBe(401);
  });

  it('is in the OpenAPI document with its response schema', async () => {
    const doc = (await t.call(null, 'GET', '/openapi.json')).json() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>> };
    const properties = doc.paths['/v1/loans/quote']?.post?.responses['200']?.content?.['application/json']?.schema.properties ?? {};
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['currency', 'rows', 'totalInterest', 'totalFees', 'totalRepayment', 'apr', 'aprMethod']));
  });
});
