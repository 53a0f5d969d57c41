import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/domain/decimal.js';
import { paymentDecider } from '../../../src/domain/payment/decider.js';
import type { PaymentEvent } from '../../../src/domain/payment/events.js';
import { refundedInFull } from '../../../src/domain/payment/provider-refund.js';
import { given } from '../decider-spec.js';

const created: PaymentEvent = {
  type: 'PaymentIntentCreated',
  data: { intentId: 'pi-1', loanId: 'l1', customerId: 'c1', amount: '100.00', currency: 'CNY', channel: 'wechat', createdAt: '2026-03-01T10:00:00.000Z', expiresAt: '2026-03-01T10:30:00.000Z' },
};
const confirmed: PaymentEvent = { type: 'PaymentConfirmed', data: { providerTxnId: 'tx-1', amount: '100.00', paidAt: '2026-03-01T10:05:00.000Z', flags: [] } };
const refund = (reference: string, amount: string, cumulative = false, providerTxnId = 'tx-1') => ({
  type: 'RecordProviderRefund' as const, data: { providerTxnId, reference, amount, cumulative, refundedAt: '2026-03-02T09:00:00.000Z' },
});
const refunded = (reference: string, amount: string, refundedTotal: string): PaymentEvent => ({
  type: 'PaymentRefundedAtProvider', data: { providerTxnId: 'tx-1', reference, amount, refundedTotal, refundedAt: '2026-03-02T09:00:00.000Z' },
});

describe('a refund the provider made of a paid intent', () => {
  it('is recorded once per refund id, partial as partial, and flags the confirmation', () => {
    const state = given(paymentDecider, [created, confirmed]).when(refund('R1', '30.00')).then([refunded('R1', '30.00', '30.00')]);
    expect(state.confirmation?.flags).toEqual(['REFUNDED_AT_PROVIDER']);
    expect(refundedInFull(state)).toBe(false);
    given(paymentDecider, [created, confirmed, refunded('R1', '30.00', '30.00')]).when(refund('R1', '30.00')).then([]);
    const full = given(paymentDecider, [created, confirmed, refunded('R1', '30.00', '30.00')]).when(refund('R2', '70.00')).then([refunded('R2', '70.00', '100.00')]);
    expect(refundedInFull(full)).toBe(true);
  });

  it('takes a cumulative total (Alipay refund_fee) as what it adds; the same or a lower total again is a redelivery', () => {
    given(paymentDecider, [created, confirmed, refunded('B1', '30.00', '30.00')]).when(refund('B2', '45.50', true)).then([refunded('B2', '15.50', '45.50')]);
    given(paymentDecider, [created, confirmed, refunded('B1', '30.00', '30.00')]).when(refund('B1', '30.00', true)).then([]);
    given(paymentDecider, [created, confirmed, refunded('B1', '30.00', '30.00')]).when(refund('B0', '10.00', true)).then([]);
  });

  it('refuses a refund of money never confirmed on the intent, or of another transaction (409), and more than was paid (422)', () => {
    given(paymentDecider, [created]).when(refund('R1', '30.00')).thenThrows('REFUND_WITHOUT_PAYMENT', 'conflict');
    given(paymentDecider, [created, confirmed]).when(refund('R1', '30.00', false, 'tx-other')).thenThrows('REFUND_WITHOUT_PAYMENT', 'conflict');
    given(paymentDecider, []).when(refund('R1', '30.00')).thenThrows('PAYMENT_INTENT_NOT_FOUND', 'not_found');
    given(paymentDecider, [created, confirmed, refunded('R1', '30.00', '30.00')]).when(refund('R2', '70.01')).thenThrows('REFUND_EXCEEDS_PAYMENT', 'rule');
    given(paymentDecider, [created, confirmed]).when(refund('B1', '100.01', true)).thenThrows('REFUND_EXCEEDS_PAYMENT', 'rule');
  });

  it('property: any sequence of refund notifications, redelivered in any order, records the provider\'s refunded total, never above what was paid', () => {
    // The provider's refunds: distinct ids, amounts in fen, never more in all than the 100.00 paid (it refuses beyond).
    // The provider's refunds in fen, each with its own id; one that would take the total past the 100.00 paid it refuses (dropped below).
    const refunds = fc.array(fc.integer({ min: 1, max: 6000 }), { maxLength: 6 }).map((fen) => fen.map((f, i) => ({ id: `R${i}`, fen: f })));
    fc.assert(fc.property(refunds, fc.boolean(), fc.array(fc.nat(), { maxLength: 12 }), (made, cumulative, redeliveries) => {
      let paidOut = 0;
      const provider = made.filter((r) => (paidOut + r.fen <= 10_000 ? ((paidOut += r.fen), true) : false))
        .map((r, i, all) => ({ id: r.id, amount: (r.fen / 100).toFixed(2), total: (all.slice(0, i + 1).reduce((s, x) => s + x.fen, 0) / 100).toFixed(2) }));
      // Each refund's notification, then some redelivered (later, in any order).
      const deliveries = [...provider, ...redeliveries.flatMap((n) => (provider.length ? [provider[n % provider.length]!] : []))];
      let state = [created, confirmed].reduce(paymentDecider.evolve, paymentDecider.initialState());
      for (const r of deliveries) {
        const events = paymentDecider.decide(refund(r.id, cumulative ? r.total : r.amount, cumulative), state);
        state = events.reduce(paymentDecider.evolve, state);
      }
      const providerTotal = provider.reduce((s, r) => s.plus(r.amount), new Dec(0));
      expect(new Dec(state.refundedTotal).equals(providerTotal)).toBe(true);
      expect(state.refunds.reduce((s, r) => s.plus(r.amount), new Dec(0)).equals(providerTotal)).toBe(true);
      expect(refundedInFull(state)).toBe(providerTotal.equals('100.00'));
    }), { numRuns: 300 });
  });
});
