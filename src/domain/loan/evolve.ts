import { addDays, daysBetween } from '../calendar.js';
import { Dec } from '../decimal.js';
import { isNonPerforming } from './classification.js';
import type { ChargeWaived, LoanEvent, RepaymentReceived } from './events.js';
import { addAmounts, fmt, installmentsFromSchedule, isSettled, isZeroText, nextUnsettled, owed, subtractAmounts } from './installment.js';
import { paymentEntry, paymentRecords } from './payment-book.js';
import { forgoUnearned, loanContext } from './payoff.js';
import { applyAllocation, reallocate } from './reallocation.js';
import type { Installment, LoanState } from './state.js';

function later(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}


/** Overdue until the oldest unsettled installment is no longer past due. */
function refreshStatus(state: LoanState): void {
  state.firstUnsettled = nextUnsettled(state.installments, state.firstUnsettled);
  const oldest = state.installments[state.firstUnsettled];
  if (state.status === 'overdue' && (!oldest || oldest.overdueSince === null)) {
    state.status = 'active';
    state.daysPastDue = 0;
  }
}

// A backdated payment's event carries its allocation from a re-run in date order; evolve re-runs
// the same allocation so every later payment's split and the balances are re-derived, not patched.
function applyRepayment(state: LoanState, { data }: RepaymentReceived): void {
  const c = state.currency;
  const backdated = state.lastPaymentDate !== null && data.effectiveDate < state.lastPaymentDate;
  state.payments.push(paymentEntry(data.effectiveDate, data.amount, data.reference));
  state.lastPaymentDate = later(state.lastPaymentDate, data.effectiveDate);
  if (!backdated) {
    applyAllocation(state.installments, data.installments, c);
    if (!isZeroText(data.allocation.principal)) {
      state.principalOutstanding = subtractAmounts(state.principalOutstanding, data.allocation.principal, c);
    }
    if (!isZeroText(data.allocation.excess)) state.creditBalance = addAmounts(state.creditBalance, data.allocation.excess, c);
  } else {
    const order = state.terms?.allocationOrder ?? 'penalty-fee-interest-principal';
    const rerun = reallocate(state.installments, paymentRecords(state.payments), order, loanContext(state));
    state.installments = rerun.installments;
    const principal = rerun.installments.reduce((sum, inst) => sum.plus(owed(inst, 'principal')), new Dec(0));
    state.principalOutstanding = fmt(principal, c);
    state.creditBalance = fmt(rerun.creditBalance, c);
    state.firstUnsettled = 0;
  }
  if (isZeroText(state.principalOutstanding)) forgoUnearned(state.installments, data.effectiveDate, c);
  refreshStatus(state);
}

function applyWaiver(state: LoanState, { data }: ChargeWaived): void {
  for (const part of data.installments) {
    const inst = state.installments[part.number - 1] as Installment;
    const next = { ...inst, waived: { ...inst.waived, [data.kind]: addAmounts(inst.waived[data.kind], part.amount, state.currency) } };
    state.installments[part.number - 1] = { ...next, settled: isSettled(next, state.currency) };
  }
  refreshStatus(state);
}

function replaceInstallment(state: LoanState, number: number, change: (inst: Installment) => Installment): void {
  state.installments[number - 1] = change(state.installments[number - 1] as Installment);
}

