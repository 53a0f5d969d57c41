import { minorOf, minorUnits } from '../money.js';
import { formatMinor, roundRatio } from '../schedule/minor-units.js';
import { earnedMinor, rebasedAccrual } from './accrual.js';
import { collectedDeferredInterest } from './deferred-interest.js';
import { isSettled, owedMinor } from './installment.js';
import type { Installment, LoanContext } from './state.js';

/** A row re-based to owe `interest` (minor units): interest paid on it beyond that goes back to the payment being allocated. */
function withInterest(row: Installment, interest: bigint, places: number, currency: string, accrual?: Installment['accrual']): { row: Installment; credit: bigint } {
  const waived = minorOf(row.waived.interest, places);
  const due = interest > waived ? interest : waived;
  const paid = minorOf(row.paid.interest, places);
  const credit = paid + waived > due ? paid + waived - due : 0n;
  const next: Installment = {
    ...row, due: { ...row.due, interest: formatMinor(due, places) }, paid: { ...row.paid, interest: formatMinor(paid - credit, places) },
    ...(accrual ? { accrual } : {}),
  };
  return { row: { ...next, settled: isSettled(next, currency) }, credit };
}

/**
 * The row whose period runs on `date` (the first due after it, its period started on or before
 * it), or -1. Interest of that period accrues on the principal outstanding day by day.
 */
export function runningRow(rows: readonly Installment[], date: string): number {
  const index = rows.findIndex((row) => row.dueDate > date);
  return index >= 0 && (rows[index] as Installment).fromDate <= date ? index : -1;
}

/** Principal the rows from `index` on still owe, in minor units (a settled row owes nothing: every writer of a row sets `settled` from its amounts). */
function principalFrom(rows: readonly Installment[], index: number, places: number): bigint {
  let sum = 0n;
  for (let i = index; i < rows.length; i++) {
    const row = rows[i] as Installment;
    if (!row.settled) sum += owedMinor(row, 'principal', places);
  }
  return sum;
}

/** True when some row still owes principal: principalFrom(rows, 0) > 0, read only as far as the first such row. */
function owesPrincipal(rows: readonly Installment[], places: number): boolean {
  return rows.some((row) => !row.settled && owedMinor(row, 'principal', places) > 0n);
}

/**
 * The running row (`before[index]`, as it stood before a payment on `date`) re-based on the
 * principal the payment left (`after`): on a declining balance its interest is the rate × the
 * principal outstanding, so a principal prepayment lowers the interest of the rest of the period in
 * proportion: interest = earned by `date` + rest × principal after ÷ principal before (HALF_EVEN),
 * where rest and principal before are as they stood before the first prepayment that day (so
 * payments of one day give the same row in any order). Interest paid on it beyond that (a
 * next installment paid ahead) is credited back to the payment, which pays principal with it;
 * never below what was waived. Null when nothing changes: no principal prepaid on this row or later ones, flat
 * interest (fixed by contract), the row collecting interest deferred by a grace (earned from the
 * disbursement), or nothing left owed (a payoff forgoes unearned interest instead).
 */
function rebasedRunningRow(before: readonly Installment[], after: readonly Installment[], index: number, date: string, ctx: LoanContext): { row: Installment; credit: bigint } | null {
  const row = before[index] as Installment;
  const places = minorUnits(ctx.currency);
  if (ctx.deferredInterest?.number === row.number) return null;
  const principalBefore = principalFrom(before, index, places);
  const principalAfter = principalFrom(after, index, places);
  if (principalAfter >= principalBefore || !owesPrincipal(after, places)) return null;
  const sameDay = row.accrual?.date === date ? row.accrual : undefined;
  const earned = sameDay ? minorOf(sameDay.earned, places) : earnedMinor(row, date, ctx, places);
  const rest = sameDay ? minorOf(sameDay.rest, places) : minorOf(row.due.interest, places) - earned;
  const basis = sameDay ? minorOf(sameDay.basis, places) : principalBefore;
  if (basis <= 0n) return null;
  const rebased = earned + roundRatio(rest * principalAfter, basis, 'HALF_EVEN');
  const f = (v: bigint) => formatMinor(v, places);
  return withInterest(row, rebased, places, ctx.currency, rebasedAccrual(row, date, f(earned), f(rest), f(basis)));
}

