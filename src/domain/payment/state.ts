import type { IntentChannel, PaymentEvent } from './events.js';

export type IntentStatus = 'none' | 'pending' | 'confirmed' | 'failed' | 'expired';

/** A payment intent as its decider and its query see it; plain JSON. */
export interface PaymentIntentState {
  status: IntentStatus;
  intentId: string | null;
  loanId: string | null;
  customerId: string | null;
  amount: string | null;
  currency: string | null;
  channel: IntentChannel | null;
  createdAt: string | null;
  expiresAt: string | null;
  /** Set once confirmed: what the channel says was paid, under which transaction id. */
  confirmation: { providerTxnId: string; amount: string; paidAt: string; flags: string[] } | null;
  failure: { providerTxnId: string | null; reason: string } | null;
}

export function initialPaymentIntentState(): PaymentIntentState {
  return {
    status: 'none', intentId: null, loanId: null, customerId: null, amount: null, currency: null, channel: null,
    createdAt: null, expiresAt: null, confirmation: null, failure: null,
  };
}

/** Folds one payment event into a new state; never throws (events are facts). */
export function evolvePaymentIntent(state: PaymentIntentState, event: PaymentEvent): PaymentIntentState {
  switch (event.type) {
    case 'PaymentIntentCreated': {
      const d = event.data;
      return { ...state, status: 'pending', intentId: d.intentId, loanId: d.loanId, customerId: d.customerId, amount: d.amount, currency: d.currency, channel: d.channel, createdAt: d.createdAt, expiresAt: d.expiresAt };
    }
    case 'PaymentConfirmed':
      return { ...state, status: 'confirmed', confirmation: { ...event.data, flags: [...event.data.flags] } };
    case 'PaymentFailed':
      return { ...state, status: 'failed', failure: { providerTxnId: event.data.providerTxnId, reason: event.data.reason } };
    case 'PaymentIntentExpired':
      return { ...state, status: 'expired' };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
