import { addDays } from '../calendar.js';
import { Dec } from '../decimal.js';
import { penaltyAmount } from './delinquency.js';
import type { LoanEvent } from './events.js';
import { fmt } from './installment.js';
import { loanContext } from './payoff.js';
import { lastDayOfGrace, replayServicing, stillUnpaid } from './servicing-replay.js';
import type { Installment, LoanState } from './state.js';

/**
 * Penalties close of business on `date` owes for installments already settled now but settled
 * only after their last grace day ended, with no penalty yet: a payment dated the first day after
 * the grace (or later), recorded before that night's close, does not spare the penalty — a penalty
 * stands iff its installment was unpaid at the end of its last grace day, whichever was recorded
 * first. Priced on the installment as it stood then (the replay through that day).
 */
export function latePaidPenalties(state: LoanState, date: string, charged: ReadonlySet<number>): LoanEvent[] {
  const penalty = state.terms?.penalty ?? null;
  if (penalty === null) return [];
  const candidates = state.installments.filter((inst) => settledLate(state, inst, date));
  if (candidates.length === 0) return [];
  const events: LoanEvent[] = [];
  const ctx = loanContext(state);
  const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
  for (const inst of candidates) {
    if (charged.has(inst.number)) continue;
    const lastGrace = lastDayOfGrace(state, inst.number) as string;
    const rows = replayServicing(state, order, ctx, [], lastGrace).installments;
    const then = rows[inst.number - 1];
    if (!then || !stillUnpaid(rows, inst.number, state.currency)) continue;
    const amount = penaltyAmount(then, penalty, state.currency, state.terms?.roundingMode ?? 'HALF_EVEN');
    // Dated where it stands, the first day after the grace (a close that finds it later, catching up missed days or
    // a loan keyed in late, still charges it there), so a payment dated that day pays it first.
    if (amount.gt(0)) events.push({ type: 'PenaltyCharged', data: { number: inst.number, amount: fmt(amount, state.currency), date: addDays(lastGrace, 1) } });
  }
  return events;
}

/**
 * The first day after the grace of the earliest installment settled only after its grace ended
 * with no penalty charged on it yet (the day latePaidPenalties would date its penalty), or null.
 * The loan book picks the loan on the first close on or after it: a payment dated that day pays the
 * row, so nothing is due any more and the next due date alone would never bring the loan back.
 */
export function latePenaltyFrom(state: LoanState): string | null {
  if (state.terms?.penalty == null || (state.status !== 'active' && state.status !== 'overdue')) return null;
  const charged = chargedPenaltyRows(state);
  let earliest: string | null = null;
  for (const inst of state.installments) {
    if (charged.has(inst.number) || !inst.settled || inst.settledOn === null) continue;
    const lastGrace = addDays(inst.dueDate, state.terms.penalty.graceDays);
    if (inst.settledOn <= lastGrace || (state.lastEodDate !== null && state.lastEodDate > lastGrace)) continue;
    if (state.rescheduledOn !== null && lastGrace < state.rescheduledOn) continue;
    const from = addDays(lastGrace, 1);
    if (earliest === null || from < earliest) earliest = from;
  }
  return earliest;
}

/** Settled after its grace ended, grace ended before `date`, no penalty on it, and not a row a reschedule kept as it was. */
function settledLate(state: LoanState, inst: Installment, date: string): boolean {
  if (!inst.settled || inst.settledOn === null || inst.settledOn <= inst.dueDate || inst.dueDate >= date) return false;
  const lastGrace = addDays(inst.dueDate, state.terms?.penalty?.graceDays ?? 0);
  if (inst.settledOn <= lastGrace || lastGrace >= date) return false;
  // Only the first close after the grace can owe it: a later one finds a penalty fact, or found the row not late
  // (a close that recorded anything since the grace ended moved lastEodDate past it; one that recorded nothing
  // leaves the row a candidate, which costs a replay but charges nothing twice).
  if (state.lastEodDate !== null && state.lastEodDate > lastGrace) return false;
  return state.rescheduledOn === null || (date >= state.rescheduledOn && lastGrace >= state.rescheduledOn);
}

/**
 * Installments close of business has already charged their one penalty: a penalty fact since the
 * contract was last set (standing or void), or a penalty already in the contract (baked into a
 * row a reschedule kept, or migrated). An officer's late or collection fee charged since is not
 * the product's penalty and does not count.
 */
export function chargedPenaltyRows(state: LoanState): Set<number> {
  const rows = new Set(state.penalties.map((p) => p.number));
  for (const inst of state.contract) if (!new Dec(inst.due.penalty).isZero()) rows.add(inst.number);
  return rows;
}