/**
 * A row's interest on `owedAfter` of principal outstanding over its period, when it is not the
 * contract's: from what a re-amortisation priced it with (Installment.priced), else its current
 * interest × `owedAfter` ÷ `owedBefore` (HALF_EVEN).
 */
export function repriced(row: Installment, owedAfter: bigint, owedBefore: bigint, places: number): bigint {
  const basis = row.priced === undefined ? 0n : minorOf(row.priced.principal, places);
  if (row.priced !== undefined && basis > 0n) return roundRatio(minorOf(row.priced.interest, places) * owedAfter, basis, 'HALF_EVEN');
  return roundRatio(minorOf(row.due.interest, places) * owedAfter, owedBefore, 'HALF_EVEN');
}

/**
 * A row whose period starts after `date` (and that reamortise() did not recompute) owes interest
 * on the principal outstanding over its period as the payment left it: its interest × (principal its row and later rows owe after ÷ before), HALF_EVEN — from
 * the contract when the row is still the contract's (its contract interest × principal its row and
 * later rows owe ÷ what they carried in the contract, so same-day payments give the same rows in
 * any order, whatever later rows a re-amortisation recomputed), or from what a re-amortisation
 * priced it with (repriced), as prepaid-rows.ts does for `last-installments` (whose rows it leaves to it).
 * Interest paid on it beyond that (`next-installment` pays coming rows in full) is credited back to
 * the payment; never below what was waived.
 */
function rescaledLaterRow(before: readonly Installment[], index: number, ctx: LoanContext, places: number, sums: PrincipalSums): { row: Installment; credit: bigint } | null {
  const row = before[index] as Installment;
  const owedBefore = sums.before[index] ?? 0n;
  const owedAfter = sums.after[index] ?? 0n;
  if (owedAfter >= owedBefore || owedBefore === 0n || ctx.deferredInterest?.number === row.number) return null;
  const contract = ctx.contract ?? [];
  const scheduled = sums.contract[index] ?? 0n;
  const terms = contract[index];
  // A row as contracted owes the contract's interest on the principal outstanding over its period, whatever later
  // rows a re-amortisation recomputed: computed afresh each time, so X then Y leave it as X + Y.
  const scaled = terms !== undefined && terms.due.principal === row.due.principal && scheduled > 0n
    ? roundRatio(minorOf(terms.due.interest, places) * owedAfter, scheduled, 'HALF_EVEN')
    : repriced(row, owedAfter, owedBefore, places);
  if (scaled >= minorOf(row.due.interest, places)) return null;
  return withInterest(row, scaled, places, ctx.currency);
}

/**
 * The row collecting interest deferred by a grace (`before[index]`), while its own period has not
 * started on `date`: each period starting on or after `date` up to its own (grace periods included,
 * one starting that very day too) runs on the principal the payment left (`after`), the rest keep
 * theirs (deferred-interest.ts). Computed from `before` each time, so re-allocating the payment never
 * counts a change twice. Interest paid on it beyond that goes back to the payment; never below what
 * was waived. Null when nothing changes.
 *
 * The re-pricing is of the future only (QA 6 #1): what the row had earned by the end of `date`
 * (evenly from the disbursement, or as an earlier re-basing left it; as it stood before the day's
 * first payment, so payments of one day give the same row in any split) stays earned, and the rest
 * of its new interest is earned evenly from `date` to its due date (its `accrual`, as a running
 * period's). Spread afresh from the disbursement, the lower interest made days already run earn
 * less, so a prepayment and a payoff on one day closed the loan for less than one payoff.
 */
