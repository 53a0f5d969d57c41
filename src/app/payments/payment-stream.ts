import { loadAggregate } from '../../commands/load-aggregate.js';
import { paymentDecider, type PaymentCommand, type PaymentIntentState } from '../../domain/payment/decider.js';
import type { EventStore } from '../../eventstore/port.js';
import { runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';

export const paymentStream = (intentId: string) => `payment-${intentId}`;

/** The intent as its decider sees it, with the revision and global position of its last event (null when it does not exist). */
export async function loadPaymentIntent(store: EventStore, intentId: string): Promise<{ state: PaymentIntentState; revision: bigint; position: bigint } | null> {
  const loaded = await loadAggregate(store, paymentStream(intentId), paymentDecider);
  if (loaded.revision === null) return null;
  const [last] = await store.readStream(paymentStream(intentId), { direction: 'backwards', maxCount: 1 });
  return { state: loaded.state, revision: loaded.revision, position: last?.position ?? 0n };
}

/** Runs a payment command on the intent's stream; business time is `occurredAt`. */
export async function runPaymentCommand(services: AppServices, meta: CommandMeta, intentId: string, command: PaymentCommand, occurredAt: string): Promise<CommandOutcome> {
  const { outcome } = await runCommand(services, { id: intentId, streamId: paymentStream(intentId), decider: paymentDecider, command, meta, occurredAt });
  return outcome;
}
