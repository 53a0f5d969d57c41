import { NO_REPLAY_MEMO, type ReplayMemo } from './replay-memo.js';
import { addDays } from '../calendar.js';
import { Dec } from '../decimal.js';
import { isNonPerforming } from './classification.js';
import { clearDelinquency, markedOverdue, refreshDerived } from './derived-state.js';
import type { ChargeApplied, ChargeWaived, LoanEvent, LoanRescheduled, PenaltyCharged, RepaymentReceived } from './events.js';
import { addAmounts, fmt, installmentsFromSchedule, subtractAmounts } from './installment.js';
import { paymentEntry } from './payment-book.js';
import { reversePayment } from './payment-reversed.js';
import { recordFact } from './record-fact.js';
import { writtenOffRecord } from './write-off-amounts.js';
import { foldMigration } from './migration.js';
import type { Installment, LoanState } from './state.js';

function later(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}

/** A close of business judged every installment whose grace had ended (late-paid-penalty.ts): nothing is left to review. */
function closeRecorded(state: LoanState, date: string): void {
  state.lastEodDate = later(state.lastEodDate, date);
  state.penaltyReviewFrom = null;
}

function receivePayment(state: LoanState, { data }: RepaymentReceived, memo: ReplayMemo): void {
  const sequence = state.eventsFolded;
  state.payments.push(paymentEntry(data.effectiveDate, data.amount, sequence, data.channel, data.reference));
  state.lastPaymentDate = later(state.lastPaymentDate, data.effectiveDate);
  if (data.prepayment) state.prepaymentOverrides[data.reference] = data.prepayment;
  recordFact(state, {
    kind: 'payment', date: data.effectiveDate, sequence,
    payment: { reference: data.reference, amount: data.amount, effectiveDate: data.effectiveDate, sequence, channel: data.channel, ...(data.prepayment ? { prepayment: data.prepayment } : {}) },
  }, memo);
}

// A waiver recorded before waivers carried a date is replayed at the latest date the loan knew then.
function waiverDate(state: LoanState, event: ChargeWaived): string {
  return event.data.effectiveDate ?? state.lastFactKey?.slice(0, 10) ?? state.disbursement?.date ?? '0000-01-01';
}

function waive(state: LoanState, event: ChargeWaived, memo: ReplayMemo): void {
  const waiver = { sequence: state.eventsFolded, date: waiverDate(state, event), kind: event.data.kind, parts: event.data.installments };
  state.waivers.push(waiver);
  recordFact(state, { kind: 'waiver', date: waiver.date, sequence: waiver.sequence, waiver }, memo);
}

function chargePenalty(state: LoanState, { data }: PenaltyCharged, memo: ReplayMemo): void {
  const penalty = { sequence: state.eventsFolded, date: data.date, number: data.number, amount: data.amount };
  state.penalties.push(penalty);
  recordFact(state, { kind: 'penalty', date: penalty.date, sequence: penalty.sequence, penalty }, memo);
  // Recorded by a payment (penalties-owed-by.ts), it is not a close: the close's marks stay.
  if (data.reason === undefined) closeRecorded(state, data.date);
}

function applyCharge(state: LoanState, { data }: ChargeApplied, memo: ReplayMemo): void {
  const charge = { sequence: state.eventsFolded, date: data.date, number: data.number, component: data.component, amount: data.amount };
  state.charges.push(charge);
  recordFact(state, { kind: 'charge', date: charge.date, sequence: charge.sequence, charge }, memo);
  // A charge that reopens a row already marked overdue makes the loan overdue again at once, if what the row owes
  // was past due as of the last close (a charge applied after it is not yet: markedOverdue).
  if (state.status === 'active' && markedOverdue(state, state.firstUnsettled)) state.status = 'overdue';
}

/**
 * Rows due on or before the effective date stay as the facts left them (baked into the new
 * contract); the rest are replaced by the new schedule, whose principal includes the interest
 * earned up to the effective date (capitalised, never forgiven).
 */
