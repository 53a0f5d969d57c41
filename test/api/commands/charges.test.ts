import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, approvedLoan, defineProduct, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
let productId: string;
let loanId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-chg');
  // 3 000.00 at 12 % over 12 months from 2024-01-15: row 2's period is 2024-02-15..2024-03-15.
  loanId = await activeLoan(t, 'cust-chg', productId, '2024-01-15', '3000.00');
});
afterAll(() => t.close());

describe('POST /v1/loans/:id/charges', () => {
  it('adds a 50.00 document fee to row 2 (due 2024-03-01): the schedule, summary, transactions and ledger show it', async () => {
    const applied = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/charges`, { kind: 'document-fee', amount: '50.00', dueDate: '2024-03-01', reason: 'statement copy' }));
    const schedule = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/schedule?minPosition=${applied.position}`)).json() as { rows: { number: number; fee: string; penalty: string }[] };
    expect(schedule.rows[1]).toMatchObject({ number: 2, fee: '50.00', penalty: '0.00' });
    const summary = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${applied.position}`)).json() as { outstanding: { fees: string } };
    expect(summary.outstanding.fees).toBe('50.00');
    const late = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/charges`, { kind: 'late-fee', amount: '25.00', dueDate: '2024-02-15', reason: 'paid late' }));
    const items = ((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/transactions?minPosition=${late.position}`)).json() as { items: { type: string }[] }).items;
    expect(items.filter((m) => m.type === 'charge')).toMatchObject([
      { kind: 'document-fee', component: 'fee', amount: '50.00', dueDate: '2024-03-01', installment: 2, reason: 'statement copy' },
      { kind: 'late-fee', component: 'penalty', amount: '25.00', installment: 1 },
    ]);
    // A penalty is booked when charged: penalty receivable 25.00 against penalty income.
    const reconciliation = await t.call(STAFF.compliance, 'GET', `/v1/reports/ledger/reconciliation?minPosition=${late.position}`);
    expect(reconciliation.json()).toMatchObject({ items: [] });
    // Waivable like the others.
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { kind: 'penalty', amount: '25.00', reason: 'goodwill' }));
  });

  it('refuses bad input (400), a rule (422), a loan not active (409), and staff other than officers (403)', async () => {
    const url = `/v1/loans/${loanId}/charges`;
    refused(await t.call(STAFF.officer, 'POST', url, { kind: 'bank-fee', amount: '5.00', dueDate: '2024-03-01', reason: 'x' }), 400, 'VALIDATION_FAILED');
    refused(await t.call(STAFF.officer, 'POST', url, { kind: 'document-fee', amount: '0', dueDate: '2024-03-01', reason: 'x' }), 400, 'INVALID_AMOUNT');
    refused(await t.call(STAFF.officer, 'POST', url, { kind: 'document-fee', amount: '5.001', dueDate: '2024-03-01', reason: 'x' }), 400, 'AMOUNT_TOO_PRECISE');
    refused(await t.call(STAFF.officer, 'POST', url, { kind: 'document-fee', amount: '5.00', dueDate: '2024-01-14', reason: 'x' }), 422, 'CHARGE_DUE_BEFORE_DISBURSEMENT');
    refused(await t.call(STAFF.officer, 'POST', url, { kind: 'late-fee', amount: '5.00', dueDate: '2999-01-01', reason: 'x' }), 422, 'PENALTY_CHARGE_DUE_IN_FUTURE');
    refused(await t.call(STAFF.underwriter, 'POST', url, { kind: 'document-fee', amount: '5.00', dueDate: '2024-03-01', reason: 'x' }), 403, 'FORBIDDEN');
    await verifiedCustomer(t, 'cust-chg2');
    const approved = await approvedLoan(t, 'cust-chg2', productId, '3000.00');
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${approved}/charges`, { kind: 'document-fee', amount: '5.00', dueDate: '2024-03-01', reason: 'x' }), 409, 'LOAN_NOT_ACTIVE');
  });
});
