import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from '../commands/journey-steps.js';

/**
 * QA9 Q10: a product's terms broken in a way only the domain sees (grace that leaves no paying
 * period, a percent penalty above 100, a zero APR cap) are refused 422 by every operation that
 * checks terms, and /openapi.json lists them there. The suite-wide recorder
 * (test/support/problem-codes-listed.ts) checks only answers some test produces, and no API test
 * produced these (the domain tests call validateProductTerms directly), so they went unnoticed.
 */
let t: TestApp;
let productId: string;
type Responses = Record<string, { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }>;
let doc: { paths: Record<string, Record<string, { responses: Responses }>> };

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, name: 'Term refusals' });
  doc = (await t.call(null, 'GET', '/openapi.json')).json() as typeof doc;
});
afterAll(() => t.close());

const broken = {
  INVALID_GRACE: { graceOnPrincipal: 3 },
  INVALID_PENALTY: { penalty: { type: 'percent', value: '500', cap: null, graceDays: 0 } },
  INVALID_APR_CAP: { aprCap: '0' },
} as const;
const listed = (path: string, status: number) => (doc.paths[path]?.post?.responses[String(status)]?.content?.['application/problem+json']?.schema?.allOf ?? [])
  .flatMap((part) => part.properties?.code?.enum ?? []);

describe('product-term refusals (QA9 Q10)', () => {
  it.each(Object.entries(broken))('%s: 422 from define, amend and a quote on draft terms, and listed under 422 only', async (code, over) => {
    const terms = { ...PRODUCT, term: { min: 3, max: 12 }, ...over };
    refused(await t.call(STAFF.admin, 'POST', '/v1/products', { ...terms, name: `Broken ${code}` }), 422, code);
    refused(await t.call(STAFF.admin, 'POST', `/v1/products/${productId}/amend`, terms), 422, code);
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans/quote', { terms, principal: '1000.00', term: 3 }), 422, code);
    for (const path of ['/v1/products', '/v1/products/{id}/amend', '/v1/loans/quote']) {
      expect(listed(path, 422), path).toContain(code);
      expect(listed(path, 400), path).not.toContain(code);
    }
  });
});

/**
 * QA 12 Q8: answers no API test produced, so the recorder never checked them: a quote on draft terms
 * whose schedule degenerates (422 DEGENERATE_SCHEDULE) or in a currency without minor units
 * (400 UNSUPPORTED_CURRENCY), and a reschedule at a rate outside 0–100 (400 RATE_OUT_OF_RANGE).
 */
describe('refusals a quote and a reschedule answer are listed for them (QA 12 Q8)', () => {
  it('quote: DEGENERATE_SCHEDULE 422 and UNSUPPORTED_CURRENCY 400; reschedule: RATE_OUT_OF_RANGE 400', async () => {
    const draft = { ...PRODUCT, principal: { min: '100.00', max: '999999.00' }, term: { min: 1, max: 60 } };
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans/quote', { principal: '5000.00', term: 18, terms: { ...draft, interestMethod: 'flat', inMultiplesOf: '1' } }), 422, 'DEGENERATE_SCHEDULE');
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans/quote', { principal: '100.00', term: 12, terms: { ...draft, currency: 'XXX' } }), 400, 'UNSUPPORTED_CURRENCY');
    await verifiedCustomer(t, 'cust-q8');
    const loanId = await activeLoan(t, 'cust-q8', productId, '2026-01-15');
    refused(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${loanId}/reschedule`, { reason: 'hardship', annualRate: '999' }), 400, 'RATE_OUT_OF_RANGE');
  });
});
