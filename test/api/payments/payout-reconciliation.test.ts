import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateAt, businessTimestamp } from '../../../src/app/business-date.js';
import { sandboxPayoutNotification } from '../../../src/payments/payouts/sandbox-payout-notification.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';
import { sandboxPrivateKey } from './payment-fixtures.js';
import { overpaidLoan, startApprovedPayout } from './payout-fixtures.js';

/** Money out in the payment reconciliation: payouts requested, confirmed and failed against the loans' RefundIssued. */
let t: TestApp;
let productId: string;
const today = businessDateAt(new Date());

interface Row { direction: string; channel: string; currency: string; reference: string | null; payoutId: string | null; payoutStatus: string | null; confirmedAmount: string | null; recordedAmount: string | null; status: string }
interface Totals { channel: string; direction: string; currency: string; confirmed: { count: number; total: string }; recorded: { count: number; total: string }; pending?: { count: number; total: string }; failed?: { count: number; total: string }; differences: Row[] }

async function startPayout(loanId: string, body: Record<string, unknown>): Promise<{ id: string; position: string }> {
  const res = await startApprovedPayout(t, loanId, body);
  expect(res.statusCode, res.body).toBe(201);
  return JSON.parse(res.body) as { id: string; position: string };
}

const report = async (query: string) => {
  const res = await t.call(STAFF.compliance, 'GET', `/v1/reports/payments/reconciliation?date=${today}&minPosition=${await t.runtime.eventStore.headPosition()}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-payout-rec');
});
afterAll(() => t.close());

describe('payouts in the payment reconciliation', () => {
  it('lists payouts by channel and direction, and flags a confirmed payout without a refund and a refund without a payout', async () => {
    const { loanId } = await overpaidLoan(t, 'cust-payout-rec', productId, 'loan-payout-rec-1');
    // Sandbox: one confirmed (matched against its RefundIssued), one failed, one still pending.
    const paid = await startPayout(loanId, { channel: 'sandbox', amount: '100.00' });
    const key = sandboxPrivateKey(t);
    const deliver = (id: string, amount: string, outcome: 'paid' | 'failed') => {
      const n = sandboxPayoutNotification(key, { payoutId: id, amount, outcome }, new Date());
      return t.runtime.app.inject({ method: 'POST', url: '/v1/payments/payout-notify/sandbox', headers: n.headers, payload: n.body });
    };
    expect((await deliver(paid.id, '100.00', 'paid')).statusCode).toBe(200);
    const failed = await startPayout(loanId, { channel: 'sandbox', amount: '30.00' });
    expect((await deliver(failed.id, '30.00', 'failed')).statusCode).toBe(200);
    const pending = await startPayout(loanId, { channel: 'sandbox', amount: '20.00' });
    // A bank payout confirmed on the payout's stream whose refund never reached the loan (a crash between the two).
    const orphaned = await startPayout(loanId, { channel: 'bank-transfer', amount: '40.00' });
    await t.runtime.eventStore.append(`payout-${orphaned.id}`, [{
      // Stamped as the pipeline stamps events: business time in the lender's zone, whose first ten characters are the business date.
      type: 'PayoutConfirmed', data: { channelReference: 'BOC-LOST-1', confirmedAt: new Date().toISOString(), confirmedBy: 'officer-test' },
      occurredAt: businessTimestamp(new Date()), actor: { sub: 'officer-test', role: 'officer' }, correlationId: 'payout-rec-test',
    }], 'stream_exists');
    // The admin's cash decree: a refund on the loan no payout carried.
    accepted(await t.call(STAFF.admin, 'POST', `/v1/loans/${loanId}/refund`, { amount: '5.00', channel: 'cash', reference: 'CASH-RCPT-9' }));

    const json = JSON.parse((await report('')).body) as { channels: Totals[] };
    const online = json.channels.find((c) => c.direction === 'out' && c.channel === 'online');
    expect(online).toEqual({
      channel: 'online', direction: 'out', currency: 'CNY', confirmed: { count: 1, total: '100.00' }, recorded: { count: 1, total: '100.00' },
      pending: { count: 1, total: '20.00' }, failed: { count: 1, total: '30.00' }, differences: [],
    });
    const bank = json.channels.find((c) => c.direction === 'out' && c.channel === 'bank_transfer');
    expect(bank).toMatchObject({ confirmed: { count: 1, total: '40.00' }, recorded: { count: 0, total: '0.00' }, pending: { count: 0, total: '0.00' } });
    expect(bank?.differences).toEqual([
      expect.objectContaining({ payoutId: orphaned.id, currency: 'CNY', reference: 'BOC-LOST-1', payoutStatus: 'confirmed', confirmedAmount: '40.00', recordedAmount: null, status: 'confirmed-not-recorded' }),
    ]);
    // The cash decree is its own group (QA 10 R7): no channel confirms it, so it is listed as a difference.
    const cash = json.channels.find((c) => c.direction === 'out' && c.channel === 'cash');
    expect(cash).toMatchObject({ confirmed: { count: 0, total: '0.00' }, recorded: { count: 1, total: '5.00' } });
    expect(cash?.differences).toEqual([
      expect.objectContaining({ payoutId: null, currency: 'CNY', reference: 'CASH-RCPT-9', payoutStatus: null, confirmedAmount: null, recordedAmount: '5.00', status: 'recorded-not-confirmed' }),
    ]);
    // Money in stays its own group: the oversized repayment is recorded under bank_transfer, direction in.
    expect(json.channels.find((c) => c.direction === 'in' && c.channel === 'bank_transfer')).toBeUndefined();

    const csv = (await report('&channel=online&format=csv')).body;
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toBe('date,direction,channel,currency,reference,loanId,payoutId,payoutStatus,confirmedAmount,recordedAmount,status');
    expect(lines).toEqual(expect.arrayContaining([
      `${today},out,online,CNY,SBXT-${paid.id},${loanId},${paid.id},confirmed,100.00,100.00,matched`,
      `${today},out,online,CNY,SBXT-${failed.id}-F,${loanId},${failed.id},failed,,,failed`,
      `${today},out,online,CNY,,${loanId},${pending.id},requested,,,pending`,
    ]));
    expect(lines).toHaveLength(3);
  });
});
