import { loadAggregate } from '../../commands/load-aggregate.js';
import { paymentIntentDeskDecider, type OpenIntentOnDesk, type PaymentIntentOpened } from '../../domain/payment/intent-desk.js';
import type { EventStore } from '../../eventstore/port.js';
import { runCommand, type AppServices, type CommandMeta } from '../services.js';
import { loadPaymentIntent } from './payment-stream.js';

/** A loan's intent desk: one PaymentIntentOpened per payment intent started on it. */
export const paymentIntentDeskStream = (loanId: string) => `intentdesk-${loanId}`;

/** An intent still payable: on the desk, not past its expiry, and not confirmed, failed or expired on its own stream. */
export interface OpenIntent {
  opened: PaymentIntentOpened['data'];
  /** Its own stream's revision and last global position; null while the stream is not written yet (another request is between the two appends). */
  stream: { revision: bigint; position: bigint } | null;
}

/**
 * The loan's open payment intent at `now` (null when none), and how many intents the desk holds
 * (what a new one is reserved against). Only intents whose expiry is still ahead are read.
 */
export async function openIntentOfLoan(store: EventStore, loanId: string, now: Date): Promise<{ open: OpenIntent | null; seen: number }> {
  const desk = (await loadAggregate(store, paymentIntentDeskStream(loanId), paymentIntentDeskDecider)).state;
  const live = desk.intents.filter((i) => Date.parse(i.expiresAt) > now.getTime()).reverse();
  for (const opened of live) {
    const loaded = await loadPaymentIntent(store, opened.intentId);
    if (loaded === null) return { open: { opened, stream: null }, seen: desk.intents.length };
    if (loaded.state.status === 'pending') return { open: { opened, stream: { revision: loaded.revision, position: loaded.position } }, seen: desk.intents.length };
  }
  return { open: null, seen: desk.intents.length };
}

/** Takes an intent onto the loan's desk at `seen`: PAYMENT_INTENT_CONCURRENT 409 when another was taken since. */
export async function reserveIntent(services: AppServices, meta: CommandMeta, loanId: string, command: OpenIntentOnDesk, occurredAt: string): Promise<void> {
  // The desk's event is not the request's: an Idempotency-Key belongs to the intent's own stream.
  const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...deskMeta } = meta;
  await runCommand(services, { id: loanId, streamId: paymentIntentDeskStream(loanId), decider: paymentIntentDeskDecider, command, meta: deskMeta, occurredAt });
}
