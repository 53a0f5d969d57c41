import { loadAggregate } from '../../commands/load-aggregate.js';
import { payoutDecider, type PayoutCommand } from '../../domain/payout/decider.js';
import { payoutDeskDecider, type PayoutDeskCommand, type PayoutDeskState } from '../../domain/payout/desk.js';
import type { PayoutState } from '../../domain/payout/state.js';
import type { EventStore } from '../../eventstore/port.js';
import { runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';

export const payoutStream = (payoutId: string) => `payout-${payoutId}`;
/** A loan's payout desk: one PayoutReserved per payout opened against its credit. */
export const payoutDeskStream = (loanId: string) => `payoutdesk-${loanId}`;

/** The payout as its decider sees it, with the global position of its last event (null when it does not exist). */
export async function loadPayout(store: EventStore, payoutId: string): Promise<{ state: PayoutState; revision: bigint; position: bigint } | null> {
  const loaded = await loadAggregate(store, payoutStream(payoutId), payoutDecider);
  if (loaded.revision === null) return null;
  const [last] = await store.readStream(payoutStream(payoutId), { direction: 'backwards', maxCount: 1 });
  return { state: loaded.state, revision: loaded.revision, position: last?.position ?? 0n };
}

/** Every payout ever opened on the loan, oldest first. */
export async function payoutIdsOfLoan(store: EventStore, loanId: string): Promise<string[]> {
  return (await payoutDesk(store, loanId)).payoutIds;
}

/** The loan's payout desk: the payouts opened on it and the amount each reserved. */
export async function payoutDesk(store: EventStore, loanId: string): Promise<PayoutDeskState> {
  return (await loadAggregate(store, payoutDeskStream(loanId), payoutDeskDecider)).state;
}

/** Runs a payout command on the payout's stream; business time is `occurredAt`. */
export async function runPayoutCommand(services: AppServices, meta: CommandMeta, payoutId: string, command: PayoutCommand, occurredAt: string): Promise<CommandOutcome> {
  const { outcome } = await runCommand(services, { id: payoutId, streamId: payoutStream(payoutId), decider: payoutDecider, command, meta, occurredAt });
  return outcome;
}

/**
 * Reserves a payout (or a decree) on the loan's desk: PAYOUT_CONCURRENT 409 when a payout was opened
 * since `seen`, REFUND_CONCURRENT 409 when a decree was.
 */
export async function reservePayout(services: AppServices, meta: CommandMeta, loanId: string, command: PayoutDeskCommand, occurredAt: string): Promise<CommandOutcome> {
  // The desk's events are not the request's: an Idempotency-Key belongs to the payout's own stream.
  const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...deskMeta } = meta;
  const { outcome } = await runCommand(services, { id: loanId, streamId: payoutDeskStream(loanId), decider: payoutDeskDecider, command, meta: deskMeta, occurredAt });
  return outcome;
}
