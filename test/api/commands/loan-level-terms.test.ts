import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, PRODUCT);
  await verifiedCustomer(t, 'cust-lt', '90000.00');
  await verifiedCustomer(t, 'cust-lt2', '90000.00');
});
afterAll(() => t.close());

async function approved(body: object, customerId = 'cust-lt'): Promise<string> {
  const id = accepted(await t.call(borrower(customerId), 'POST', '/v1/loans', { productId, principal: '12000.00', term: 12, purpose: 'stock', submittedOn: '2024-01-20', ...body })).id;
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${id}/assess`));
  // Applied for and approved on the day the tests disburse it (keyed in late).
  accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${id}/approve`, { effectiveDate: '2024-01-20' }));
  return id;
}

describe('loan-level terms on the application', () => {
  it('grants grace on principal and a first repayment date inside the product\'s bounds', async () => {
    const id = await approved({ graceOnPrincipal: 2, firstRepaymentDate: '2024-03-01' });
    const disbursed = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${id}/disburse`, { effectiveDate: '2024-01-20', channel: 'bank_transfer' }));
    const schedule = await t.call(STAFF.officer, 'GET', `/v1/loans/${id}/schedule?minPosition=${disbursed.position}`);
    const rows = schedule.json().rows as { dueDate: string; principal: string; interest: string }[];
    expect(rows[0]).toMatchObject({ dueDate: '2024-03-01', principal: '0.00' });
    expect(rows[1]).toMatchObject({ principal: '0.00' });
    expect(Number(rows[2]?.principal)).toBeGreaterThan(0);
    expect(rows.reduce((sum, r) => sum + Math.round(Number(r.principal) * 100), 0)).toBe(1_200_000);
  });

  it('refuses grace that leaves no paying period, and a first repayment date too far out at disbursement', async () => {
    refused(await t.call(borrower('cust-lt'), 'POST', '/v1/loans', { productId, principal: '12000.00', term: 12, purpose: 'x', graceOnPrincipal: 12 }), 422, 'GRACE_OUT_OF_RANGE');
    const id = await approved({ firstRepaymentDate: '2024-09-01' }, 'cust-lt2');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${id}/disburse`, { effectiveDate: '2024-01-20', channel: 'bank_transfer' }), 422, 'FIRST_REPAYMENT_OUT_OF_RANGE');
  });
});
