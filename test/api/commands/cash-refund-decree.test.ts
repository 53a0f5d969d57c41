import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from './journey-steps.js';

// QA 10 R7: the admin's decree "for cash only" refused cash and booked channel refunds no payout carried.
let t: TestApp;
let loanId: string;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-cash');
  loanId = await activeLoan(t, 'cust-cash', productId, '2024-01-15', '3000.00');
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '3200.00', channel: 'bank_transfer', reference: 'BANK-1', effectiveDate: '2024-01-20', overpayment: true }));
});
afterAll(() => t.close());

describe('POST /v1/loans/:id/refund (admin, cash only)', () => {
  it('refuses every payment channel with 422 DECREE_CASH_ONLY pointing at the payout route, recording nothing', async () => {
    const head = await t.runtime.eventStore.headPosition();
    for (const channel of ['bank_transfer', 'alipay', 'wechat', 'online']) {
      const res = await t.call(STAFF.admin, 'POST', `/v1/loans/${loanId}/refund`, { amount: '100.00', channel, reference: `R-${channel}` });
      refused(res, 422, 'DECREE_CASH_ONLY');
      expect((JSON.parse(res.body) as { detail: string }).detail).toContain(`/v1/loans/${loanId}/refunds`);
    }
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('records cash handed over against a receipt number as a cash refund; an officer still may not', async () => {
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/refund`, { amount: '100.00', channel: 'cash', reference: 'RCPT-1' }), 403, 'FORBIDDEN');
    accepted(await t.call(STAFF.admin, 'POST', `/v1/loans/${loanId}/refund`, { amount: '100.00', channel: 'cash', reference: 'RCPT-1', effectiveDate: '2024-01-21' }));
    const refunds = (await t.runtime.eventStore.readStream(`loan-${loanId}`)).filter((e) => e.type === 'RefundIssued');
    expect(refunds.map((e) => e.data)).toEqual([{ amount: '100.00', channel: 'cash', reference: 'RCPT-1', date: '2024-01-21' }]);
  });
});
