import { loanContext } from '../../src/domain/loan/payoff.js';
import { paymentRecords } from '../../src/domain/loan/payment-book.js';
import { replayServicing } from '../../src/domain/loan/servicing-replay.js';
import type { Installment, LoanState } from '../../src/domain/loan/state.js';

/**
 * The rows as the replay has them just before the fact with `sequence` dated `date`
 * (servicing-replay's order: by date; on one date close-of-business penalties first, charged at
 * the start of their day, then the rest in recording order). Written out for the waiver tests,
 * apart from the code under test.
 */
export function rowsBefore(state: LoanState, date: string, sequence: number): Installment[] {
  const earlier = (d: string, s: number) => d < date || (d === date && s < sequence);
  const later = paymentRecords(state.payments).filter((p) => !earlier(p.effectiveDate, p.sequence)).map((p) => p.reference);
  const upTo: LoanState = {
    ...state, reversed: [...state.reversed, ...later], waivers: state.waivers.filter((w) => earlier(w.date, w.sequence)),
    penalties: state.penalties.filter((p) => p.date <= date), charges: state.charges.filter((c) => earlier(c.date, c.sequence)),
  };
  return replayServicing(upTo, state.terms?.allocationOrder ?? 'penalty-fee-interest-principal', loanContext(state)).installments;
}
