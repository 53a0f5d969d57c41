import { describe, expect, it, vi } from 'vitest';
import { borrower } from '../../support/test-app.js';
import { refused } from '../commands/journey-steps.js';
import { idOf, intentDesk } from './intent-fixtures.js';

// intent13: a key retried after its intent failed or expired reserved a new intent and had the
// channel place an order for it, while the answer named the old intent (with the new order's page).
const desk = intentDesk('cust-intent-key');
const { freshLoan, gateway } = desk;
const openKeyed = (customerId: string, loanId: string, amount: string, key: string) =>
  desk.app.call(borrower(customerId), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount, channel: 'sandbox' }, { 'idempotency-key': key });
const deskOf = async (loanId: string) => (await desk.app.runtime.eventStore.readStream(`intentdesk-${loanId}`)).map((e) => (e.data as { intentId: string }).intentId);

describe('a payment intent under an Idempotency-Key', () => {
  it('answers a key retried after its intent failed with that failed intent, reserving nothing and placing no order', async () => {
    const { customerId, loanId } = await freshLoan();
    const first = await openKeyed(customerId, loanId, '300.00', 'pay-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(JSON.parse(first.body)).toMatchObject({ status: 'pending', action: { type: 'redirect', url: expect.stringContaining(idOf(first)) } });
    expect((await gateway(idOf(first), 'fail')).statusCode).toBe(200);

    const retried = await openKeyed(customerId, loanId, '300.00', 'pay-1');
    expect(retried.statusCode, retried.body).toBe(200);
    expect(JSON.parse(retried.body)).toMatchObject({ id: idOf(first), status: 'failed', amount: '300.00', action: null });
    expect(await deskOf(loanId)).toEqual([idOf(first)]);

    // Another body under the key is still refused; a new attempt is a new key.
    refused(await openKeyed(customerId, loanId, '200.00', 'pay-1'), 422, 'IDEMPOTENCY_KEY_REUSED');
    const next = await openKeyed(customerId, loanId, '300.00', 'pay-2');
    expect(next.statusCode, next.body).toBe(201);
    expect(idOf(next)).not.toBe(idOf(first));
    expect(JSON.parse(next.body)).toMatchObject({ status: 'pending', action: { url: expect.stringContaining(idOf(next)) } });
    // The old key keeps answering its own intent, not the loan's open one.
    expect(JSON.parse((await openKeyed(customerId, loanId, '300.00', 'pay-1')).body)).toMatchObject({ id: idOf(first), status: 'failed' });
    expect(await deskOf(loanId)).toEqual([idOf(first), idOf(next)]);
  });

  it('answers a key retried after its intent expired with that expired intent and leaves the loan free for a new key', async () => {
    const { customerId, loanId } = await freshLoan();
    const first = await openKeyed(customerId, loanId, '120.00', 'pay-exp');
    expect(first.statusCode, first.body).toBe(201);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31 * 60_000);
    try {
      const retried = await openKeyed(customerId, loanId, '120.00', 'pay-exp');
      expect(retried.statusCode, retried.body).toBe(200);
      expect(JSON.parse(retried.body)).toMatchObject({ id: idOf(first), status: 'expired', action: null });
      expect(await deskOf(loanId)).toEqual([idOf(first)]);
      const next = await openKeyed(customerId, loanId, '120.00', 'pay-exp-2');
      expect(next.statusCode, next.body).toBe(201);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a key retried while its intent is pending with the same intent and order, and after it is paid with the paid intent', async () => {
    const { customerId, loanId } = await freshLoan();
    const first = await openKeyed(customerId, loanId, '50.00', 'pay-ok');
    const again = await openKeyed(customerId, loanId, '50.00', 'pay-ok');
    expect(again.statusCode, again.body).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ id: idOf(first), status: 'pending', action: JSON.parse(first.body).action });
    expect((await gateway(idOf(first), 'confirm')).statusCode).toBe(200);
    const paid = await openKeyed(customerId, loanId, '50.00', 'pay-ok');
    expect(paid.statusCode, paid.body).toBe(200);
    expect(JSON.parse(paid.body)).toMatchObject({ id: idOf(first), status: 'confirmed', action: null });
    expect(await deskOf(loanId)).toEqual([idOf(first)]);
  });

  it('three requests at once under one key reserve one intent; every answer names it', async () => {
    const { customerId, loanId } = await freshLoan();
    const answers = await Promise.all([1, 2, 3].map(() => openKeyed(customerId, loanId, '70.00', 'pay-race')));
    for (const r of answers) expect([200, 201, 409], r.body).toContain(r.statusCode);
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const ids = new Set(answers.filter((r) => r.statusCode < 300).map(idOf));
    for (const r of answers.filter((x) => x.statusCode === 409)) expect(JSON.parse(r.body)).toMatchObject({ code: 'PAYMENT_INTENT_CONCURRENT' });
    expect(await deskOf(loanId)).toEqual([...ids]);
  });
});
