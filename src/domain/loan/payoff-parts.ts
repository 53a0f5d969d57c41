import { Dec, type Decimal } from '../decimal.js';
import { earnedInterest } from './accrual.js';
import { owed } from './installment.js';
import type { Component, Installment, LoanContext } from './state.js';

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

/**
 * What each row owes of `kind` on `date`, oldest row first, rows owing none left out: the one
 * definition of "owed on a date" the payoff (payoffParts) sums and a waiver dated `date` may take
 * (waivableRows). Principal and penalties on every open row (penalties are owed once charged, an
 * officer's late or collection fee may sit on a row not yet due); interest and fees on rows fallen
 * due by `date` (due on or before it); and, on rows not yet due, the interest they have earned by
 * `date` and not been paid or waived (earnedUnpaidRows). Fees of rows not yet due are not owed: a
 * loan paid off before such a row falls due forgoes them (forgoUnearned), so neither does a waiver
 * dated then take them (QA 12 Q3).
 */
export function owedOnDate(installments: readonly Installment[], kind: Component, date: string, ctx: LoanContext): RowAmount[] {
  const rows: RowAmount[] = [];
  const notDue: number[] = [];
  installments.forEach((inst, index) => {
    if (inst.settled) return;
    const fallenDue = inst.dueDate <= date;
    if (kind === 'interest' && !fallenDue) notDue.push(index);
    if ((kind === 'interest' || kind === 'fee') && !fallenDue) return;
    const amount = owed(inst, kind);
    if (amount.gt(0)) rows.push({ index, amount });
  });
  if (kind !== 'interest') return rows;
  // Rows fallen due come before rows not yet due (rows are in due-date order).
  return [...rows, ...earnedUnpaidRows(installments, notDue, date, ctx)];
}

const sumOf = (rows: readonly RowAmount[]): Decimal => rows.reduce((sum, row) => sum.plus(row.amount), new Dec(0));

/** The parts of a payoff on `date` (see PayoffParts); what each component owes is owedOnDate's. */
export function payoffParts(installments: readonly Installment[], date: string, ctx: LoanContext): PayoffParts {
  const principal = sumOf(owedOnDate(installments, 'principal', date, ctx));
  const penalties = sumOf(owedOnDate(installments, 'penalty', date, ctx));
  const fees = sumOf(owedOnDate(installments, 'fee', date, ctx));
  const dueInterest = owedOnDate(installments, 'interest', date, ctx);
  const earned = dueInterest.filter((row) => (installments[row.index] as Installment).dueDate > date);
  const interest = sumOf(dueInterest);
  // Once no principal is owed the loan has been paid off and its unearned interest forgone (forgoUnearned).
  const unearned = principal.gt(0) ? unearnedPaidRows(installments, date, ctx) : [];
  const interestCredit = sumOf(unearned);
  const unearnedFees = principal.gt(0) ? feesPaidAheadRows(installments, date) : [];
  const feeCredit = sumOf(unearnedFees);
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
