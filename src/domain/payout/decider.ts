import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { PayoutCreated, PayoutEvent } from './events.js';
import { evolvePayout, initialPayoutState, type PayoutState } from './state.js';

export type CreatePayout = { type: 'CreatePayout'; data: PayoutCreated['data'] };
/** The channel (or an officer) says the money left under `channelReference`; `at` is when (ISO instant). */
export type ConfirmPayout = { type: 'ConfirmPayout'; data: { channelReference: string; at: string; by: string } };
export type FailPayout = { type: 'FailPayout'; data: { channelReference: string | null; reason: string; at: string } };
/** A second person approves a payout waiting for approval; `at` is when (ISO instant). */
export type ApprovePayout = { type: 'ApprovePayout'; data: { approvedBy: string; at: string } };
/** Turns down a payout waiting for approval (its checker, or its maker withdrawing it). */
export type RejectPayout = { type: 'RejectPayout'; data: { rejectedBy: string; reason: string; at: string } };
export type PayoutCommand = CreatePayout | ApprovePayout | RejectPayout | ConfirmPayout | FailPayout;

const notFound = () => new DomainError('PAYOUT_NOT_FOUND', 'Payout does not exist', 'not_found');
const notApproved = () => new DomainError('PAYOUT_NOT_APPROVED', 'Payout waits for a second person\'s approval: nothing was sent, so nothing can be settled', 'conflict');
const notAwaiting = (state: PayoutState) => new DomainError('PAYOUT_NOT_AWAITING_APPROVAL', `Payout is ${state.status}, not waiting for approval`, 'conflict', { status: state.status });

/**
 * Four eyes on money out: a payout started by one person is sent only once someone else approves
 * it (FOUR_EYES_REQUIRED 422 for its maker). Approving it again, by the same approver, is a no-op.
 */
function approvePayout(data: ApprovePayout['data'], state: PayoutState): PayoutEvent[] {
  if (state.status === 'none') throw notFound();
  if (state.approval !== null && state.approval.approvedBy === data.approvedBy) return [];
  if (state.status !== 'awaiting_approval') throw notAwaiting(state);
  if (state.requestedBy === data.approvedBy) throw new DomainError('FOUR_EYES_REQUIRED', 'The approver of a payout must not be the person who started it', 'rule');
  return [{ type: 'PayoutApproved', data: { approvedBy: data.approvedBy, approvedAt: data.at } }];
}

/** Rejects a payout still waiting for approval; rejecting it again is a no-op, one already approved is PAYOUT_NOT_AWAITING_APPROVAL 409. */
function rejectPayout(data: RejectPayout['data'], state: PayoutState): PayoutEvent[] {
  if (state.status === 'none') throw notFound();
  if (state.status === 'rejected') return [];
  if (state.status !== 'awaiting_approval') throw notAwaiting(state);
  return [{ type: 'PayoutRejected', data: { rejectedBy: data.rejectedBy, reason: data.reason, rejectedAt: data.at } }];
}

/**
 * A payout is confirmed once: the same reference again is a no-op (providers redeliver), another
 * reference is PAYOUT_ALREADY_CONFIRMED 409; a failed or rejected payout is closed (PAYOUT_CLOSED 409)
 * and a confirmed one can no longer fail. One waiting for approval was never sent, so it can be
 * neither confirmed nor failed (PAYOUT_NOT_APPROVED 409): approve or reject it.
 */
export function decidePayout(command: PayoutCommand, state: PayoutState): PayoutEvent[] {
  switch (command.type) {
    case 'CreatePayout': {
      if (state.status !== 'none') throw new DomainError('PAYOUT_EXISTS', 'Payout already exists', 'conflict');
      Money.parse(command.data.amount, command.data.currency);
      return [{ type: 'PayoutCreated', data: command.data }];
    }
    case 'ApprovePayout':
      return approvePayout(command.data, state);
    case 'RejectPayout':
      return rejectPayout(command.data, state);
    case 'ConfirmPayout': {
      if (state.status === 'none') throw notFound();
      if (state.status === 'awaiting_approval') throw notApproved();
      if (state.status === 'rejected') throw new DomainError('PAYOUT_CLOSED', 'Payout was rejected before it was sent; start a new one', 'conflict');
      if (state.status === 'confirmed') {
        if (state.confirmation?.channelReference === command.data.channelReference) return [];
        throw new DomainError('PAYOUT_ALREADY_CONFIRMED', `Payout was already confirmed under ${state.confirmation?.channelReference ?? '?'}`, 'conflict');
      }
      if (state.status === 'failed') throw new DomainError('PAYOUT_CLOSED', 'Payout already failed; start a new one', 'conflict');
      return [{ type: 'PayoutConfirmed', data: { channelReference: command.data.channelReference, confirmedAt: command.data.at, confirmedBy: command.data.by } }];
    }
    case 'FailPayout': {
      if (state.status === 'none') throw notFound();
      if (state.status === 'awaiting_approval') throw notApproved();
      if (state.status === 'rejected') throw new DomainError('PAYOUT_CLOSED', 'Payout was rejected before it was sent', 'conflict');
      if (state.status === 'failed') return [];
      if (state.status === 'confirmed') throw new DomainError('PAYOUT_CLOSED', 'Payout was already confirmed', 'conflict');
      return [{ type: 'PayoutFailed', data: { channelReference: command.data.channelReference, reason: command.data.reason, failedAt: command.data.at } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

export const payoutDecider: Decider<PayoutCommand, PayoutEvent, PayoutState> = {
  decide: decidePayout,
  evolve: evolvePayout,
  initialState: initialPayoutState,
};
