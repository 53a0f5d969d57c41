import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { RecordProviderRefund } from './commands.js';
import type { PaymentEvent } from './events.js';
import type { PaymentIntentState } from './state.js';

/**
 * Records a refund the provider made of the intent's confirmed transaction, once: a refund id
 * already recorded, or a cumulative total (Alipay's refund_fee) no higher than the one recorded, is a
 * redelivery and records nothing. The refund recorded is what this one adds, so a partial refund
 * stays partial and the refunded total never exceeds what was confirmed.
 *
 * Errors: PAYMENT_INTENT_NOT_FOUND 404; REFUND_WITHOUT_PAYMENT 409 (no confirmed transaction
 * `providerTxnId` on the intent: a refund of money never recorded creates none);
 * REFUND_EXCEEDS_PAYMENT 422 (more refunded than the provider confirmed).
 */
export function recordProviderRefund({ data }: RecordProviderRefund, state: PaymentIntentState): PaymentEvent[] {
  if (state.status === 'none') throw new DomainError('PAYMENT_INTENT_NOT_FOUND', 'Payment intent does not exist', 'not_found');
  const confirmation = state.confirmation;
  if (state.status !== 'confirmed' || confirmation === null || confirmation.providerTxnId !== data.providerTxnId) {
    throw new DomainError('REFUND_WITHOUT_PAYMENT', `The provider refunded transaction ${data.providerTxnId}, which no confirmation of this intent recorded`, 'conflict', { providerTxnId: data.providerTxnId });
  }
  if (!data.cumulative && state.refunds.some((refund) => refund.reference === data.reference)) return [];
  const currency = state.currency ?? '';
  const refunded = Money.of(state.refundedTotal, currency);
  const named = Money.parse(data.amount, currency);
  const total = data.cumulative ? named : refunded.plus(named);
  if (total.lte(refunded)) return [];
  if (total.gt(Money.of(confirmation.amount, currency))) {
    throw new DomainError('REFUND_EXCEEDS_PAYMENT', `The provider reports ${total.toString()} refunded of transaction ${data.providerTxnId}, which confirmed ${confirmation.amount}`, 'rule', { providerTxnId: data.providerTxnId });
  }
  return [{
    type: 'PaymentRefundedAtProvider',
    data: { providerTxnId: data.providerTxnId, reference: data.reference, amount: total.minus(refunded).toString(), refundedTotal: total.toString(), refundedAt: data.refundedAt },
  }];
}

/** True once the provider refunded all the intent's confirmed transaction. */
export function refundedInFull(state: PaymentIntentState): boolean {
  return state.confirmation !== null && new Dec(state.refundedTotal).gte(state.confirmation.amount);
}
