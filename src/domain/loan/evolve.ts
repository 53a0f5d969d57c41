import { addDays } from '../calendar.js';
import { Dec } from '../decimal.js';
import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { isNonPerforming } from './classification.js';
import { applyDecidedPayment } from './decided-payments.js';
import type { ChargeApplied, ChargeWaived, LoanEvent, LoanRescheduled, PenaltyCharged, RepaymentReceived, RepaymentReversed } from './events.js';
import { unpaidSince } from './delinquency.js';
import { addAmounts, fmt, installmentsFromSchedule, isZeroText, nextUnsettled, owedMinor, subtractAmounts } from './installment.js';
import { paymentEntry, paymentRecords } from './payment-book.js';
import { writeOffAmounts, writtenOffRecord } from './write-off-amounts.js';
import { foldMigration } from './migration.js';
import { loanContext } from './payoff.js';
import { applyCredit, applyFact, factKey, lastDayOfGrace, stampSettled, stillUnpaid, replayServicing, servicingFacts, type ServicingFact } from './servicing-replay.js';
import type { Installment, LoanState, PenaltyFact } from './state.js';

function later(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}

/** A fact dated on or before the last close's date may change which installments were unpaid at the end of their grace. */
function reviewPenaltiesFrom(state: LoanState, date: string): void {
  if (state.lastEodDate === null || date > state.lastEodDate) return;
  if (state.penaltyReviewFrom === null || date < state.penaltyReviewFrom) state.penaltyReviewFrom = date;
}

/** A close of business judged every installment whose grace had ended (late-paid-penalty.ts): nothing is left to review. */
function closeRecorded(state: LoanState, date: string): void {
  state.lastEodDate = later(state.lastEodDate, date);
  state.penaltyReviewFrom = null;
}

/**
 * Refreshes what the installments imply: principal owed, the oldest open row, and overdue → active
 * once it is cured. `from` is where the oldest open row can be: 0 after a replay (anything may have
 * changed); the current one after a fact applied on top (facts only settle rows, and a penalty lands
 * on a row still open). `principalPaid` is the principal the fact paid, when known, so a long loan
 * does not re-sum every row on every payment.
 */
/**
 * True when a row from `from` on is open, marked overdue by a close (or a history change recorded as one), and
 * what it owes was past due as of the loan's last close (unpaidSince): a row a back-dated payment shows paid on
 * time, left owing only an officer charge applied after that close, is not overdue until a close passes the
 * charge's date (QA 12 Q5).
 */
function markedOverdue(state: LoanState, from: number): boolean {
  const { installments, charges, currency } = state;
  // No close of the loan's own yet: none has seen a charge-only row past due.
  const lastClose = state.lastEodDate ?? '0000-01-01';
  for (let i = from; i < installments.length; i++) {
    const inst = installments[i] as Installment;
    if (inst.settled || inst.overdueSince === null) continue;
    const since = charges.length === 0 ? inst.dueDate : unpaidSince(inst, charges, currency) ?? inst.dueDate;
    if (since === inst.dueDate || since < lastClose) return true;
  }
  return false;
}

function refreshDerived(state: LoanState, from = 0, principalPaid: string | null = null): void {
  const places = minorUnits(state.currency);
  if (principalPaid === null) {
    let principal = 0n;
    for (const inst of state.installments) if (!inst.settled) principal += owedMinor(inst, 'principal', places);
    state.principalOutstanding = formatMinor(principal, places);
  } else if (!isZeroText(principalPaid)) {
    state.principalOutstanding = subtractAmounts(state.principalOutstanding, principalPaid, state.currency);
  }
  state.firstUnsettled = nextUnsettled(state.installments, from);
  // Cured once no open row is marked overdue: a charge can reopen an older row (unmarked) before a later one a close marked.
  // Overdue again when a history change reopens a row a close marked: a back-dated payment re-allocated ahead of a
  // later one can leave a row it had settled short (a short payoff pays principal first and leaves interest owed).
  const marked = markedOverdue(state, state.firstUnsettled);
  if (state.status === 'overdue' && !marked) {
    state.status = 'active';
    state.daysPastDue = 0;
  } else if (state.status === 'active' && marked) {
    state.status = 'overdue';
  }
}

/**
 * Applies a new servicing fact. One that sorts after every fact so far is applied to the current
 * installments; an earlier-dated one re-runs the whole replay, so later payments are re-allocated
 * and penalties a back-dated payment makes unwarranted fall away.
 */
