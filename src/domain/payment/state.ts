import type { IntentChannel, PaymentEvent, PaymentSuspense } from './events.js';

/** The confirmation's flag once the channel notified its transaction again with another amount. */
export const CONTRADICTED = 'AMOUNT_CONTRADICTED';
/** The confirmation's flag once the provider refunded any of the transaction. */
export const REFUNDED_AT_PROVIDER = 'REFUNDED_AT_PROVIDER';

const flagged = (flags: string[], flag: string) => (flags.includes(flag) ? flags : [...flags, flag]);

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
  /** Set when the confirmed money went to the suspense queue; `assignedTo` once an officer recorded it on a loan. */
  suspense: (PaymentSuspense & { assignedTo: string | null }) | null;
  /** Other amounts the channel later notified for the confirmed transaction (PaymentConfirmationContradicted), in order. */
  contradictedAmounts: string[];
  /** Refunds the provider made of the confirmed transaction (PaymentRefundedAtProvider), by its refund id, and their total. */
  refunds: { reference: string; amount: string }[];
  refundedTotal: string;
}

export function initialPaymentIntentState(): PaymentIntentState {
  return {
    status: 'none', intentId: null, loanId: null, customerId: null, amount: null, currency: null, channel: null,
    createdAt: null, expiresAt: null, confirmation: null, failure: null, suspense: null, contradictedAmounts: [],
    refunds: [], refundedTotal: '0',
  };
}

/** Folds one payment event into a new state; never throws (events are facts). */
export function evolvePaymentIntent(state: PaymentIntentState, event: PaymentEvent): PaymentIntentState {
  switch (event.type) {
    case 'PaymentIntentCreated': {
      const d = event.data;
      return { ...state, status: 'pending', intentId: d.intentId, loanId: d.loanId, customerId: d.customerId, amount: d.amount, currency: d.currency, channel: d.channel, createdAt: d.createdAt, expiresAt: d.expiresAt };
    }
    case 'PaymentConfirmed': {
      const { suspense, ...confirmation } = event.data;
      return { ...state, status: 'confirmed', confirmation: { ...confirmation, flags: [...confirmation.flags] }, suspense: suspense ? { ...suspense, assignedTo: null } : null };
    }
    case 'PaymentConfirmationContradicted': {
      const flags = flagged(state.confirmation?.flags ?? [], CONTRADICTED);
      return { ...state, confirmation: state.confirmation ? { ...state.confirmation, flags } : null, contradictedAmounts: [...state.contradictedAmounts, event.data.amount] };
    }
    case 'PaymentRefundedAtProvider': {
      const { reference, amount, refundedTotal } = event.data;
      const confirmation = state.confirmation ? { ...state.confirmation, flags: flagged(state.confirmation.flags, REFUNDED_AT_PROVIDER) } : null;
      return { ...state, confirmation, refunds: [...state.refunds, { reference, amount }], refundedTotal };
    }
    case 'SuspendedPaymentAssigned':
      return state.suspense ? { ...state, suspense: { ...state.suspense, assignedTo: event.data.loanId } } : state;
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
