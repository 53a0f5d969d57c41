import { expect } from 'vitest';
import { STAFF, type TestApp } from '../../support/test-app.js';

/** Overpays l2 by an officer's repayment and starts a bank-transfer refund payout of 1.00 on it; returns the payout's id. */
export async function refundPayout(t: TestApp): Promise<string> {
  const payoff = await t.call(STAFF.officer, 'GET', '/v1/loans/l2/payoff');
  const total = Number(payoff.json<{ total: string }>().total);
  const repaid = await t.call(STAFF.officer, 'POST', '/v1/loans/l2/repayments', { amount: (total + 100).toFixed(2), channel: 'bank_transfer', reference: 'CONTRACT-OVER-1', overpayment: true });
  expect(repaid.statusCode, repaid.body).toBe(201);
  const payout = await t.call(STAFF.officer, 'POST', '/v1/loans/l2/refunds', { channel: 'bank-transfer', amount: '1.00' });
  expect(payout.statusCode, payout.body).toBe(201);
  return payout.json<{ id: string }>().id;
}
