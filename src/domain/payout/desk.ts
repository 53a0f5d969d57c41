import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { PayoutReserved } from './events.js';

/** A loan's payout desk: every payout ever opened against its credit, oldest first. */
export interface PayoutDeskState {
  payoutIds: string[];
  /** Amount reserved per payout id (decimal strings in the loan's currency). */
  reserved: Record<string, string>;
}

/**
 * Opens a payout on the desk. `seen` is how many payouts the caller counted when it worked out
 * the credit still free; a payout opened since then makes this PAYOUT_CONCURRENT 409, so two
 * officers can never reserve the same credit twice.
 */
export type ReservePayout = { type: 'ReservePayout'; data: { payoutId: string; amount: string; seen: number } };

export const payoutDeskDecider: Decider<ReservePayout, PayoutReserved, PayoutDeskState> = {
  decide({ data }, state) {
    if (state.payoutIds.includes(data.payoutId)) return [];
    if (state.payoutIds.length !== data.seen) throw new DomainError('PAYOUT_CONCURRENT', 'Another refund payout was started on this loan meanwhile; try again', 'conflict');
    return [{ type: 'PayoutReserved', data: { payoutId: data.payoutId, amount: data.amount } }];
  },
  evolve: (state, event) => ({ payoutIds: [...state.payoutIds, event.data.payoutId], reserved: { ...state.reserved, [event.data.payoutId]: event.data.amount } }),
  initialState: () => ({ payoutIds: [], reserved: {} }),
};