function recordFact(state: LoanState, fact: ServicingFact | null): void {
  if (fact !== null && fact.kind !== 'penalty') reviewPenaltiesFrom(state, fact.date);
  const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
  const ctx = loanContext(state);
  const latest = fact !== null && (state.lastFactKey === null || factKey(fact.date, fact.kind) >= state.lastFactKey);
  if (fact !== null && latest && (fact.kind !== 'penalty' || penaltyStandsAsCharged(state, fact.penalty))) {
    const key = factKey(fact.date, fact.kind);
    const result = (fact.kind === 'payment' ? applyDecidedPayment(state, fact.payment, order) : null) ?? applyFact(state.installments, fact, order, ctx);
    const principalPaid = result ? result.totals.principal : fmt(new Dec(0), state.currency);
    if (result && result.totals.excess !== fmt(new Dec(0), state.currency)) {
      state.creditBalance = addAmounts(state.creditBalance, result.totals.excess, state.currency);
    }
    // A penalty or charge moves no principal unless credit already received pays some (QA 10 R9: re-summing
    // every row's principal per penalty made a far quote on a 520-row loan fold in rows²).
    let creditUsed = false;
    if (fact.kind === 'penalty' || fact.kind === 'charge') {
      const places = minorUnits(state.currency);
      const used = applyCredit(state.installments, minorOf(state.creditBalance, places), fact.date, order, ctx);
      if (used > 0n) state.creditBalance = subtractAmounts(state.creditBalance, formatMinor(used, places), state.currency);
      creditUsed = used > 0n;
      stampSettled(state.installments, fact.date);
    }
    state.lastFactKey = key;
    // A charge may reopen a row before the oldest open one.
    refreshDerived(state, fact.kind === 'charge' ? 0 : state.firstUnsettled, creditUsed ? null : principalPaid);
  } else {
    const replay = replayServicing(state, order, ctx);
    state.installments = replay.installments;
    state.lastFactKey = lastKey(state);
    const places = minorUnits(state.currency);
    state.creditBalance = subtractAmounts(formatMinor(replay.excessMinor, places), state.refunded, state.currency);
    refreshDerived(state);
  }
}

/**
 * True when a penalty arriving as the latest fact can be added to the rows as they are: its row still
 * owes principal, interest or fees now (so it did at the end of its grace) and it is dated the day
 * after its grace (so it was priced on the row as it stood then). Otherwise only the replay can tell:
 * a row paid after its grace but before the penalty's date still owes it, and an officer's charge
 * may have reopened a row paid in time.
 */
function penaltyStandsAsCharged(state: LoanState, penalty: PenaltyFact): boolean {
  if (state.charges.length > 0 || !stillUnpaid(state.installments, penalty.number, state.currency)) return false;
  const lastGrace = lastDayOfGrace(state, penalty.number);
  return state.terms?.penalty?.type === 'fixed' || (lastGrace !== null && penalty.date === addDays(lastGrace, 1));
}

/** A loan that owes nothing (closed or overpaid) is no longer at risk: normal, no days past due, no NPA flag. */
function clearDelinquency(state: LoanState): void {
  state.classification = 'normal';
  state.daysPastDue = 0;
  state.flags = state.flags.filter((f) => f !== 'npa');
}

/**
 * A reversed payment leaves the replay; the loan's status follows what is then owed: a closed or
 * overpaid loan reopens (overdue again if an installment it paid was overdue); a written-off one
 * stays written off, its write-off re-derived without the payment.
 */
function reversePayment(state: LoanState, event: RepaymentReversed): void {
  state.reversed.push(event.data.reference);
  const reversed = paymentRecords(state.payments).find((p) => p.reference === event.data.reference);
  if (reversed) reviewPenaltiesFrom(state, reversed.effectiveDate);
  state.lastFactKey = null;
  recordFact(state, null);
  // Written off: the write-off is re-derived on its date without the payment (it takes what was owed then);
  // the loan stays written off, and the ledger moves the bounced cash to the loss.
  if (state.writtenOff !== null) {
    state.writtenOff = writtenOffRecord(state.writtenOff.date, writeOffAmounts(state, state.writtenOff.date), state.currency);
    return;
  }
  const places = minorUnits(state.currency);
  const credit = minorOf(state.creditBalance, places);
  const owing = state.installments.some((inst) => !inst.settled) || credit < 0n;
  if (credit > 0n) state.status = 'overpaid';
  else if (!owing) state.status = 'closed';
  // Any open row a close marked, not only the oldest: a charge can reopen an older row (unmarked) before it.
  else state.status = markedOverdue(state, state.firstUnsettled) ? 'overdue' : 'active';
  if (state.status !== 'closed') state.closedOn = null;
  if (state.status === 'closed' || state.status === 'overpaid') clearDelinquency(state);
}

