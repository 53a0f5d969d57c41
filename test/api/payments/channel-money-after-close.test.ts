import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxNotification } from '../../../src/payments/sandbox/sandbox-gateway.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';
import { deliver, sandboxPrivateKey } from './payment-fixtures.js';

let t: TestApp;
let productId: string;
let today: string;

interface Intent { id: string; position: string; status: string; confirmation: { providerTxnId: string; flags: string[] } | null }
interface Row { reference: string; loanId: string | null; confirmedAmount: string | null; recordedAmount: string | null; status: string }
interface Reconciliation { channels: { channel: string; direction: string; confirmed: { total: string }; recorded: { total: string }; differences: Row[] }[] }

const intentFor = async (customerId: string, loanId: string, amount: string): Promise<string> =>
  (JSON.parse((await t.call(borrower(customerId), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount, channel: 'sandbox' })).body) as { id: string }).id;

/** The borrower pays at the gateway: the sandbox's signed notification, as the provider would post it. */
const gatewayPays = (intentId: string, amount: string) => deliver(t, 'sandbox', sandboxNotification(sandboxPrivateKey(t), { intentId, amount, outcome: 'paid' }, new Date()));

const intent = async (id: string) => JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payment-intents/${id}`)).body) as Intent;

async function payOff(loanId: string, reference: string): Promise<void> {
  const { total } = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=${today}`)).body) as { total: string };
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: total, channel: 'bank_transfer', reference, effectiveDate: today }));
}

/** Today's online (sandbox) money in: the differences, and whether the channel's totals agree with the loans'. */
async function reconciliation(position: string): Promise<{ differences: Row[]; confirmed: string; recorded: string }> {
  const report = JSON.parse((await t.call(STAFF.compliance, 'GET', `/v1/reports/payments/reconciliation?date=${today}&channel=online&minPosition=${position}`)).body) as Reconciliation;
  const online = report.channels.find((c) => c.direction === 'in');
  return { differences: online?.differences ?? [], confirmed: online?.confirmed.total ?? '0.00', recorded: online?.recorded.total ?? '0.00' };
}

async function loanAfter(loanId: string, position: string) {
  return JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}?minPosition=${position}`)).body) as { status: string };
}

beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t);
  today = (JSON.parse((await t.call(STAFF.officer, 'GET', '/v1/business-date')).body) as { date: string }).date;
});
afterAll(() => t.close());

describe('money a payment channel reports after the loan stopped taking repayments', () => {
  it('on a paid-off loan: recorded as credit to refund (the loan reopens overpaid), acknowledged, reconciled; delivered again, nothing new', async () => {
    await verifiedCustomer(t, 'cust-late');
    const loanId = await activeLoan(t, 'cust-late', productId, '2026-01-15', '10000.00');
    const first = await intentFor('cust-late', loanId, '500.00');
    await payOff(loanId, 'PAYOFF-1');

    const res = await gatewayPays(first, '500.00');
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ code: 'SUCCESS' });
    const again = await intent(first);
    expect(again).toMatchObject({ status: 'confirmed', confirmation: { flags: [] } });
    expect(await loanAfter(loanId, again.position)).toMatchObject({ status: 'overpaid' });
    const desk = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/refunds?minPosition=${again.position}`)).body) as { creditBalance: string };
    expect(desk.creditBalance).toBe('500.00');
    // Delivered again: acknowledged, nothing new.
    expect((await gatewayPays(first, '500.00')).statusCode).toBe(200);
    expect((await t.runtime.eventStore.readStream(`loan-${loanId}`)).filter((e) => e.type === 'RepaymentReceived')).toHaveLength(2);

    const report = await reconciliation(again.position);
    expect(report.differences.filter((r) => r.loanId === loanId)).toEqual([]);
    expect(report.confirmed).toBe(report.recorded);
  });

  it('on a written-off loan: recorded as a recovery, reconciled; more than was written off waits in suspense, visible in the queue and the report, until an officer assigns it', async () => {
    await verifiedCustomer(t, 'cust-gone');
    const loanId = await activeLoan(t, 'cust-gone', productId, '2026-01-15', '10000.00');
    const recovered = await intentFor('cust-gone', loanId, '400.00');
    // A loan has one open intent at a time: the second payment is on another loan.
    await verifiedCustomer(t, 'cust-gone-2');
    const second = await activeLoan(t, 'cust-gone-2', productId, '2026-01-15', '10000.00');
    const tooMuch = await intentFor('cust-gone-2', second, '500.00');
    for (const id of [loanId, second]) {
      accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${id}/write-off`, { action: 'request', reason: 'unreachable', effectiveDate: '2026-05-01' }));
      accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${id}/write-off`, { action: 'approve', effectiveDate: '2026-05-01' }));
    }

    expect((await gatewayPays(recovered, '400.00')).statusCode).toBe(200);
    const events = await t.runtime.eventStore.readStream(`loan-${loanId}`);
    expect(events.filter((e) => e.type === 'RecoveryReceived').map((e) => e.data)).toEqual([expect.objectContaining({ amount: '400.00', channel: 'online', reference: `SBX-${recovered}` })]);

    // The borrower paid far more than the loan ever owed: no recovery can hold it.
    const res = await gatewayPays(tooMuch, '50000.00');
    expect(res.statusCode, res.body).toBe(200);
    const suspended = await intent(tooMuch);
    expect(suspended).toMatchObject({ status: 'confirmed', confirmation: { flags: ['AMOUNT_DIFFERS', 'SUSPENDED'] } });
    expect((await gatewayPays(tooMuch, '50000.00')).statusCode).toBe(200);

    const queue = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?minPosition=${suspended.position}`)).body) as { items: { id: string; intentId?: string; amount: string; reason: string; status: string }[] };
    expect(queue.items.filter((i) => i.intentId === tooMuch)).toEqual([expect.objectContaining({ id: `SBX-${tooMuch}`, amount: '50000.00', reason: 'AMOUNT_OUT_OF_RANGE', status: 'open' })]);
    let report = await reconciliation(suspended.position);
    expect(report.differences.filter((r) => r.loanId === second)).toEqual([expect.objectContaining({ reference: `SBX-${tooMuch}`, status: 'confirmed-not-recorded', confirmedAmount: '50000.00' })]);

    // The officer finds where it belongs (here: the borrower's other, active loan) and records it there.
    await verifiedCustomer(t, 'cust-other');
    const other = await activeLoan(t, 'cust-other', productId, '2026-06-01', '60000.00');
    const assigned = accepted(await t.call(STAFF.officer, 'POST', `/v1/payments/suspense/SBX-${tooMuch}/assign`, { loanId: other }));
    const after = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?status=assigned&minPosition=${assigned.position}`)).body) as { items: { id: string; loanId: string }[] };
    expect(after.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: `SBX-${tooMuch}`, loanId: other })]));
    report = await reconciliation(assigned.position);
    expect(report.differences).toEqual([]);
    expect(report.confirmed).toBe(report.recorded);
  });
});
