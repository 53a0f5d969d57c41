import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxNotification } from '../../../src/payments/sandbox/sandbox-gateway.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';
import { createPublicKey } from 'node:crypto';
import { acceptNotification } from '../../../src/app/payments/accept-notification.js';
import { ReplayGuard } from '../../../src/payments/replay-guard.js';
import { sandboxChannel } from '../../../src/payments/sandbox/sandbox-channel.js';
import { beforeNextAppend, otherProcess } from './other-process.js';
import { deliver, repaymentsOf, sandboxPrivateKey } from './payment-fixtures.js';

/**
 * QA 12 Q10: the provider notifies the transaction of an already-paid intent again with another
 * amount. Nothing more goes on the loan (its reference carries the first amount), but the
 * contradiction is recorded and the reconciliation lists the transaction as amount-differs; the
 * provider is acknowledged (a refusal would only make it repeat the same notification for a day).
 */

const OWN = 'cust-contra';
let t: TestApp;
let loanId: string;
let raceLoanId: string;
let today: string;

interface Row { reference: string; confirmedAmount: string | null; recordedAmount: string | null; status: string }
interface Reconciliation { channels: { direction: string; confirmed: { total: string }; recorded: { total: string }; differences: Row[] }[] }

const gatewayPays = (intentId: string, amount: string) => deliver(t, 'sandbox', sandboxNotification(sandboxPrivateKey(t), { intentId, amount, outcome: 'paid' }, new Date()));

async function onlineToday(): Promise<{ differences: Row[]; confirmed: string; recorded: string }> {
  const position = String(await t.runtime.eventStore.headPosition());
  const report = JSON.parse((await t.call(STAFF.compliance, 'GET', `/v1/reports/payments/reconciliation?date=${today}&channel=online&minPosition=${position}`)).body) as Reconciliation;
  const online = report.channels.find((c) => c.direction === 'in');
  return { differences: online?.differences ?? [], confirmed: online?.confirmed.total ?? '0.00', recorded: online?.recorded.total ?? '0.00' };
}

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, OWN);
  loanId = await activeLoan(t, OWN, productId, '2026-01-15', '10000.00');
  await verifiedCustomer(t, `${OWN}-race`);
  raceLoanId = await activeLoan(t, `${OWN}-race`, productId, '2026-01-15', '10000.00');
  today = (JSON.parse((await t.call(STAFF.officer, 'GET', '/v1/business-date')).body) as { date: string }).date;
});
afterAll(() => t.close());

describe('a paid intent\'s transaction notified again with another amount', () => {
  it('is acknowledged, recorded as a contradiction and listed as amount-differs; the same amount again stays a plain redelivery', async () => {
    const res = await t.call(borrower(OWN), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount: '500.00', channel: 'sandbox' });
    expect(res.statusCode, res.body).toBe(201);
    const intentId = (JSON.parse(res.body) as { id: string }).id;
    const reference = `SBX-${intentId}`;

    const first = await gatewayPays(intentId, '700.00');
    expect(first.statusCode, first.body).toBe(200);
    expect(await onlineToday()).toEqual({ differences: [], confirmed: '700.00', recorded: '700.00' });

    // The same transaction, another amount: acknowledged as the protocol asks, never silently dropped.
    for (let i = 0; i < 2; i++) {
      const again = await gatewayPays(intentId, '500.00');
      expect(again.statusCode, again.body).toBe(200);
      expect(JSON.parse(again.body)).toEqual({ code: 'SUCCESS' });
    }
    // The first amount again is a plain redelivery.
    expect((await gatewayPays(intentId, '700.00')).statusCode).toBe(200);

    const events = await t.runtime.eventStore.readStream(`payment-${intentId}`);
    expect(events.map((e) => e.type)).toEqual(['PaymentIntentCreated', 'PaymentConfirmed', 'PaymentConfirmationContradicted']);
    expect(events[2]!.data).toMatchObject({ providerTxnId: reference, amount: '500.00', confirmedAmount: '700.00' });
    // Nothing more went on the loan.
    const recorded = (await repaymentsOf(t, loanId)).filter((e) => (e.data as { reference: string }).reference === reference);
    expect(recorded.map((e) => (e.data as { amount: string }).amount)).toEqual(['700.00']);

    const view = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payment-intents/${intentId}`)).body) as { confirmation: { amount: string; flags: string[] } };
    expect(view.confirmation).toMatchObject({ amount: '700.00', flags: ['AMOUNT_DIFFERS', 'AMOUNT_CONTRADICTED'] });
    expect(await onlineToday()).toEqual({
      differences: [expect.objectContaining({ reference, confirmedAmount: '500.00', recordedAmount: '700.00', status: 'amount-differs' })],
      confirmed: '500.00', recorded: '700.00',
    });
  });

  it('arriving while the first delivery is between the loan and the intent: a contradiction, never the same transaction in suspense beside the loan', async () => {
    // The second amount found the reference on the loan (DUPLICATE_REFERENCE) and was suspended: the
    // one transaction then stood on the loan (700) and in the suspense queue (500), which an officer
    // could assign to another loan, counting it twice.
    const res = await t.call(borrower(`${OWN}-race`), 'POST', `/v1/loans/${raceLoanId}/payment-intents`, { amount: '500.00', channel: 'sandbox' });
    expect(res.statusCode, res.body).toBe(201);
    const intentId = (JSON.parse(res.body) as { id: string }).id;
    const reference = `SBX-${intentId}`;
    // The second delivery is handled by another server process, between the first's loan write and its intent write.
    const other = await otherProcess(t);
    const channel = sandboxChannel({ publicKey: createPublicKey(sandboxPrivateKey(t)), publicUrl: 'https://lender.example.com', replayGuard: new ReplayGuard(() => new Date()) });
    beforeNextAppend(t.runtime.eventStore, (stream) => stream === `payment-${intentId}`, () =>
      acceptNotification(other.services, channel, sandboxNotification(sandboxPrivateKey(t), { intentId, amount: '500.00', outcome: 'paid' }, new Date()), 'other-process'));
    try {
      const first = await gatewayPays(intentId, '700.00');
      expect(first.statusCode, first.body).toBe(200);
    } finally {
      await other.close();
    }

    const recorded = (await repaymentsOf(t, raceLoanId)).filter((e) => (e.data as { reference: string }).reference === reference);
    expect(recorded.map((e) => (e.data as { amount: string }).amount)).toEqual(['700.00']);
    const events = await t.runtime.eventStore.readStream(`payment-${intentId}`);
    expect(events.filter((e) => e.type === 'PaymentConfirmed').map((e) => (e.data as { suspense?: unknown }).suspense)).toEqual([undefined]);
    expect(events.map((e) => e.type)).toContain('PaymentConfirmationContradicted');
    const position = String(await t.runtime.eventStore.headPosition());
    const queue = JSON.parse((await t.call(STAFF.officer, 'GET', `/v1/payments/suspense?minPosition=${position}`)).body) as { items: { intentId?: string }[] };
    expect(queue.items.filter((i) => i.intentId === intentId)).toEqual([]);
    expect((await onlineToday()).differences.filter((d) => d.reference === reference)).toEqual([expect.objectContaining({ status: 'amount-differs', recordedAmount: '700.00' })]);
  });
});
