import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
let loanId: string;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-rref');
  loanId = await activeLoan(t, 'cust-rref', productId, '2024-01-15', '3000.00');
});
afterAll(() => t.close());

describe('a repayment reference sent again', () => {
  const body = { amount: '500.00', channel: 'bank_transfer', reference: 'RR-1', effectiveDate: '2024-01-20' };

  it('answers 200 with the first result while the payment stands', async () => {
    const first = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, body));
    const again = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, body), 200);
    expect(again).toMatchObject({ revision: first.revision, position: first.position });
  });

  it('answers 409 REPAYMENT_REVERSED, naming the reference and the reversal date, once the payment was reversed', async () => {
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/RR-1/reversal`, { reason: 'bounced', effectiveDate: '2024-01-22' }));
    const res = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, body);
    refused(res, 409, 'REPAYMENT_REVERSED');
    expect(res.json().detail).toMatch(/RR-1 was reversed on 2024-01-22/);
    // Another body under the reversed reference is still a different payment reusing it.
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { ...body, amount: '400.00' }), 409, 'DUPLICATE_REFERENCE');
  });
});
