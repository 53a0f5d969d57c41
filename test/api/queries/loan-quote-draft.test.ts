import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { defineProduct, PRODUCT } from '../commands/journey-steps.js';

let t: TestApp;
const DRAFT = { ...PRODUCT, annualRate: '7.92', interestMethod: 'flat', principal: { min: '1000.00', max: '5000.00' }, term: { min: 6, max: 12 } };

beforeAll(async () => {
  t = await openTestApp();
  await defineProduct(t, { ...DRAFT, productId: 'flat-defined' });
});
afterAll(() => t.close());

const quote = (body: object) => t.call(STAFF.admin, 'POST', '/v1/loans/quote', body);
const loan = { principal: '1200.00', term: 12, expectedDisbursementDate: '2026-01-15' };

describe('POST /v1/loans/quote on draft terms (the products page preview)', () => {
  it('quotes draft terms exactly as the same terms defined as a product, recording nothing', async () => {
    const head = await t.runtime.eventStore.headPosition();
    const draft = await quote({ terms: DRAFT, ...loan });
    expect(draft.statusCode, draft.body).toBe(200);
    const defined = await quote({ productId: 'flat-defined', ...loan });
    const { productId, productVersion, ...figures } = draft.json() as Record<string, unknown>;
    expect({ productId, productVersion }).toEqual({ productId: 'draft', productVersion: 0 });
    expect(defined.json()).toMatchObject(figures);
    expect(figures).toMatchObject({ totalInterest: '95.04', apr: '14.31' });
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('applies the draft\'s own rules (422) and wants exactly one of productId and terms (400)', async () => {
    expect((await quote({ terms: DRAFT, ...loan, principal: '9000.00' })).json()).toMatchObject({ status: 422, code: 'AMOUNT_OUT_OF_RANGE' });
    expect((await quote({ terms: { ...DRAFT, aprCap: '10' }, ...loan })).json()).toMatchObject({ status: 422, code: 'APR_CAP_EXCEEDED' });
    for (const body of [loan, { ...loan, productId: 'flat-defined', terms: DRAFT }, { ...loan, terms: { ...DRAFT, annualRate: 'lots' } }]) {
      const res = await quote(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
