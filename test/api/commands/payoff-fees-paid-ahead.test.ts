import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLoan } from '../../../src/app/streams.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, verifiedCustomer } from './journey-steps.js';

/**
 * QA round 7, F4 end to end: 12 000.00 over 12 months at 12 % with a 20.00 service fee per row,
 * disbursed 2026-01-15. Closing it on 2026-03-02 costs the same whether the borrower pays the
 * payoff quote at once or 3 500.00 first and then the quote: the fees 3 500.00 paid ahead on rows
 * due after 03-02 go back to the payoff. By hand: 12 000.00 + row 1's 120.00 interest and 20.00
 * fee (due 02-15) + row 2 (02-15..03-15, 28 days, 110.54 interest) earned by the end of 03-02,
 * 110.54 × 15 ÷ 28 = 59.22 → 12 199.22.
 */
let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, {
    ...PRODUCT, name: 'Fees ahead', aprCap: null, principal: { min: '10000.00', max: '20000.00' }, term: { min: 12, max: 12 }, fees: [{ kind: 'service', type: 'fixed', value: '20.00' }], prepaymentStrategy: 'next-installment',
  });
});
afterAll(() => t.close());

const DAY = '2026-03-02';

async function payoffTotal(loanId: string): Promise<string> {
  const res = await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=${DAY}`);
  expect(res.statusCode, res.body).toBe(200);
  return (JSON.parse(res.body) as { total: string }).total;
}


describe('payoff after fees paid ahead (F4, API)', () => {
  it('costs 12 199.22 paid at once, and 3 500.00 + 8 699.22 paid in two', async () => {
    await verifiedCustomer(t, 'cust-fees-a');
    const direct = await activeLoan(t, 'cust-fees-a', productId, '2026-01-15', '12000.00');
    expect(await payoffTotal(direct)).toBe('12199.22');
    await verifiedCustomer(t, 'cust-fees-b');
    const split = await activeLoan(t, 'cust-fees-b', productId, '2026-01-15', '12000.00');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${split}/repayments`, { amount: '3500.00', channel: 'bank_transfer', reference: 'fa-1', effectiveDate: DAY }));
    expect(await payoffTotal(split)).toBe('8699.22');
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${split}/repayments`, { amount: '8699.22', channel: 'bank_transfer', reference: 'fa-2', effectiveDate: DAY }));
    expect(await loadLoan(t.runtime.eventStore, split)).toMatchObject({ status: 'closed', creditBalance: '0.00' });
  });
});
