import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, refused, verifiedCustomer } from '../commands/journey-steps.js';

let t: TestApp;
let loanId: string;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-ceiling');
  loanId = await activeLoan(t, 'cust-ceiling', productId, '2026-01-15', '5000.00');
});
afterAll(() => t.close());

describe('payment intents', () => {
  it('refuses an amount above what pays the loan off today (422) and records nothing', async () => {
    const head = await t.runtime.eventStore.headPosition();
    refused(await t.call(borrower('cust-ceiling'), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '99999999.00', channel: 'sandbox' }), 422, 'AMOUNT_EXCEEDS_PAYOFF');
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });
});
