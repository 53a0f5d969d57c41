import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLoan } from '../../../src/app/streams.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

/** QA round 8, N4: a finished loan whose borrower was erased is never reopened, nor takes money. */
let t: TestApp;
let loanId: string;
let refLoan: string;

const erase = (customerId: string) => t.call(STAFF.compliance, 'DELETE', `/v1/customers/${customerId}/pii`, { reason: 'PIPL request' });

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, name: 'Erased borrower' });
  await verifiedCustomer(t, 'cust-erased-closed');
  loanId = await activeLoan(t, 'cust-erased-closed', productId, '2026-01-15', '10000.00');
  // Paid off on the first due date (10 000.00 + 100.00 interest): closed, and the borrower erased.
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '10100.00', channel: 'wechat', reference: 'PAYOFF1', effectiveDate: '2026-02-15' }));
  const erased = accepted(await erase('cust-erased-closed'));
  await t.caughtUp(erased.position);
  refLoan = (JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/repayment-reference`)).body) as { reference: string }).reference;
});
afterAll(() => t.close());

describe('a closed loan of an erased borrower (QA 8 N4)', () => {
  it('reversing its payoff is refused 409 CUSTOMER_ERASED: the loan stays closed, owing nothing', async () => {
    const before = (await t.runtime.eventStore.readStream(`loan-${loanId}`)).length;
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/PAYOFF1/reversal`, { reason: 'bounced' }), 409, 'CUSTOMER_ERASED');
    expect((await loadLoan(t.runtime.eventStore, loanId)).status).toBe('closed');
    expect(await t.runtime.eventStore.readStream(`loan-${loanId}`)).toHaveLength(before);
  });

  it('money a statement reports for it goes to the suspense queue (CUSTOMER_ERASED), not onto the loan as a credit owed to nobody', async () => {
    const csv = ['bank_txn_id,date,amount,currency,memo,balance', `ERASED-1,2026-02-20,55.00,CNY,${refLoan},1000`].join('\r\n');
    const imported = accepted(await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', csv, { 'content-type': 'text/csv' })) as unknown as { lines: { outcome: string; reason: string | null }[] };
    expect(imported.lines).toEqual([expect.objectContaining({ outcome: 'suspended', reason: 'CUSTOMER_ERASED' })]);
    const loan = await loadLoan(t.runtime.eventStore, loanId);
    expect(loan.status).toBe('closed');
    expect(loan.creditBalance).toBe('0.00');
    // Its bank id is not put on the loan, and an officer cannot assign the line there either.
    expect(await t.runtime.eventStore.readStream('banktxn-ERASED-1')).toEqual([]);
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    refused(await t.call(STAFF.officer, 'POST', '/v1/payments/suspense/ERASED-1/assign', { loanId }), 409, 'CUSTOMER_ERASED');
  });
});
