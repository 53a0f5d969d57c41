import { Dec, type Decimal } from '../decimal.js';
import { earnedInterest } from './accrual.js';
import { owed } from './installment.js';
import type { Installment, LoanContext } from './state.js';

/** An amount on one installment (by index into the rows). */
export interface RowAmount {
  index: number;
  amount: Decimal;
}

/**
 * Interest rows not yet due have earned by `date` and not yet paid or waived: the current
 * period's, and under grace on interest the deferred interest its collecting row earns from the
 * disbursement. Rows whose period has not started earn nothing, so the scan stops at the first.
 */
export function earnedUnpaidRows(installments: readonly Installment[], notDue: readonly number[], date: string, ctx: LoanContext): RowAmount[] {
  const rows: RowAmount[] = [];
  const deferredRow = ctx.deferredInterest?.number ?? 0;
  for (const index of notDue) {
    const inst = installments[index] as Installment;
    if (inst.fromDate >= date && inst.number > deferredRow) break;
    const earned = earnedInterest(inst, date, ctx).minus(inst.paid.interest).minus(inst.waived.interest);
    if (earned.gt(0)) rows.push({ index, amount: earned });
  }
  return rows;
}

/**
 * Interest paid on rows not yet due beyond what they have earned by `date` (a next installment
 * paid early takes its full scheduled interest). Waived interest counts first against what was
 * earned, so a row never collects more than its earned interest net of waivers. Settled rows count
 * too: a row paid ahead in full is the usual case.
 */
export function unearnedPaidRows(installments: readonly Installment[], date: string, ctx: LoanContext): RowAmount[] {
  const rows: RowAmount[] = [];
  for (let index = installments.length - 1; index >= 0; index--) {
    const inst = installments[index] as Installment;
    if (inst.dueDate <= date) break;
    const paid = new Dec(inst.paid.interest);
    if (!paid.gt(0)) continue;
    const collectable = Dec.max(0, earnedInterest(inst, date, ctx).minus(inst.waived.interest));
    if (paid.gt(collectable)) rows.unshift({ index, amount: paid.minus(collectable) });
  }
  return rows;
}

/**
 * Fees paid on rows not yet due at `date` (a service fee or an officer's document fee paid ahead):
 * a fee is owed when its row falls due, and a loan paid off before then forgoes it (forgoUnearned),
 * so a payoff credits back what was paid of it, as it does interest paid ahead. Settled rows count
 * too. Then the total a borrower pays to close a loan on a day does not depend on how that day's
 * money was split or ordered.
 */
export function feesPaidAheadRows(installments: readonly Installment[], date: string): RowAmount[] {
  const rows: RowAmount[] = [];
  for (let index = installments.length - 1; index >= 0; index--) {
    const inst = installments[index] as Installment;
    if (inst.dueDate <= date) break;
    const paid = new Dec(inst.paid.fee);
    if (paid.gt(0)) rows.unshift({ index, amount: paid });
  }
  return rows;
}

/**
 * What closes the loan on `date`, per component: principal on every row; interest and fees fallen
 * due; penalties charged on any row (an officer's late or collection fee may sit on a row not yet
 * due); interest rows not yet due have earned and not been paid; less interest rows not yet due
 * were paid beyond what they earned (`interestCredit`), and fees paid on rows not yet due
 * (`feeCredit`), which a payoff moves to principal, so over the loan's life the borrower pays
 * interest only for days that ran and fees only of rows that fell due. `total` is what a payment on
 * `date` must at least be to close the loan.
 */
export interface PayoffParts {
  principal: Decimal;
  /** Interest fallen due plus `earned`, before the credit. */
  interest: Decimal;
  fees: Decimal;
  penalties: Decimal;
  earned: RowAmount[];
  unearned: RowAmount[];
  interestCredit: Decimal;
  /** Fees paid on rows due after the date, per row (all of each: none is owed yet). */
  unearnedFees: RowAmount[];
  feeCredit: Decimal;
  total: Decimal;
}

/** The parts of a payoff on `date` (see PayoffParts); rows not yet due are those due after `date`. */
export function payoffParts(installments: readonly Installment[], date: string, ctx: LoanContext): PayoffParts {
  let principal = new Dec(0);
  let interest = new Dec(0);
  let fees = new Dec(0);
  let penalties = new Dec(0);
  const notDue: number[] = [];
  installments.forEach((inst, index) => {
    if (inst.settled) return;
    principal = principal.plus(owed(inst, 'principal'));
    penalties = penalties.plus(owed(inst, 'penalty'));
    if (inst.dueDate <= date) {
      interest = interest.plus(owed(inst, 'interest'));
      fees = fees.plus(owed(inst, 'fee'));
    } else {
      notDue.push(index);
    }
  });
  const earned = earnedUnpaidRows(installments, notDue, date, ctx);
  for (const row of earned) interest = interest.plus(row.amount);
  // Once no principal is owed the loan has been paid off and its unearned interest forgone (forgoUnearned).
  const unearned = principal.gt(0) ? unearnedPaidRows(installments, date, ctx) : [];
  const interestCredit = unearned.reduce((sum, row) => sum.plus(row.amount), new Dec(0));
  const unearnedFees = principal.gt(0) ? feesPaidAheadRows(installments, date) : [];
  const feeCredit = unearnedFees.reduce((sum, row) => sum.plus(row.amount), new Dec(0));
  const total = principal.plus(interest).plus(fees).plus(penalties).minus(interestCredit).minus(feeCredit);
  return { principal, interest, fees, penalties, earned, unearned, interestCredit, unearnedFees, feeCredit, total };
}

/**
 * How a payment on `date` pays all principal when it falls short of the payoff by no more than the
 * interest rows not yet due have earned (QA 8 N9): it takes back the interest and fees it paid
 * on rows not yet due (`takenBack`; none once no principal is owed, those were forgone), pays
 * everything due, every penalty and all principal, and then each row's earned interest
 * (`earned`, net of waivers, oldest row first). `least` is the smallest such payment: the payoff
 * total less that earned interest. The shortfall is then the only thing owed, as interest.
 */
export interface PrincipalFirst {
  least: Decimal;
  takenBack: { index: number; interest: Decimal; fee: Decimal }[];
  earned: RowAmount[];
}

/** PrincipalFirst for a payment on `date`, given the day's payoffParts. */
export function principalFirst(installments: readonly Installment[], date: string, ctx: LoanContext, parts: PayoffParts): PrincipalFirst {
  if (!parts.principal.gt(0)) {
    const least = parts.earned.reduce((sum, row) => sum.minus(row.amount), parts.total);
    return { least, takenBack: [], earned: parts.earned };
  }
  const takenBack: PrincipalFirst['takenBack'] = [];
  const earned: RowAmount[] = [];
  let least = parts.total;
  const deferredRow = ctx.deferredInterest?.number ?? 0;
  installments.forEach((inst, index) => {
    if (inst.dueDate <= date) return;
    const interest = new Dec(inst.paid.interest);
    const fee = new Dec(inst.paid.fee);
    if (interest.gt(0) || fee.gt(0)) takenBack.push({ index, interest, fee });
    // A period not started by `date` has earned nothing (earnedUnpaidRows' rule).
    if (inst.fromDate >= date && inst.number > deferredRow) return;
    const collectable = earnedInterest(inst, date, ctx).minus(inst.waived.interest);
    if (!collectable.gt(0)) return;
    earned.push({ index, amount: collectable });
    least = least.minus(collectable);
  });
  return { least, takenBack, earned };
}
