import type { IntentStatus, PaymentIntentState } from '../../domain/payment/decider.js';
import type { EventStore } from '../../eventstore/port.js';
import { loadPaymentIntent } from './payment-stream.js';

/** A payment intent as the API shows it; a pending intent past its expiry reads as expired. */
export interface PaymentIntentView {
  id: string;
  loanId: string;
  customerId: string;
  status: Exclude<IntentStatus, 'none'>;
  channel: NonNullable<PaymentIntentState['channel']>;
  amount: string;
  currency: string;
  createdAt: string;
  expiresAt: string;
  confirmation: PaymentIntentState['confirmation'];
  failure: PaymentIntentState['failure'];
  /** Global position of the intent's latest event (its confirmation comes after the repayment). */
  position: string;
  revision: string;
}

/** The intent from its stream (never stale); null when it does not exist. */
export async function paymentIntentView(store: EventStore, intentId: string, now: Date): Promise<PaymentIntentView | null> {
  const loaded = await loadPaymentIntent(store, intentId);
  if (loaded === null) return null;
  const s = loaded.state;
  if (s.status === 'none' || s.intentId === null || s.loanId === null || s.customerId === null || s.channel === null
    || s.amount === null || s.currency === null || s.createdAt === null || s.expiresAt === null) return null;
  const expired = s.status === 'pending' && now.getTime() >= Date.parse(s.expiresAt);
  return {
    id: s.intentId, loanId: s.loanId, customerId: s.customerId, status: expired ? 'expired' : s.status, channel: s.channel,
    amount: s.amount, currency: s.currency, createdAt: s.createdAt, expiresAt: s.expiresAt,
    confirmation: s.confirmation, failure: s.failure, position: loaded.position.toString(), revision: loaded.revision.toString(),
  };
}
