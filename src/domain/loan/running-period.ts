import { minorOf, minorUnits } from '../money.js';
import { formatMinor, roundRatio } from '../schedule/minor-units.js';
import { earnedMinor } from './accrual.js';
import { isSettled, owedMinor } from './installment.js';
import type { Installment, LoanContext } from './state.js';

/**
 * The row whose period runs on `date` (the first due after it, its period started on or before
 * it), or -1. Interest of that period accrues on the principal outstanding day by day.
 */
export function runningRow(rows: readonly Installment[], date: string): number {
  const index = rows.findIndex((row) => row.dueDate > date);
  return index >= 0 && (rows[index] as Installment).fromDate <= date ? index : -1;
}

function principalFrom(rows: readonly Installment[], index: number, places: number): bigint {
  let sum = 0n;
  for (let i = index; i < rows.length; i++) sum += owedMinor(rows[i] as Installment, 'principal', places);
  return sum;
}

/**
 * The running row (`before[index]`, as it stood before a payment on `date`) re-based on the
 * principal the payment left (`after`): on a declining balance its interest is the rate × the
 * principal outstanding, so a principal prepayment lowers the interest of the rest of the period in
 * proportion: interest = earned by `date` + rest × principal after ÷ principal before (HALF_EVEN),
 * where rest and principal before are as they stood before the first prepayment that day (so
 * payments of one day give the same row in any order). Never below the interest already paid or
 * waived on it. Null when nothing changes: no principal prepaid on this row or later ones, flat
 * interest (fixed by contract), the row collecting interest deferred by a grace (earned from the
 * disbursement), or nothing left owed (a payoff forgoes unearned interest instead).
 */
function rebasedRunningRow(before: readonly Installment[], after: readonly Installment[], index: number, date: string, ctx: LoanContext): Installment | null {
  const row = before[index] as Installment;
  const places = minorUnits(ctx.currency);
  if (ctx.deferredInterest?.number === row.number) return null;
  const principalBefore = principalFrom(before, index, places);
  const principalAfter = principalFrom(after, index, places);
  if (principalAfter >= principalBefore || principalFrom(after, 0, places) === 0n) return null;
  const sameDay = row.accrual?.date === date ? row.accrual : undefined;
  const earned = sameDay ? minorOf(sameDay.earned, places) : earnedMinor(row, date, ctx, places);
  const rest = sameDay ? minorOf(sameDay.rest, places) : minorOf(row.due.interest, places) - earned;
  const basis = sameDay ? minorOf(sameDay.basis, places) : principalBefore;
  if (basis <= 0n) return null;
  const floor = minorOf(row.paid.interest, places) + minorOf(row.waived.interest, places);
  const rebased = earned + roundRatio(rest * principalAfter, basis, 'HALF_EVEN');
  const interest = rebased > floor ? rebased : floor;
  const f = (v: bigint) => formatMinor(v, places);
  const next: Installment = {
    ...row, due: { ...row.due, interest: f(interest) }, accrual: { date, earned: f(earned), rest: f(rest), basis: f(basis) },
  };
  return { ...next, settled: isSettled(next, ctx.currency) };
}

/**
 * Under `next-installment` (which pays coming rows in full, interest included), a row whose period
 * starts after `date` owes interest on the principal outstanding over its period as the payment
 * left it: its interest × (principal its row and later rows owe after ÷ before), HALF_EVEN — from
 * the contract when those rows are still the contract's (so same-day payments give the same rows
 * in any order), as prepaid-rows.ts does for `last-installments`. Never below what was paid or
 * waived on it before the payment. The other strategies need nothing here: `last-installments`
 * rows are rescaled by prepaidRowsOwe, re-amortising ones recomputed by reamortise().
 */
function rescaledLaterRow(before: readonly Installment[], after: readonly Installment[], index: number, ctx: LoanContext, places: number): Installment | null {
  const row = before[index] as Installment;
  const owedBefore = principalFrom(before, index, places);
  const owedAfter = principalFrom(after, index, places);
  if (owedAfter >= owedBefore || owedBefore === 0n || ctx.deferredInterest?.number === row.number) return null;
  const contract = ctx.contract ?? [];
  let scheduled = 0n;
  let asContracted = true;
  for (let i = index; i < before.length; i++) {
    const terms = contract[i];
    asContracted &&= terms !== undefined && terms.due.principal === (before[i] as Installment).due.principal;
    scheduled += terms ? minorOf(terms.due.principal, places) : 0n;
  }
  const terms = contract[index];
  const scaled = asContracted && terms !== undefined && scheduled > 0n
    ? roundRatio(minorOf(terms.due.interest, places) * owedAfter, scheduled, 'HALF_EVEN')
    : roundRatio(minorOf(row.due.interest, places) * owedAfter, owedBefore, 'HALF_EVEN');
  const floor = minorOf(row.paid.interest, places) + minorOf(row.waived.interest, places);
  const interest = scaled > floor ? scaled : floor;
  if (interest >= minorOf(row.due.interest, places)) return null;
  const next = { ...row, due: { ...row.due, interest: formatMinor(interest, places) } };
  return { ...next, settled: isSettled(next, ctx.currency) };
}

/**
 * The rows a payment on `date` is allocated over once its prepaid principal is accounted for:
 * `before` (the rows before it) with the running period re-based (rebasedRunningRow) and, under
 * `next-installment`, later periods rescaled (rescaledLaterRow), given the rows `after` the
 * payment last left. Null when no row's interest changes.
 */
export function rebasedRows(before: readonly Installment[], after: readonly Installment[], date: string, ctx: LoanContext): Installment[] | null {
  if (ctx.schedule?.terms.interestMethod === 'flat') return null;
  const places = minorUnits(ctx.currency);
  const rows = before.slice();
  let changed = false;
  const running = runningRow(before, date);
  if (running >= 0) {
    const row = rebasedRunningRow(before, after, running, date, ctx);
    if (row !== null) {
      rows[running] = row;
      changed = true;
    }
  }
  if (ctx.prepayment === 'next-installment' && principalFrom(after, 0, places) > 0n) {
    for (let i = 0; i < before.length; i++) {
      if ((before[i] as Installment).fromDate <= date) continue;
      const row = rescaledLaterRow(before, after, i, ctx, places);
      if (row === null) continue;
      rows[i] = row;
      changed = true;
    }
  }
  return changed ? rows : null;
}

/** True when two versions of the rows owe the same interest on every row (the fixed point applyPayment iterates to). */
export function sameInterests(a: readonly Installment[] | null, b: readonly Installment[]): boolean {
  return a !== null && a.length === b.length && a.every((row, i) => row.due.interest === (b[i] as Installment).due.interest);
}
