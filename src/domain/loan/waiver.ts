import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { WaiveCharge } from './commands.js';
import type { LoanEvent } from './events.js';
import { minorOf, minorUnits } from '../money.js';
import { onOrAfterDisbursement, positiveAmount, requireActive, requireLoan } from './guards.js';
import { fmt, owed } from './installment.js';
import { loanContext } from './payoff.js';
import { replayServicing } from './servicing-replay.js';
import { settlementEvents } from './settlement.js';
import type { LoanState } from './state.js';

/**
 * Waives penalty, fee or interest still owed, oldest installment first; never more than is owed.
 * The waiver takes effect on its effective date: replayed there among the loan's other facts, and
 * booked in the ledger on that date.
 */
export function waiveCharge({ data }: WaiveCharge, state: LoanState): LoanEvent[] {
  requireActive(state);
  const effectiveDate = onOrAfterDisbursement(state, data.effectiveDate);
  const c = state.currency;
  const open = state.installments
    .slice(state.firstUnsettled)
    .map((inst) => ({ number: inst.number, owed: inst.settled ? new Dec(0) : owed(inst, data.kind) }))
    .filter((row) => row.owed.gt(0));
  const total = open.reduce((sum, row) => sum.plus(row.owed), new Dec(0));
  if (total.isZero()) throw new DomainError('NOTHING_TO_WAIVE', `No ${data.kind} is owed`, 'rule');
  const amount = data.amount ? positiveAmount(data.amount, c).amount : total;
  if (amount.gt(total)) {
    throw new DomainError('AMOUNT_OUT_OF_RANGE', `Cannot waive ${fmt(amount, c)}: only ${fmt(total, c)} ${data.kind} is owed`, 'rule');
  }
  let left = new Dec(amount);
  const installments: { number: number; amount: string }[] = [];
  for (const row of open) {
    if (left.isZero()) break;
    const part = Dec.min(row.owed, left);
    installments.push({ number: row.number, amount: fmt(part, c) });
    left = left.minus(part);
  }
  const waived: LoanEvent = { type: 'ChargeWaived', data: { kind: data.kind, amount: fmt(amount, c), reason: data.reason, installments, effectiveDate } };
  // Replayed at its date, the waiver may leave later payments paying more than is owed.
  const replay = replayServicing(state, requireLoan(state).allocationOrder, loanContext(state), [
    { kind: 'waiver', date: effectiveDate, sequence: state.eventsFolded + 1, waiver: { sequence: state.eventsFolded + 1, date: effectiveDate, kind: data.kind, parts: installments } },
  ]);
  const creditAfter = replay.excessMinor - minorOf(state.refunded, minorUnits(c));
  return [waived, ...settlementEvents(state, replay.installments, creditAfter, effectiveDate)];
}