function rescheduleContract(state: LoanState, { data }: LoanRescheduled): void {
  const kept = state.installments.filter((inst) => inst.dueDate <= data.effectiveDate).map((inst) => ({ ...inst }));
  state.contract = [...kept, ...installmentsFromSchedule(data.schedule, data.effectiveDate, kept.length + 1, state.currency)];
  state.installments = state.contract.map((inst) => ({ ...inst }));
  state.replayFrom = state.eventsFolded;
  state.waivers = [];
  state.penalties = [];
  state.charges = [];
  state.lastFactKey = null;
  state.capitalizedInterest = addAmounts(state.capitalizedInterest, data.capitalizedInterest ?? '0', state.currency);
  state.capitalizedSuspended = addAmounts(state.capitalizedSuspended ?? '0', data.capitalizedSuspended ?? '0', state.currency);
  Object.assign(state, { annualRate: data.annualRate, term: data.term, rescheduledOn: data.effectiveDate });
  // The APR disclosed follows the terms in force.
  if (data.apr !== undefined && state.disbursement !== null) state.disbursement = { ...state.disbursement, apr: data.apr };
  refreshDerived(state);
}

/**
 * Cuts the loan back to what it owed on `date`, the day it is written off: penalties and charges
 * dated after it leave the replay, and interest counts as accrued no further than that day. In
 * place; the write-off's decider applies it to a copy to price the write-off.
 */
export function cutBackTo(state: LoanState, date: string, memo: ReplayMemo = NO_REPLAY_MEMO): void {
  const penalties = state.penalties.filter((p) => p.date <= date);
  const charges = state.charges.filter((c) => c.date <= date);
  if (penalties.length !== state.penalties.length || charges.length !== state.charges.length) {
    Object.assign(state, { penalties, charges, lastFactKey: null });
    recordFact(state, null, memo);
  }
  if (state.interestAccruedThrough !== null && state.interestAccruedThrough > date) state.interestAccruedThrough = date;
}

function markOverdue(rows: Installment[], number: number, since: string): void {
  const inst = rows[number - 1];
  if (inst) rows[number - 1] = { ...inst, overdueSince: since };
}

/**
 * Folds one loan event into the state. It updates `state` in place and returns it, so a
 * 5 000-event loan loads in O(events) without copying its payment book on every event; fold
 * from `initialLoanState()` or a cloned snapshot, never from a state still in use.
 */
