import { Dec, decimalOrNull, type Decimal } from '../decimal.js';
import { DomainError } from '../errors.js';
import { allocateRepayment, type AllocationResult } from './allocation.js';
import type { ReceiveRepayment } from './commands.js';
import type { LoanEvent } from './events.js';
import { onOrAfterDisbursement, positiveAmount, requireActive, requireLoan } from './guards.js';
import { fmt, owed } from './installment.js';
import { knownPayment, paymentRecords } from './payment-book.js';
import { loanContext } from './payoff.js';
import { reallocate } from './reallocation.js';
import type { LoanState } from './state.js';

/** [] for a replay of a known reference with the same amount; DUPLICATE_REFERENCE for a different amount. */
export function replayOf(known: { amount: string } | undefined, amount: string): LoanEvent[] | null {
  if (!known) return null;
  const same = decimalOrNull(amount)?.eq(known.amount) ?? false;
  if (same) return [];
  throw new DomainError('DUPLICATE_REFERENCE', 'This reference was already used with a different amount', 'conflict', { amount: known.amount });
}

interface Outcome {
  result: AllocationResult;
  principalAfter: Decimal;
  creditAdded: Decimal;
}

/** A backdated payment re-runs every payment's allocation in date order (see evolve). */
function allocate(state: LoanState, amount: string, reference: string, date: string): Outcome {
  const order = requireLoan(state).allocationOrder;
  const ctx = loanContext(state);
  if (state.lastPaymentDate === null || date >= state.lastPaymentDate) {
    const result = allocateRepayment(state.installments, amount, date, order, ctx);
    return { result, principalAfter: new Dec(state.principalOutstanding).minus(result.totals.principal), creditAdded: new Dec(result.totals.excess) };
  }
  const candidate = { reference, amount, effectiveDate: date, sequence: state.payments.length };
  const rerun = reallocate(state.installments, [...paymentRecords(state.payments), candidate], order, ctx);
  const principalAfter = rerun.installments.reduce((sum, inst) => sum.plus(owed(inst, 'principal')), new Dec(0));
  return { result: rerun.results.get(reference) as AllocationResult, principalAfter, creditAdded: rerun.creditBalance.minus(state.creditBalance) };
}

/** Records a repayment with its allocation; closes the loan when nothing is left, or marks the excess as an overpayment. */
export function receiveRepayment({ data }: ReceiveRepayment, state: LoanState): LoanEvent[] {
  requireLoan(state);
  const replay = replayOf(knownPayment(state.payments, data.reference), data.amount);
  if (replay) return replay;
  requireActive(state);
  const amount = positiveAmount(data.amount, state.currency).toString();
  const date = onOrAfterDisbursement(state, data.effectiveDate);
  if (state.rescheduledOn !== null && date < state.rescheduledOn) {
    throw new DomainError('BACKDATED_BEFORE_RESCHEDULE', `Cannot backdate a repayment before the reschedule on ${state.rescheduledOn}`, 'rule');
  }
  const { result, principalAfter, creditAdded } = allocate(state, amount, data.reference, date);
  const events: LoanEvent[] = [{
    type: 'RepaymentReceived',
    data: { amount, channel: data.channel, reference: data.reference, effectiveDate: date, allocation: result.totals, installments: result.installments },
  }];
  if (creditAdded.gt(0)) {
    events.push({ type: 'LoanOverpaid', data: { amount: fmt(creditAdded, state.currency), date } });
  } else if (principalAfter.isZero()) {
    events.push({ type: 'LoanClosed', data: { date, reason: 'obligations_met' } });
  }
  return events;
}