/** The key of the latest fact still replayed (null when none is). */
function lastKey(state: LoanState): string | null {
  const facts = servicingFacts(state);
  const last = facts[facts.length - 1];
  return last ? factKey(last.date, last.kind) : null;
}

function receivePayment(state: LoanState, { data }: RepaymentReceived): void {
  const sequence = state.eventsFolded;
  state.payments.push(paymentEntry(data.effectiveDate, data.amount, sequence, data.channel, data.reference));
  state.lastPaymentDate = later(state.lastPaymentDate, data.effectiveDate);
  if (data.prepayment) state.prepaymentOverrides[data.reference] = data.prepayment;
  recordFact(state, {
    kind: 'payment', date: data.effectiveDate, sequence,
    payment: { reference: data.reference, amount: data.amount, effectiveDate: data.effectiveDate, sequence, channel: data.channel, ...(data.prepayment ? { prepayment: data.prepayment } : {}) },
  });
}

// A waiver recorded before waivers carried a date is replayed at the latest date the loan knew then.
function waiverDate(state: LoanState, event: ChargeWaived): string {
  return event.data.effectiveDate ?? state.lastFactKey?.slice(0, 10) ?? state.disbursement?.date ?? '0000-01-01';
}

function waive(state: LoanState, event: ChargeWaived): void {
  const waiver = { sequence: state.eventsFolded, date: waiverDate(state, event), kind: event.data.kind, parts: event.data.installments };
  state.waivers.push(waiver);
  recordFact(state, { kind: 'waiver', date: waiver.date, sequence: waiver.sequence, waiver });
}

function chargePenalty(state: LoanState, { data }: PenaltyCharged): void {
  const penalty = { sequence: state.eventsFolded, date: data.date, number: data.number, amount: data.amount };
  state.penalties.push(penalty);
  recordFact(state, { kind: 'penalty', date: penalty.date, sequence: penalty.sequence, penalty });
  // Recorded by a payment (penalties-owed-by.ts), it is not a close: the close's marks stay.
  if (data.reason === undefined) closeRecorded(state, data.date);
}

function applyCharge(state: LoanState, { data }: ChargeApplied): void {
  const charge = { sequence: state.eventsFolded, date: data.date, number: data.number, component: data.component, amount: data.amount };
  state.charges.push(charge);
  recordFact(state, { kind: 'charge', date: charge.date, sequence: charge.sequence, charge });
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
export function cutBackTo(state: LoanState, date: string): void {
  const penalties = state.penalties.filter((p) => p.date <= date);
  const charges = state.charges.filter((c) => c.date <= date);
  if (penalties.length !== state.penalties.length || charges.length !== state.charges.length) {
    Object.assign(state, { penalties, charges, lastFactKey: null });
    recordFact(state, null);
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
export function evolveLoan(state: LoanState, event: LoanEvent): LoanState {
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
        status: 'active', disbursement: { amount: d.amount, netAmount: d.netAmount, date: d.date, apr: d.apr },
        contract, installments: contract.map((inst) => ({ ...inst })), firstUnsettled: 0,
        principalOutstanding: d.amount, interestAccruedThrough: d.date, accruingSince: d.date, creditBalance: fmt(new Dec(0), c),
      });
      break;
    }
    case 'RepaymentReceived':
      receivePayment(state, event);
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
      reversePayment(state, event);
      break;
    case 'InterestAccrued':
      state.interestAccruedThrough = event.data.to;
      closeRecorded(state, event.data.date);
      break;
    case 'InstallmentOverdue': {
      const since = addDays(event.data.dueDate, 1);
      markOverdue(state.contract, event.data.number, since);
      markOverdue(state.installments, event.data.number, since);
      // A catch-up close judges a past date: the row it found owed then may be settled by a payment dated later.
      if (state.status === 'active' && state.installments[state.firstUnsettled]?.overdueSince) state.status = 'overdue';
      // Recorded by a history change (reclassification.ts), it is not a close: the penalties stay to be judged.
      if (event.data.reason === undefined) closeRecorded(state, event.data.date);
      break;
    }
    case 'PenaltyCharged':
      chargePenalty(state, event);
      break;
    case 'ChargeWaived':
      waive(state, event);
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
      applyCharge(state, event);
      break;
    case 'LoanClassified':
      state.classification = event.data.to;
      state.daysPastDue = event.data.dpd;
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
      cutBackTo(state, d.date);
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