function rebasedCollectingRow(before: readonly Installment[], after: readonly Installment[], index: number, date: string, ctx: LoanContext, places: number): { row: Installment; credit: bigint } | null {
  const row = before[index] as Installment;
  if (row.fromDate < date) return null;
  const from = before.findIndex((r) => r.fromDate >= date);
  const owed = (rows: readonly Installment[]) => rows.map((r) => owedMinor(r, 'principal', places));
  const repriced = collectedDeferredInterest(before, from, index, owed(before), owed(after), ctx, places);
  if (repriced === minorOf(row.due.interest, places)) return null;
  const sameDay = row.accrual?.date === date ? row.accrual : undefined;
  const earned = sameDay ? minorOf(sameDay.earned, places) : earnedMinor(row, date, ctx, places);
  const interest = repriced > earned ? repriced : earned;
  const f = (v: bigint) => formatMinor(v, places);
  const basis = sameDay ? sameDay.basis : f(principalFrom(before, 0, places));
  return withInterest(row, interest, places, ctx.currency, rebasedAccrual(row, date, f(earned), f(interest - earned), basis));
}

/** Principal each row and every later one owe (minor units, by index; 0 past the end): before and after the payment, and as contracted. */
interface PrincipalSums {
  before: bigint[];
  after: bigint[];
  contract: bigint[];
}

/** principalFrom for every index at once (QA 10 R9: summed afresh per later row, a payment on a long schedule cost rows² per round). */
function suffixSums(rows: readonly Installment[], owedOf: (row: Installment) => bigint): bigint[] {
  const sums = new Array<bigint>(rows.length + 1).fill(0n);
  for (let i = rows.length - 1; i >= 0; i--) sums[i] = (sums[i + 1] as bigint) + owedOf(rows[i] as Installment);
  return sums;
}

/** Rows re-based for a payment, and the interest paid on them before it that no longer is owed (minor units, by row number). */
export interface Rebased {
  rows: Installment[];
  credits: Map<number, bigint>;
}

/**
 * The rows a payment on `date` is allocated over once its prepaid principal is accounted for:
 * `before` (the rows before it) with the running period re-based (rebasedRunningRow), later
 * periods rescaled (rescaledLaterRow) and the row collecting deferred interest re-based
 * (rebasedCollectingRow, under every strategy), given the rows `after` the
 * payment last left. Null when no row's interest changes.
 */
export function rebasedRows(before: readonly Installment[], after: readonly Installment[], date: string, ctx: LoanContext): Rebased | null {
  if (ctx.schedule?.terms.interestMethod === 'flat') return null;
  const places = minorUnits(ctx.currency);
  const rows = before.slice();
  const credits = new Map<number, bigint>();
  let changed = false;
  const use = (index: number, rebased: { row: Installment; credit: bigint } | null) => {
    if (rebased === null) return;
    rows[index] = rebased.row;
    if (rebased.credit > 0n) credits.set(rebased.row.number, rebased.credit);
    changed = true;
  };
  const running = runningRow(before, date);
  if (running >= 0) use(running, rebasedRunningRow(before, after, running, date, ctx));
  const collecting = ctx.deferredInterest === undefined ? -1 : ctx.deferredInterest.number - 1;
  if (collecting >= 0 && collecting < before.length && owesPrincipal(after, places)) use(collecting, rebasedCollectingRow(before, after, collecting, date, ctx, places));
  if (ctx.prepayment !== 'last-installments' && owesPrincipal(after, places)) {
    const owed = (row: Installment) => owedMinor(row, 'principal', places);
    const sums = { before: suffixSums(before, owed), after: suffixSums(after, owed), contract: suffixSums(ctx.contract ?? [], (row) => minorOf(row.due.principal, places)) };
    for (let i = 0; i < before.length; i++) {
      const row = before[i] as Installment;
      // Rows reamortise() recomputed (their principal changed, or dropped) already owe interest on the principal left.
      if (row.fromDate > date && after[i]?.due.principal === row.due.principal) use(i, rescaledLaterRow(before, i, ctx, places, sums));
    }
  }
  return changed ? { rows, credits } : null;
}

/** True when two versions of the rows owe the same interest on every row (the fixed point applyPayment iterates to). */
export function sameInterests(a: readonly Installment[] | null, b: readonly Installment[]): boolean {
  return a !== null && a.length === b.length && a.every((row, i) => row.due.interest === (b[i] as Installment).due.interest);
}
