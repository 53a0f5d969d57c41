import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
let loanId: string;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-rev');
  loanId = await activeLoan(t, 'cust-rev', productId, '2024-01-15', '3000.00');
});
afterAll(() => t.close());

describe('POST /v1/loans/:id/repayments/:reference/reversal', () => {
  it('reverses an overpaying payment after its refund: the loan is back on the book, owing it back, and the ledger still reconciles', async () => {
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '3200.00', channel: 'bank_transfer', reference: 'BANK-1', effectiveDate: '2024-01-20', overpayment: true }));
    const refund = accepted(await t.call(STAFF.admin, 'POST', `/v1/loans/${loanId}/refund`, { channel: 'cash', reference: 'RF-1', effectiveDate: '2024-01-21' }));
    // Money out is idempotent like money in: the replay pays nothing and answers the first result.
    const replay = accepted(await t.call(STAFF.admin, 'POST', `/v1/loans/${loanId}/refund`, { channel: 'cash', reference: 'RF-1', effectiveDate: '2024-01-21' }), 200);
    expect(replay).toMatchObject({ revision: refund.revision, position: refund.position });
    const reversal = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/BANK-1/reversal`, { reason: 'transfer bounced', effectiveDate: '2024-01-22' }));
    expect(accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/BANK-1/reversal`, { reason: 'again' }), 200).revision).toBe(reversal.revision);
    const summary = await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${reversal.position}`);
    // Back on the book, owing all of it: its rows fell due in 2024 and no close has run, so it shows overdue (standingBeforeFirstClose).
    expect(summary.json()).toMatchObject({ status: 'overdue', outstanding: { principal: '3000.00' } });
    const payoff = await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=2024-01-22`);
    // The refund paid out the excess over 4.84 of interest earned to 01-20: 195.16 is owed back.
    expect(payoff.json()).toMatchObject({ principal: '3000.00', refundDue: '195.16' });
    const transactions = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/transactions`)).json().items as { type: string; reference?: string; reversed?: boolean }[];
    expect(transactions.find((m) => m.type === 'repayment' && m.reference === 'BANK-1')?.reversed).toBe(true);
    expect(transactions.find((m) => m.type === 'reversal')).toMatchObject({ reference: 'BANK-1', amount: '3200.00', date: '2024-01-22' });
    const reconciliation = await t.call(STAFF.compliance, 'GET', `/v1/reports/ledger/reconciliation?minPosition=${reversal.position}`);
    expect(reconciliation.json()).toMatchObject({ items: [] });
  });

  it('answers 404 for a reference the loan never received', async () => {
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/NOPE/reversal`, { reason: 'typo' }), 404, 'REPAYMENT_NOT_FOUND');
  });
});

describe('POST /v1/loans/:id/repayments/:reference/reversal/approve', () => {
  it('a reversal above the product\'s reversalApprovalAbove waits; its requester cannot approve it (422), an underwriter can', async () => {
    const productId = await defineProduct(t, { ...PRODUCT, name: 'Four-eyes reversals', reversalApprovalAbove: '1000.00' });
    await verifiedCustomer(t, 'cust-rev4');
    const id = await activeLoan(t, 'cust-rev4', productId, '2024-01-15', '3000.00');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${id}/repayments`, { amount: '1500.00', channel: 'bank_transfer', reference: 'BIG-1', effectiveDate: '2024-01-20' }));
    const requested = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${id}/repayments/BIG-1/reversal`, { reason: 'chargeback', effectiveDate: '2024-01-22' }));
    // Nothing reversed yet: the 1 500.00 still pays principal.
    expect((await t.call(STAFF.officer, 'GET', `/v1/loans/${id}/payoff?date=2024-01-22`)).json()).toMatchObject({ refundDue: '0.00' });
    let transactions = (await t.call(STAFF.officer, 'GET', `/v1/loans/${id}/transactions?minPosition=${requested.position}`)).json().items as { type: string }[];
    expect(transactions.some((m) => m.type === 'reversal')).toBe(false);
    // It waits in the reversal-approvals queue, which leaves out the requester's own requests.
    type Queue = { items: { id: string; reason: string; requestedBy: string }[] };
    const queue = (await t.call(STAFF.underwriter, 'GET', `/v1/queues/reversal-approvals?minPosition=${requested.position}`)).json() as Queue;
    expect(queue.items).toEqual([expect.objectContaining({ id, requestedBy: STAFF.officer.sub, reason: expect.stringContaining('BIG-1 (1500.00)'),
      reasonCode: 'reversal-requested', reasonParams: { reference: 'BIG-1', amount: '1500.00', currency: 'CNY', reason: 'chargeback' } })]);
    expect(((await t.call(STAFF.officer, 'GET', '/v1/queues/reversal-approvals')).json() as Queue).items).toEqual([]);
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${id}/repayments/BIG-1/reversal/approve`, {}), 422, 'FOUR_EYES_REQUIRED');
    refused(await t.call(STAFF.compliance, 'POST', `/v1/loans/${id}/repayments/BIG-1/reversal/approve`, {}), 403, 'FORBIDDEN');
    const approved = accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${id}/repayments/BIG-1/reversal/approve`, {}));
    transactions = (await t.call(STAFF.officer, 'GET', `/v1/loans/${id}/transactions?minPosition=${approved.position}`)).json().items as { type: string }[];
    expect(transactions.find((m) => m.type === 'reversal')).toMatchObject({ reference: 'BIG-1', amount: '1500.00', date: '2024-01-22', reason: 'chargeback' });
    const summary = await t.call(STAFF.officer, 'GET', `/v1/loans/${id}?minPosition=${approved.position}`);
    expect(summary.json()).toMatchObject({ outstanding: { principal: '3000.00' } });
    expect(((await t.call(STAFF.underwriter, 'GET', `/v1/queues/reversal-approvals?minPosition=${approved.position}`)).json() as Queue).items).toEqual([]);
    refused(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${id}/repayments/NOPE/reversal/approve`, {}), 404, 'REPAYMENT_NOT_FOUND');
  });
});
