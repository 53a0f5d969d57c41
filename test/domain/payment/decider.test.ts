import { describe, expect, it } from 'vitest';
import { paymentDecider } from '../../../src/domain/payment/decider.js';
import type { PaymentEvent } from '../../../src/domain/payment/events.js';
import { given } from '../decider-spec.js';

const intent = {
  intentId: 'pi-1', loanId: 'l1', customerId: 'c1', amount: '100.00', currency: 'CNY', channel: 'sandbox' as const,
  createdAt: '2026-03-01T10:00:00.000Z', expiresAt: '2026-03-01T10:30:00.000Z',
};
const created: PaymentEvent = { type: 'PaymentIntentCreated', data: intent };
const confirm = (over: Partial<{ providerTxnId: string; amount: string; paidAt: string }> = {}) => ({
  type: 'ConfirmPayment' as const,
  data: { providerTxnId: 'tx-1', amount: '100.00', paidAt: '2026-03-01T10:05:00.000Z', now: '2026-03-01T10:05:01.000Z', ...over },
});
const confirmed: PaymentEvent = { type: 'PaymentConfirmed', data: { providerTxnId: 'tx-1', amount: '100.00', paidAt: '2026-03-01T10:05:00.000Z', flags: [] } };
const spec = (events: PaymentEvent[] = []) => given(paymentDecider, events);

describe('payment intent decider', () => {
  it('creates a pending intent once', () => {
    const state = spec().when({ type: 'CreateIntent', data: intent }).then([created]);
    expect(state).toMatchObject({ status: 'pending', amount: '100.00', channel: 'sandbox', loanId: 'l1' });
    spec([created]).when({ type: 'CreateIntent', data: intent }).thenThrows('PAYMENT_INTENT_EXISTS', 'conflict');
  });

  it('refuses a non-positive amount and an expiry before creation', () => {
    spec().when({ type: 'CreateIntent', data: { ...intent, amount: '0' } }).thenThrows('INVALID_AMOUNT', 'invalid');
    spec().when({ type: 'CreateIntent', data: { ...intent, expiresAt: intent.createdAt } }).thenThrows('INVALID_EXPIRY', 'invalid');
  });

  it('confirms once; the same transaction again is a no-op, another one is refused', () => {
    const state = spec([created]).when(confirm()).then([confirmed]);
    expect(state.status).toBe('confirmed');
    spec([created, confirmed]).when(confirm()).then([]);
    spec([created, confirmed]).when(confirm({ providerTxnId: 'tx-2' })).thenThrows('PAYMENT_ALREADY_CONFIRMED', 'conflict');
  });

  it('records the confirmed transaction notified again with another amount as a contradiction, once per amount (QA 12 Q10)', () => {
    const contradicted: PaymentEvent = { type: 'PaymentConfirmationContradicted', data: { providerTxnId: 'tx-1', amount: '70.00', confirmedAmount: '100.00', paidAt: confirmed.data.paidAt } };
    const state = spec([created, confirmed]).when(confirm({ amount: '70.00' })).then([contradicted]);
    expect(state.confirmation).toMatchObject({ amount: '100.00', flags: ['AMOUNT_CONTRADICTED'] });
    // Redeliveries of either amount (in any notation) are no-ops; a third amount is recorded too.
    spec([created, confirmed, contradicted]).when(confirm({ amount: '70' })).then([]);
    spec([created, confirmed, contradicted]).when(confirm({ amount: '100.0' })).then([]);
    spec([created, confirmed, contradicted]).when(confirm({ amount: '80.00' }))
      .then([{ type: 'PaymentConfirmationContradicted', data: { ...contradicted.data, amount: '80.00' } }]);
  });

  it('records a differing amount but flags it for an officer', () => {
    spec([created]).when(confirm({ amount: '99.00' })).then([{ type: 'PaymentConfirmed', data: { ...confirmed.data, amount: '99.00', flags: ['AMOUNT_DIFFERS'] } }]);
  });

  it('flags money confirmed after expiry or after a failure report', () => {
    const late = '2026-03-01T11:00:00.000Z';
    spec([created]).when(confirm({ paidAt: late })).then([{ type: 'PaymentConfirmed', data: { ...confirmed.data, paidAt: late, flags: ['CONFIRMED_AFTER_EXPIRY'] } }]);
    const failed: PaymentEvent = { type: 'PaymentFailed', data: { providerTxnId: null, reason: 'declined', failedAt: '2026-03-01T10:01:00.000Z' } };
    spec([created, failed]).when(confirm()).then([{ type: 'PaymentConfirmed', data: { ...confirmed.data, flags: ['CONFIRMED_AFTER_FAILURE'] } }]);
  });

  it('fails a pending intent once and refuses to fail a confirmed one', () => {
    const fail = { type: 'FailPayment' as const, data: { providerTxnId: 'tx-9', reason: 'declined', now: '2026-03-01T10:02:00.000Z' } };
    const failed: PaymentEvent = { type: 'PaymentFailed', data: { providerTxnId: 'tx-9', reason: 'declined', failedAt: '2026-03-01T10:02:00.000Z' } };
    expect(spec([created]).when(fail).then([failed]).status).toBe('failed');
    spec([created, failed]).when(fail).then([]);
    spec([created, confirmed]).when(fail).thenThrows('PAYMENT_INTENT_CLOSED', 'conflict');
  });

  it('expires a pending intent only once its time has passed', () => {
    spec([created]).when({ type: 'ExpireIntent', data: { now: '2026-03-01T10:29:59.000Z' } }).then([]);
    const state = spec([created]).when({ type: 'ExpireIntent', data: { now: '2026-03-01T10:30:00.000Z' } })
      .then([{ type: 'PaymentIntentExpired', data: { expiredAt: '2026-03-01T10:30:00.000Z' } }]);
    expect(state.status).toBe('expired');
    spec([created, confirmed]).when({ type: 'ExpireIntent', data: { now: '2026-03-02T00:00:00.000Z' } }).then([]);
  });

  it('answers 404 for commands on a missing intent', () => {
    spec().when(confirm()).thenThrows('PAYMENT_INTENT_NOT_FOUND', 'not_found');
    spec().when({ type: 'FailPayment', data: { providerTxnId: null, reason: 'x', now: 'x' } }).thenThrows('PAYMENT_INTENT_NOT_FOUND', 'not_found');
    spec().when({ type: 'ExpireIntent', data: { now: 'x' } }).thenThrows('PAYMENT_INTENT_NOT_FOUND', 'not_found');
  });
});
