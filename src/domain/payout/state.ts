import type { Payee, PayoutChannel, PayoutEvent } from './events.js';

/** `awaiting_approval`: started, not sent until a second person approves it; `rejected`: turned down before sending (closed). */
export type PayoutStatus = 'none' | 'awaiting_approval' | 'rejected' | 'pending' | 'confirmed' | 'failed';

/** A refund payout as its decider and its query see it; plain JSON. */
export interface PayoutState {
  status: PayoutStatus;
  payoutId: string | null;
  loanId: string | null;
  customerId: string | null;
  amount: string | null;
  currency: string | null;
  channel: PayoutChannel | null;
  payee: Payee | null;
  createdAt: string | null;
  /** Its maker (null on payouts from before four eyes, sent at once). */
  requestedBy: string | null;
  approval: { approvedBy: string; approvedAt: string } | null;
  rejection: { rejectedBy: string; reason: string; rejectedAt: string } | null;
  confirmation: { channelReference: string; confirmedAt: string; confirmedBy: string } | null;
  failure: { channelReference: string | null; reason: string; failedAt: string } | null;
}

export function initialPayoutState(): PayoutState {
  return {
    status: 'none', payoutId: null, loanId: null, customerId: null, amount: null, currency: null, channel: null, payee: null,
    createdAt: null, requestedBy: null, approval: null, rejection: null, confirmation: null, failure: null,
  };
}

/** Folds one payout event into a new state; never throws (events are facts). */
export function evolvePayout(state: PayoutState, event: PayoutEvent): PayoutState {
  switch (event.type) {
    case 'PayoutCreated': {
      const d = event.data;
      return {
        ...state, status: d.requestedBy === undefined ? 'pending' : 'awaiting_approval', payoutId: d.payoutId, loanId: d.loanId, customerId: d.customerId,
        amount: d.amount, currency: d.currency, channel: d.channel, payee: d.payee, createdAt: d.createdAt, requestedBy: d.requestedBy ?? null,
      };
    }
    case 'PayoutApproved':
      return { ...state, status: 'pending', approval: { ...event.data } };
    case 'PayoutRejected':
      return { ...state, status: 'rejected', rejection: { ...event.data } };
    case 'PayoutConfirmed':
      return { ...state, status: 'confirmed', confirmation: { ...event.data } };
    case 'PayoutFailed':
      return { ...state, status: 'failed', failure: { ...event.data } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
