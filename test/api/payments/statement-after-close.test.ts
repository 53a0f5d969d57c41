import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';

let t: TestApp;
let productId: string;
let today: string;

const HEADER = 'bank_txn_id,date,amount,currency,memo';
const importCsv = (...rows: string[]) => t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', [HEADER, ...rows].join('\r\n'), { 'content-type': 'text/csv' });

async function loanWithReference(customerId: string): Promise<{ loanId: string; reference: string }> {
  await verifiedCustomer(t, customerId);
  const loanId = await activeLoan(t, customerId, productId, '2026-01-15', '10000.00');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
  const { reference } = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/repayment-reference`)).body) as { reference: string };
  return { loanId, reference };
}

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  today = (JSON.parse((await t.call(STAFF.officer, 'GET', '/v1/business-date')).body) as { date: string }).date;
});
afterAll(() => t.close());

describe('a bank statement line for a loan that no longer takes repayments', () => {
  it('is recorded through the channel rule: credit on a paid-off loan, a recovery on a written-off one', async () => {
    const paid = await loanWithReference('cust-st-paid');
    const { total } = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${paid.loanId}/payoff?date=${today}`)).body) as { total: string };
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${paid.loanId}/repayments`, { amount: total, channel: 'online', reference: 'CASH-1', effectiveDate: today }));
    const gone = await loanWithReference('cust-st-gone');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${gone.loanId}/write-off`, { action: 'request', reason: 'unreachable', effectiveDate: today }));
    accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${gone.loanId}/write-off`, { action: 'approve', effectiveDate: today }));
    await t.caughtUp(await t.runtime.eventStore.headPosition());

    const imported = JSON.parse((await importCsv(`ST-1,${today},250.00,CNY,${paid.reference}`, `ST-2,${today},120.00,CNY,${gone.reference}`)).body) as { matched: number; suspended: number };
    expect(imported).toMatchObject({ matched: 2, suspended: 0 });
    const paidEvents = await t.runtime.eventStore.readStream(`loan-${paid.loanId}`);
    expect(paidEvents.slice(-2).map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanOverpaid']);
    expect(paidEvents.at(-1)?.data).toMatchObject({ amount: '250.00' });
    const goneEvents = await t.runtime.eventStore.readStream(`loan-${gone.loanId}`);
    expect(goneEvents.at(-1)).toMatchObject({ type: 'RecoveryReceived', data: { amount: '120.00', channel: 'bank_transfer', reference: 'ST-2' } });
  });
});
