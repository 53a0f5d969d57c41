import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLoan } from '../../../src/app/streams.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

/** QA round 7, F12: POST /v1/loans/:id/repayments/:reference/reversal reverses a recovery too. */
let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, name: 'Recovery reversal' });
});
afterAll(() => t.close());

const url = (loanId: string, action: string) => `/v1/loans/${loanId}/${action}`;

describe('a bounced recovery', () => {
  it('is reversed through the repayment reversal route: recovered goes back to 0.00, the reference is not taken again', async () => {
    await verifiedCustomer(t, 'cust-rec-bounce');
    const loanId = await activeLoan(t, 'cust-rec-bounce', productId, '2026-01-15', '10000.00');
    accepted(await t.call(STAFF.officer, 'POST', url(loanId, 'write-off'), { action: 'request', reason: 'borrower unreachable', effectiveDate: '2026-04-01' }));
    accepted(await t.call(STAFF.underwriter, 'POST', url(loanId, 'write-off'), { action: 'approve', effectiveDate: '2026-04-01' }));
    accepted(await t.call(STAFF.officer, 'POST', url(loanId, 'recoveries'), { amount: '500.00', channel: 'bank_transfer', reference: 'REC1', effectiveDate: '2026-05-01' }));
    refused(await t.call(STAFF.officer, 'POST', url(loanId, 'repayments/REC1/reversal'), { reason: 'bounced', effectiveDate: '2026-04-30' }), 422, 'REVERSAL_BEFORE_PAYMENT');
    accepted(await t.call(STAFF.officer, 'POST', url(loanId, 'repayments/REC1/reversal'), { reason: 'bounced', effectiveDate: '2026-05-03' }));
    const state = await loadLoan(t.runtime.eventStore, loanId);
    expect(state).toMatchObject({ status: 'written_off', recovered: '0.00', reversedRecoveries: ['REC1'] });
    refused(await t.call(STAFF.officer, 'POST', url(loanId, 'recoveries'), { amount: '500.00', channel: 'bank_transfer', reference: 'REC1', effectiveDate: '2026-05-04' }), 409, 'REPAYMENT_REVERSED');
    refused(await t.call(STAFF.officer, 'POST', url(loanId, 'repayments/NOPE/reversal'), { reason: 'bounced' }), 404, 'REPAYMENT_NOT_FOUND');
  });
});
