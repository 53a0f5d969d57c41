import type { Decider, DomainEvent } from '../decider.js';
import { DomainError } from '../errors.js';
import type { IntentChannel } from './events.js';

/**
 * A payment intent taken onto its loan's intent desk (stream `intentdesk-<loanId>`) before its own
 * stream is created: `amount` (decimal string in the loan's currency), `channel`, `expiresAt` (ISO
 * instant). The desk serialises intents per loan, so a loan has at most one open intent at a time.
 */
export type PaymentIntentOpened = DomainEvent<'PaymentIntentOpened', { intentId: string; amount: string; channel: IntentChannel; expiresAt: string }>;
export type PaymentIntentDeskEvent = PaymentIntentOpened;

/** A loan's intent desk: every intent ever opened on it, oldest first. */
export interface PaymentIntentDeskState {
  intents: PaymentIntentOpened['data'][];
}

/**
 * Takes an intent onto the desk. `seen` is how many intents the caller counted when it found none
 * of them open; an intent opened since makes this PAYMENT_INTENT_CONCURRENT (409), so two requests
 * at once can never both open one. The same intent id again is a no-op.
 */
export type OpenIntentOnDesk = { type: 'OpenIntentOnDesk'; data: PaymentIntentOpened['data'] & { seen: number } };

export const paymentIntentDeskDecider: Decider<OpenIntentOnDesk, PaymentIntentDeskEvent, PaymentIntentDeskState> = {
  decide({ data }, state) {
    const { seen, ...opened } = data;
    if (state.intents.some((i) => i.intentId === opened.intentId)) return [];
    if (state.intents.length !== seen) {
      throw new DomainError('PAYMENT_INTENT_CONCURRENT', 'Another payment was started on this loan meanwhile; look at it before paying again', 'conflict');
    }
    return [{ type: 'PaymentIntentOpened', data: opened }];
  },
  evolve: (state, event) => ({ intents: [...state.intents, { ...event.data }] }),
  initialState: () => ({ intents: [] }),
};
