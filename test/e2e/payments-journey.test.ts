import { businessDateAt } from '../../src/app/business-date.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { accepted, activeLoan, defineProduct, verifiedCustomer } from '../api/commands/journey-steps.js';
import { repaymentsOf } from '../api/payments/payment-fixtures.js';

/** Money in through the channels, end to end over HTTP (app.inject): sandbox, bank statement, reconciliation. */
let t: TestApp;
let loanId: string;
let otherLoan: string;
const me = borrower('cust-e2e-pay');
// The lender's business date (Asia/Shanghai), which payments and reports are dated by.
const today = businessDateAt(new Date());

interface Summary { outstanding: { principal: string; total: string } }
interface Reconciliation { date: string; channels: { channel: string; currency: string; confirmed: { count: number; total: string }; recorded: { count: number; total: string }; differences: { reference: string; status: string }[] }[] }

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-e2e-pay');
  await verifiedCustomer(t, 'cust-e2e-other');
  loanId = await activeLoan(t, 'cust-e2e-pay', productId, '2026-01-15', '20000.00');
  otherLoan = await activeLoan(t, 'cust-e2e-other', productId, '2026-01-15', '20000.00');
  await t.caughtUp(await t.runtime.eventStore.headPosition());
});
afterAll(() => t.close());

describe('payments journey', () => {
  it('borrower pays through the sandbox; the loan summary and the reconciliation show it', async () => {
    const before = JSON.parse((await t.call(me, 'GET', `/v1/loans/${loanId}`)).body) as Summary;
    const intent = JSON.parse((await t.call(me, 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '1800.00', channel: 'sandbox' })).body) as { id: string; action: { url: string } };
    const pagePath = new URL(intent.action.url).pathname;
    expect((await t.runtime.app.inject({ method: 'GET', url: pagePath })).body).toContain('1800.00 CNY');
    const confirmed = await t.runtime.app.inject({ method: 'POST', url: `${pagePath}/confirm`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    const view = JSON.parse((await t.call(me, 'GET', `/v1/payment-intents/${intent.id}`)).body) as { status: string; position: string };
    expect(view.status).toBe('confirmed');
    const after = JSON.parse((await t.call(me, 'GET', `/v1/loans/${loanId}?minPosition=${view.position}`)).body) as Summary;
    expect(Number(before.outstanding.total) - Number(after.outstanding.total)).toBeCloseTo(1800, 2);

    // A cash-desk repayment an officer keyed in as "online" has no provider confirmation: a listed difference.
    const cash = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${otherLoan}/repayments`, { amount: '10.00', channel: 'online', reference: 'DESK-1' }));
    const report = JSON.parse((await t.call(STAFF.compliance, 'GET', `/v1/reports/payments/reconciliation?date=${today}&channel=online&minPosition=${cash.position}`)).body) as Reconciliation;
    expect(report.channels).toEqual([{
      channel: 'online', direction: 'in', currency: 'CNY', confirmed: { count: 1, total: '1800.00' }, recorded: { count: 2, total: '1810.00' },
      differences: [expect.objectContaining({ reference: 'DESK-1', status: 'recorded-not-confirmed' })],
    }]);
  });

  it('a bank statement with matched, unmatched and duplicate lines ends with the right payments, suspense queue and reconciliation', async () => {
    const reference = (JSON.parse((await t.call(me, 'GET', `/v1/loans/${loanId}/repayment-reference`)).body) as { reference: string }).reference;
    const statement = [
      'date,amount,currency,memo,bank_txn_id',
      `2026-03-02,900.00,CNY,repay ${reference},ICBC-1`,
      '2026-03-02,120.00,CNY,who is this,ICBC-2',
      `2026-03-02,900.00,CNY,repay ${reference},ICBC-1`,
    ].join('\n');
    const imported = JSON.parse((await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', statement, { 'content-type': 'text/csv' })).body) as { matched: number; suspended: number; duplicates: number; position: string };
    expect(imported).toMatchObject({ matched: 1, suspended: 1, duplicates: 1 });
    const again = await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', statement, { 'content-type': 'text/csv' });
    expect(again.statusCode).toBe(200);

    expect((await repaymentsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === 'ICBC-1')).toHaveLength(1);
    const queue = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?minPosition=${imported.position}`)).body) as { items: { id: string; amount: string }[] };
    expect(queue.items).toEqual([expect.objectContaining({ id: 'ICBC-2', amount: '120.00', reason: 'NO_REFERENCE' })]);

    const csv = await t.call(STAFF.officer, 'GET', `/v1/reports/payments/reconciliation?date=2026-03-02&channel=bank_transfer&format=csv&minPosition=${imported.position}`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe([
      'date,direction,channel,currency,reference,loanId,payoutId,payoutStatus,confirmedAmount,recordedAmount,status',
      `2026-03-02,in,bank_transfer,CNY,ICBC-1,${loanId},,,900.00,900.00,matched`,
      '2026-03-02,in,bank_transfer,CNY,ICBC-2,,,,120.00,,confirmed-not-recorded',
      '',
    ].join('\r\n'));

    const assigned = accepted(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/ICBC-2/assign', { loanId: otherLoan }));
    const report = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/reports/payments/reconciliation?date=2026-03-02&minPosition=${assigned.position}`)).body) as Reconciliation;
    expect(report.channels).toEqual([{ channel: 'bank_transfer', direction: 'in', currency: 'CNY', confirmed: { count: 2, total: '1020.00' }, recorded: { count: 2, total: '1020.00' }, differences: [] }]);
  });
});
