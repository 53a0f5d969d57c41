import type { ReplayMemo } from './replay-memo.js';
import { parseDate } from '../calendar.js';
import { Dec } from '../decimal.js';
import { DomainError } from '../errors.js';
import type { ApproveWriteOff, ReceiveRecovery, RequestWriteOff } from './commands.js';
import { daysPastDue } from './delinquency.js';
import { dpdCountedTo } from './reclassification.js';
import type { LoanEvent } from './events.js';
import { onOrAfterDisbursement, positiveAmount, requireActive, requireLoan } from './guards.js';
import { cutBackTo } from './evolve.js';
import { fmt } from './installment.js';
import { writeOffAmounts } from './write-off-amounts.js';
import { foldedCopy, penaltiesOwedBy } from './penalties-owed-by.js';
import { paymentRecords } from './payment-book.js';
import { replayOf } from './repayment.js';
import type { LoanState } from './state.js';

/**
 * A write-off needs the loan `writeOffDpd` days past due counted the way the loan view counts them:
 * to the last close (dpdCountedTo), or to the write-off's own date when that is earlier.
 */
function requireDpd(state: LoanState, writeOffDpd: number, date: string, lastClose: string | null | undefined): void {
  const asOf = dpdCountedTo(state, date, lastClose);
  const dpd = daysPastDue(state.installments, state.firstUnsettled, asOf, state.charges, state.currency);
  if (dpd < writeOffDpd) {
    throw new DomainError('WRITE_OFF_DPD_TOO_LOW', `Loan is ${dpd} days past due as of ${asOf}; write-off needs ${writeOffDpd}`, 'rule', { dpd, writeOffDpd, asOf });
  }
}

/** Nothing is dated before the last reschedule: its contract already holds those days (and the interest it capitalised). */
function requireNotBeforeReschedule(state: LoanState, date: string): void {
  if (state.rescheduledOn !== null && date < state.rescheduledOn) {
    throw new DomainError('BACKDATED_BEFORE_RESCHEDULE', `A write-off cannot be dated ${date}, before the reschedule on ${state.rescheduledOn}`, 'rule', { rescheduledOn: state.rescheduledOn });
  }
}

/** First half of four-eyes write-off: only once the loan is past the product's DPD threshold. */
export function requestWriteOff({ data }: RequestWriteOff, state: LoanState, lastClose?: string | null): LoanEvent[] {
  const terms = requireActive(state);
  if (state.writeOffRequest !== null) throw new DomainError('WRITE_OFF_ALREADY_REQUESTED', 'A write-off is already requested', 'conflict');
  // Dated before the loan existed it is refused as every command dated so is (qa19 Q7: it read 0 days past due then).
  const date = onOrAfterDisbursement(state, data.date);
  requireNotBeforeReschedule(state, date);
  requireDpd(state, terms.writeOffDpd, date, lastClose);
  return [{ type: 'LoanWriteOffRequested', data: { ...data } }];
}

/**
 * Writes off what the borrower owed on the date — the payoff quote for that day, penalties owed by
 * then included (payoffOwedOn: each recorded first, PenaltyCharged with reason LoanWrittenOff, as a
 * repayment records them) — approved by someone other than the requester. The books lose only what they carried (principal, receivables:
 * `principal`, `interest`, `fees`, `penalties`); contract interest earned but never accrued (NPA
 * suspends accrual), fees fallen due since the last accrual and penalties an NPA loan never booked are `notBooked`, written off the
 * borrower's claim but never income, so never a loss. Penalties and charges dated later, and
 * interest past the date, were never owed by the loan it writes off (see cutBackTo).
 *
 * Errors: WRITE_OFF_NOT_REQUESTED (409); FOUR_EYES_REQUIRED (422); BACKDATED_BEFORE_RESCHEDULE (422);
 * WRITE_OFF_BEFORE_REQUEST (422,
 * dated before its request); WRITE_OFF_BEFORE_LATER_FACTS (422, a repayment or waiver is dated
 * after it: money or relief the written-off loan could not have had); WRITE_OFF_DPD_TOO_LOW (422).
 */
