import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { PayoutCreated, PayoutEvent } from './events.js';
import { evolvePayout, initialPayoutState, type PayoutState } from './state.js';

export type CreatePayout = { type: 'CreatePayout'; data: PayoutCreated['data'] };
/** The channel (or an officer) says the money left under `channelReference`; `at` is when (ISO instant). */
export type ConfirmPayout = { type: 'ConfirmPayout'; data: { channelReference: string; at: string; by: string } };
export type FailPayout = { type: 'FailPayout'; data: { channelReference: string | null; reason: string; at: string } };
export type PayoutCommand = CreatePayout | ConfirmPayout | FailPayout;

const notFound = () => new DomainError('PAYOUT_NOT_FOUND', 'Payout does not exist', 'not_found');

/**
 * A payout is confirmed once: the same reference again is a no-op (providers redeliver), another
 * reference is PAYOUT_ALREADY_CONFIRMED 409; a failed payout is closed (PAYOUT_CLOSED 409) and a
 * confirmed one can no longer fail.
 */
export function decidePayout(command: PayoutCommand, state: PayoutState): PayoutEvent[] {
  switch (command.type) {
    case 'CreatePayout': {
      if (state.status !== 'none') throw new DomainError('PAYOUT_EXISTS', 'Payout already exists', 'conflict');
      Money.parse(command.data.amount, command.data.currency);
      return [{ type: 'PayoutCreated', data: command.data }];
    }
    case 'ConfirmPayout': {
      if (state.status === 'none') throw notFound();
      if (state.status === 'confirmed') {
        if (state.confirmation?.channelReference === command.data.channelReference) return [];
        throw new DomainError('PAYOUT_ALREADY_CONFIRMED', `Payout was already confirmed under ${state.confirmation?.channelReference ?? '?'}`, 'conflict');
      }
      if (state.status === 'failed') throw new DomainError('PAYOUT_CLOSED', 'Payout already failed; start a new one', 'conflict');
      return [{ type: 'PayoutConfirmed', data: { channelReference: command.data.channelReference, confirmedAt: command.data.at, confirmedBy: command.data.by } }];
    }
    case 'FailPayout': {
      if (state.status === 'none') throw notFound();
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
