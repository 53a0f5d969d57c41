import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

/** qa21 #6, through the HTTP contract: a payment reversed before the book's first close, which then judges the nights before it with the payment. */
let t: TestApp;
let loanId: string;

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, name: 'Reversal before first close', writeOffDpd: 360 });
  await verifiedCustomer(t, 'cust-reversal-first-close');
  loanId = await activeLoan(t, 'cust-reversal-first-close', productId, '2026-01-15', '12000.00');
  for (const [i, day] of ['02-15', '03-15', '04-15', '05-15', '06-15'].entries()) {
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '1066.19', channel: 'bank_transfer', reference: `BT-${i + 1}`, effectiveDate: `2026-${day}` }));
  }
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/BT-4/reversal`, { reason: 'bounced', effectiveDate: '2026-06-20' }));
  accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-06-30' }), 200);
  await t.caughtUp(await t.runtime.eventStore.headPosition());
});
afterAll(() => t.close());

describe('a payment reversed before the book\'s first close', () => {
  it('given 12 000.00 over 12 months at 12 % disbursed 2026-01-15 and 1 066.19 paid on each due date to 06-15, when the 05-15 payment is reversed on 06-20 and the first close runs on 06-30, then May\'s trial balance keeps the payment (42.11 interest receivable, nothing received in advance) and the class history shows 关注 from 06-19, the night before the reversal, at 4 days past due (the 06-15 payment now pays row 4, leaving row 5 unpaid since 06-15), as closing nightly records it; not from 05-16', async () => {
    const may = (await t.call(STAFF.compliance, 'GET', '/v1/reports/ledger/trial-balance?asOf=2026-05-31')).json() as { rows: { account: string; balance: string }[] };
    const balance = (account: string) => may.rows.find((r) => r.account === account)?.balance ?? '0.00';
    expect(balance('interest_receivable')).toBe('42.11');
    expect(balance('received_in_advance')).toBe('0.00');
    const { events } = (await t.call(STAFF.compliance, 'GET', `/v1/loans/${loanId}/history`)).json() as { events: { type: string; data: { from: string; to: string; dpd: number; date: string } }[] };
    const moves = events.filter((e) => e.type === 'LoanClassified').map(({ data }) => `${data.from}→${data.to}@${data.date}/${data.dpd}`);
    expect(moves).toEqual(['normal→special-mention@2026-06-19/4']);
  });
});