export function evolveLoan(state: LoanState, event: LoanEvent, memo: ReplayMemo = NO_REPLAY_MEMO): LoanState {
  const c = state.currency;
  state.eventsFolded += 1;
  switch (event.type) {
    case 'LoanApplicationSubmitted': {
      const d = event.data;
      Object.assign(state, {
        status: 'submitted', loanId: d.loanId, customerId: d.customerId, productId: d.productId,
        productVersion: d.productVersion, terms: d.terms, currency: d.terms.currency, principalRequested: d.principal,
        term: d.term, submittedBy: d.submittedBy, annualRate: d.terms.annualRate, firstRepaymentDate: d.firstRepaymentDate ?? null,
        submittedOn: d.submittedOn ?? null,
      });
      break;
    }
    case 'CreditAssessed':
      state.status = 'assessed';
      state.assessment = { score: event.data.score, grade: event.data.grade, decision: event.data.decision };
      break;
    case 'LoanApproved':
      Object.assign(state, { status: 'approved', principalApproved: event.data.approvedPrincipal, approvedBy: event.data.approver, approvedOn: event.data.date ?? null });
      break;
    case 'LoanRejected':
      state.status = 'rejected';
      break;
    case 'LoanApplicationWithdrawn':
      state.status = 'withdrawn';
      break;
    case 'LoanDisbursed': {
      const d = event.data;
      const contract = installmentsFromSchedule(d.schedule, d.date, 1, c);
      Object.assign(state, {
        status: 'active', disbursement: { amount: d.amount, netAmount: d.netAmount, date: d.date, apr: d.apr, ...(d.keyedInAfter ? { keyedInAfter: d.keyedInAfter } : {}) },
        contract, installments: contract.map((inst) => ({ ...inst })), firstUnsettled: 0,
        principalOutstanding: d.amount, interestAccruedThrough: d.date, accruingSince: d.date, creditBalance: fmt(new Dec(0), c),
      });
      break;
    }
    case 'RepaymentReceived':
      receivePayment(state, event, memo);
      break;
    case 'RepaymentReversalRequested': {
      const { reference, ...request } = event.data;
      state.reversalRequests[reference] = request;
      break;
    }
    case 'RepaymentReversalRejected':
      delete state.reversalRequests[event.data.reference];
      break;
    case 'RepaymentReversed':
      delete state.reversalRequests[event.data.reference];
      if (event.data.approvedBy !== undefined) state.approvedReversals.push(event.data.reference);
      reversePayment(state, event, memo);
      break;
    case 'InterestAccrued':
      state.interestAccruedThrough = event.data.to;
      // Recorded by a history change (reclassification.ts), it is not a close.
      if (event.data.reason === undefined) closeRecorded(state, event.data.date);
      break;
    case 'InstallmentOverdue': {
      const since = addDays(event.data.dueDate, 1);
      markOverdue(state.contract, event.data.number, since);
      markOverdue(state.installments, event.data.number, since);
      // Recorded by a history change (reclassification.ts), it is not a close: the penalties stay to be judged, but the
      // loan was judged as of that close.
      if (event.data.reason === undefined) closeRecorded(state, event.data.date);
      else state.judgedThrough = later(state.judgedThrough ?? null, event.data.date);
      // Overdue by the rule every fact keeps (markedOverdue): some open row marked and past due as of the close. Not only
      // the oldest open row: an older row owing only a charge applied after it fell due is not past due yet, while the
      // row this close marked is (a close leaving it active, 关注, split status from class). A catch-up close judges a
      // past date: the row it found owed then may be settled by a payment dated later, and is then not counted.
      if (state.status === 'active' && markedOverdue(state, state.firstUnsettled)) state.status = 'overdue';
      break;
    }
    case 'PenaltyCharged':
      chargePenalty(state, event, memo);
      break;
    case 'ChargeWaived':
      waive(state, event, memo);
      if (event.data.reference !== undefined) {
        delete state.waiverRequests[event.data.reference];
        state.decidedWaivers[event.data.reference] = 'approved';
      }
      break;
    case 'ChargeWaiverRequested': {
      const { reference, ...request } = event.data;
      state.waiverRequests[reference] = request;
      break;
    }
    case 'ChargeWaiverRejected':
      delete state.waiverRequests[event.data.reference];
      state.decidedWaivers[event.data.reference] = 'rejected';
      break;
    case 'ChargeApplied':
      applyCharge(state, event, memo);
      break;
    case 'LoanClassified':
      state.classification = event.data.to;
      state.daysPastDue = event.data.dpd;
      state.classifiedOn = later(state.classifiedOn ?? null, event.data.date);
      state.flags = isNonPerforming(event.data.to) ? [...new Set([...state.flags, 'npa' as const])] : state.flags.filter((f) => f !== 'npa');
      if (event.data.reason === undefined) closeRecorded(state, event.data.date);
      break;
    case 'LoanRescheduled':
      rescheduleContract(state, event);
      break;
    case 'LoanWriteOffRequested':
      state.writeOffRequest = { ...event.data };
      break;
    case 'LoanWrittenOff': {
      const d = event.data;
      cutBackTo(state, d.date, memo);
      state.writtenOff = writtenOffRecord(d.date, d, c);
      state.status = 'written_off';
      state.flags = [...new Set([...state.flags, 'charged-off' as const])];
      break;
    }
    case 'RecoveryReceived':
      state.recoveries[event.data.reference] = { amount: event.data.amount, effectiveDate: event.data.effectiveDate };
      state.recovered = addAmounts(state.recovered, event.data.amount, c);
      break;
    case 'RecoveryReversed':
      delete state.reversalRequests[event.data.reference];
      if (event.data.approvedBy !== undefined) state.approvedReversals.push(event.data.reference);
      state.reversedRecoveries.push(event.data.reference);
      state.recovered = subtractAmounts(state.recovered, event.data.amount, c);
      break;
    case 'LoanOverpaid':
      // Also reopens a closed loan that money a channel reported after its close came to.
      state.status = 'overpaid';
      state.closedOn = null;
      clearDelinquency(state);
      break;
    case 'RefundIssued':
      state.refunds[event.data.reference] = { amount: event.data.amount, date: event.data.date };
      state.refunded = addAmounts(state.refunded, event.data.amount, c);
      state.creditBalance = subtractAmounts(state.creditBalance, event.data.amount, c);
      // A paid-out refund beyond the credit (its repayment bounced since) is owed back: the loan owes again.
      if ((state.status === 'overpaid' || state.status === 'closed') && new Dec(state.creditBalance).isNegative()) {
        state.status = 'active';
        state.closedOn = null;
      }
      break;
    case 'LoanClosed':
      // A loan that owes nothing is no longer at risk: it leaves the five categories and the NPA flag.
      Object.assign(state, { status: 'closed', closedOn: event.data.date, classification: 'normal', daysPastDue: 0 });
      state.flags = state.flags.filter((f) => f !== 'npa');
      break;
    case 'LoanMigrated':
      foldMigration(state, event);
      break;
    default:
      return unknownEvent(event);
  }
  return state;
}

function unknownEvent(event: never): never {
  throw new Error(`unknown loan event ${(event as { type: string }).type}`);
}