export function approveWriteOff({ data }: ApproveWriteOff, state: LoanState, lastClose: string | null | undefined, memo: ReplayMemo): LoanEvent[] {
  const terms = requireActive(state);
  const request = state.writeOffRequest;
  if (request === null) throw new DomainError('WRITE_OFF_NOT_REQUESTED', 'No write-off was requested', 'conflict');
  if (request.requestedBy === data.approvedBy) {
    throw new DomainError('FOUR_EYES_REQUIRED', 'The approver of a write-off must not be its requester', 'rule');
  }
  const date = parseDate(data.date);
  requireNotBeforeReschedule(state, date);
  if (date < request.date) {
    throw new DomainError('WRITE_OFF_BEFORE_REQUEST', `A write-off cannot be booked on ${date}, before it was requested on ${request.date}`, 'rule', { requestedOn: request.date });
  }
  const later = [...paymentRecords(state.payments).filter((p) => !state.reversed.includes(p.reference)).map((p) => p.effectiveDate), ...state.waivers.map((w) => w.date)]
    .filter((d) => d > date).sort().pop();
  if (later !== undefined) {
    throw new DomainError('WRITE_OFF_BEFORE_LATER_FACTS', `A write-off cannot be dated ${date}, before a repayment or waiver dated ${later}`, 'rule', { latest: later });
  }
  requireDpd(state, terms.writeOffDpd, date, lastClose);
  // Penalties owed by that day that no close has charged yet are recorded first, as a payment of that date would:
  // the claim is the quote a payment would have closed the loan with (payoffOwedOn), and the books carry them.
  const penalties = penaltiesOwedBy(state, date, 'LoanWrittenOff', memo);
  // What the books carry that day, and what the borrower owes that day (the payoff quote) beyond it.
  const onDate = penalties.length > 0 ? foldedCopy(state, penalties, memo) : structuredClone(state);
  cutBackTo(onDate, date, memo);
  return [...penalties, {
    type: 'LoanWrittenOff',
    data: {
      date: data.date, ...writeOffAmounts(onDate, date, memo),
      requestedBy: request.requestedBy, approvedBy: data.approvedBy,
    },
  }];
}

/**
 * Money collected on a written-off loan, up to the borrower's claim written off (what the payoff
 * said it owed that day, interest never accrued included) less what was recovered; a replayed
 * reference is a no-op. Beyond the booked loss it is recovery income all the same.
 */
export function receiveRecovery({ data }: ReceiveRecovery, state: LoanState): LoanEvent[] {
  requireLoan(state);
  // A reference identifies one transfer: a reversed (bounced) one is not taken again under it.
  if (state.reversedRecoveries.includes(data.reference)) {
    throw new DomainError('REPAYMENT_REVERSED', `Recovery ${data.reference} was reversed; send the new transfer under a new reference`, 'conflict', { reference: data.reference });
  }
  const replay = replayOf(state.recoveries[data.reference], data.amount);
  if (replay) return replay;
  if (state.status !== 'written_off' || state.writtenOff === null) {
    throw new DomainError('LOAN_NOT_WRITTEN_OFF', `Loan is ${state.status}, not written off`, 'conflict');
  }
  const amount = positiveAmount(data.amount, state.currency);
  const left = new Dec(state.writtenOff.claim).minus(state.recovered);
  if (amount.amount.gt(left)) throw new DomainError('AMOUNT_OUT_OF_RANGE', `Recovery exceeds the ${fmt(left, state.currency)} the borrower still owes of what was written off`, 'rule', { left: fmt(left, state.currency) });
  const effectiveDate = parseDate(data.effectiveDate);
  if (effectiveDate < state.writtenOff.date) {
    throw new DomainError('BACKDATED_BEFORE_WRITE_OFF', `A recovery dated ${effectiveDate} is before the write-off on ${state.writtenOff.date}`, 'rule', { writtenOffOn: state.writtenOff.date });
  }
  return [{ type: 'RecoveryReceived', data: { amount: amount.toString(), channel: data.channel, reference: data.reference, effectiveDate } }];
}
