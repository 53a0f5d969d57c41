import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { PayoutDeskEvent, RefundDecreeReserved } from './events.js';

/** A refund decree on the desk: its reference on the loan, the amount, and the loan revision it was decided at. */
export type DeskDecree = RefundDecreeReserved['data'];

/** A loan's payout desk: every payout ever opened against its credit, oldest first, and every decree fenced through it. */
export interface PayoutDeskState {
  payoutIds: string[];
  /** Amount reserved per payout id (decimal strings in the loan's currency). */
  reserved: Record<string, string>;
  /** Decrees taken through the desk, oldest first. */
  decrees: DeskDecree[];
  /** How many entries (payouts and decrees) the desk holds: what `seen` is checked against. */
  entries: number;
  /** The kind of the newest entry, to name what came in between in a conflict. */
  last: 'payout' | 'decree' | null;
}

/**
 * Opens a payout on the desk. `seen` is how many entries the caller counted when it worked out
 * the credit still free; an entry added since then makes this 409, so two officers can never
 * reserve the same credit twice.
 */
export type ReservePayout = { type: 'ReservePayout'; data: { payoutId: string; amount: string; seen: number } };
/**
 * An admin's refund decree (paid outside the payout channels) claims `amount` of the credit before
 * the loan records it, under the same `seen` rule: a payout reserved meanwhile refuses the decree,
 * and a decree on the desk refuses a payout counted without it.
 */
export type ReserveDecree = { type: 'ReserveDecree'; data: DeskDecree & { seen: number } };
export type PayoutDeskCommand = ReservePayout | ReserveDecree;

/** What landed on the desk since the caller counted: PAYOUT_CONCURRENT or REFUND_CONCURRENT, 409. */
function concurrent(state: PayoutDeskState): DomainError {
  return state.last === 'decree'
    ? new DomainError('REFUND_CONCURRENT', 'A refund decree took this loan\'s credit meanwhile; look at the refund desk and try again', 'conflict')
    : new DomainError('PAYOUT_CONCURRENT', 'Another refund payout was started on this loan meanwhile; try again', 'conflict');
}

export const payoutDeskDecider: Decider<PayoutDeskCommand, PayoutDeskEvent, PayoutDeskState> = {
  decide(command, state) {
    if (command.type === 'ReservePayout') {
      const { data } = command;
      if (state.payoutIds.includes(data.payoutId)) return [];
      if (state.entries !== data.seen) throw concurrent(state);
      return [{ type: 'PayoutReserved', data: { payoutId: data.payoutId, amount: data.amount } }];
    }
    const { seen, ...decree } = command.data;
    if (state.decrees.some((d) => d.reference === decree.reference && d.loanRevision === decree.loanRevision)) return [];
    if (state.entries !== seen) throw concurrent(state);
    return [{ type: 'RefundDecreeReserved', data: decree }];
  },
  evolve: (state, event) => (event.type === 'PayoutReserved'
    ? { ...state, payoutIds: [...state.payoutIds, event.data.payoutId], reserved: { ...state.reserved, [event.data.payoutId]: event.data.amount }, entries: state.entries + 1, last: 'payout' }
    : { ...state, decrees: [...state.decrees, { ...event.data }], entries: state.entries + 1, last: 'decree' }),
  initialState: () => ({ payoutIds: [], reserved: {}, decrees: [], entries: 0, last: null }),
};