/**
 * Folds one loan event into the state. It updates `state` in place and returns it, so a
 * 5 000-event loan loads in O(events) without copying its payment map on every event; fold
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
        term: d.term, submittedBy: d.submittedBy, annualRate: d.terms.annualRate,
      });
      break;
    }
    case 'CreditAssessed':
      state.status = 'assessed';
      state.assessment = { score: event.data.score, grade: event.data.grade, decision: event.data.decision };
      break;
    case 'LoanApproved':
      Object.assign(state, { status: 'approved', principalApproved: event.data.approvedPrincipal, approvedBy: event.data.approver });
      break;
    case 'LoanRejected':
      state.status = 'rejected';
      break;
    case 'LoanApplicationWithdrawn':
      state.status = 'withdrawn';
      break;
    case 'LoanDisbursed': {
      const d = event.data;
      Object.assign(state, {
        status: 'active', disbursement: { amount: d.amount, netAmount: d.netAmount, date: d.date, apr: d.apr },
        installments: installmentsFromSchedule(d.schedule, d.date, 1, c), firstUnsettled: 0,
        principalOutstanding: d.amount, interestAccruedThrough: d.date,
      });
      break;
    }
    case 'RepaymentReceived':
      applyRepayment(state, event);
      break;
    case 'InterestAccrued':
      state.interestAccrued = addAmounts(state.interestAccrued, event.data.amount, c);
      state.interestAccruedThrough = event.data.to;
      state.lastEodDate = later(state.lastEodDate, event.data.date);
      break;
    case 'InstallmentOverdue':
      replaceInstallment(state, event.data.number, (inst) => ({ ...inst, overdueSince: addDays(inst.dueDate, 1) }));
      if (state.status === 'active') state.status = 'overdue';
      state.daysPastDue = Math.max(state.daysPastDue, daysBetween(event.data.dueDate, event.data.date));
      state.lastEodDate = later(state.lastEodDate, event.data.date);
      break;
    case 'PenaltyCharged':
      replaceInstallment(state, event.data.number, (inst) => ({
        ...inst, settled: false, due: { ...inst.due, penalty: addAmounts(inst.due.penalty, event.data.amount, c) },
      }));
      state.firstUnsettled = Math.min(state.firstUnsettled, event.data.number - 1);
      state.lastEodDate = later(state.lastEodDate, event.data.date);
      break;
    case 'ChargeWaived':
      applyWaiver(state, event);
      break;
    case 'LoanClassified':
      state.classification = event.data.to;
      state.daysPastDue = event.data.dpd;
      state.flags = isNonPerforming(event.data.to) ? [...new Set([...state.flags, 'npa' as const])] : state.flags.filter((f) => f !== 'npa');
      state.lastEodDate = later(state.lastEodDate, event.data.date);
      break;
    case 'LoanRescheduled': {
      const d = event.data;
      const kept = state.installments.filter((inst) => inst.dueDate <= d.effectiveDate);
      state.installments = [...kept, ...installmentsFromSchedule(d.schedule, d.effectiveDate, kept.length + 1, c)];
      Object.assign(state, { annualRate: d.annualRate, term: d.term, rescheduledOn: d.effectiveDate, firstUnsettled: 0 });
      refreshStatus(state);
      break;
    }
    case 'LoanWriteOffRequested':
      state.writeOffRequest = { ...event.data };
      break;
    case 'LoanWrittenOff': {
      const d = event.data;
      const total = new Dec(d.principal).plus(d.interest).plus(d.fees).plus(d.penalties);
      Object.assign(state, { status: 'written_off', writtenOff: { date: d.date, total: fmt(total, c) } });
      state.flags = [...new Set([...state.flags, 'charged-off' as const])];
      break;
    }
    case 'RecoveryReceived':
      state.recoveries[event.data.reference] = { amount: event.data.amount, effectiveDate: event.data.effectiveDate };
      state.recovered = addAmounts(state.recovered, event.data.amount, c);
      break;
    case 'LoanOverpaid':
      state.status = 'overpaid';
      break;
    case 'RefundIssued':
      state.creditBalance = subtractAmounts(state.creditBalance, event.data.amount, c);
      break;
    case 'LoanClosed':
      forgoUnearned(state.installments, event.data.date, c);
      Object.assign(state, { status: 'closed', closedOn: event.data.date });
      state.firstUnsettled = nextUnsettled(state.installments, state.firstUnsettled);
      break;
  }
  return state;
}
