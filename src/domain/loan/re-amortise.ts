import { minorOf, minorUnits } from '../money.js';
import { generateSchedule } from '../schedule/generate.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { ScheduleRow } from './events.js';
import { COMPONENTS, isSettled, owedMinor } from './installment.js';
import type { Installment, LoanContext } from './state.js';

type ScheduleContext = NonNullable<LoanContext['schedule']>;

/** The rows a principal of `principalMinor` repays over `term` periods from `startDate`, as the product's schedule computes them. */
function rowsFor(principalMinor: bigint, term: number, startDate: string, schedule: ScheduleContext, places: number): ScheduleRow[] {
  return generateSchedule({
    principal: formatMinor(principalMinor, places), annualRate: schedule.annualRate, term, startDate,
    // The remaining rows keep their dates; only their principal and interest are recomputed (fees stay on the rows).
    terms: { ...schedule.terms, graceOnPrincipal: 0, graceOnInterest: 0, fees: [], nonWorkingDayRule: 'keep' },
  });
}

const installmentOf = (row: ScheduleRow, places: number) => minorOf(row.principal, places) + minorOf(row.interest, places);

/**
 * reduce-term: the fewest periods whose installment is no larger than `installment` (the remaining
 * rows' installment before the prepayment), by binary search: fewer periods mean a larger installment.
 */
function shortestTerm(principalMinor: bigint, most: number, installment: bigint, startDate: string, schedule: ScheduleContext, places: number): ScheduleRow[] {
  let lo = 1;
  let hi = most;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (installmentOf(rowsFor(principalMinor, mid, startDate, schedule, places)[0] as ScheduleRow, places) <= installment) hi = mid;
    else lo = mid + 1;
  }
  return rowsFor(principalMinor, lo, startDate, schedule, places);
}

function withAmounts(inst: Installment, principal: string, interest: string, currency: string, priced: Installment['priced']): Installment {
  const { priced: _old, ...rest } = inst;
  const next: Installment = { ...rest, due: { ...inst.due, principal, interest }, ...(priced ? { priced } : {}) };
  return { ...next, settled: isSettled(next, currency) };
}

function paidPrincipal(rows: Installment[], index: number, amount: bigint, places: number, currency: string, raiseDue: boolean): void {
  const inst = rows[index] as Installment;
  const paid = formatMinor(minorOf(inst.paid.principal, places) + amount, places);
  const due = raiseDue ? formatMinor(minorOf(inst.due.principal, places) + amount, places) : inst.due.principal;
  const next = { ...inst, paid: { ...inst.paid, principal: paid }, due: { ...inst.due, principal: due } };
  rows[index] = { ...next, settled: isSettled(next, currency) };
}

/** Nothing paid or waived on the row's interest or principal; interest paid on the row collecting deferred interest does not count (see deferred-interest.ts). */
const untouched = (row: Installment, places: number, collectsDeferred: boolean) => (collectsDeferred ? ['principal'] as const : ['interest', 'principal'] as const)
  .every((c) => minorOf(row.paid[c], places) === 0n && minorOf(row.waived[c], places) === 0n);

/**
 * The rows a re-amortisation on `date` recomputes: `current`, the index of the first row due after
 * `date`, and `from`, the index of the first of the trailing rows nothing was paid or waived on, from
 * the current row when its period starts that day, else from the row after it (rows.length: none).
 * Null when no row falls due after `date`.
 */
export function recomputedRows(rows: readonly Installment[], date: string, ctx: LoanContext): { current: number; from: number } | null {
  const current = rows.findIndex((row) => row.dueDate > date);
  if (current < 0) return null;
  const places = minorUnits(ctx.currency);
  const first = (rows[current] as Installment).fromDate >= date ? current : current + 1;
  const deferredIndex = ctx.deferredInterest === undefined ? -1 : ctx.deferredInterest.number - 1;
  let from = rows.length;
  while (from - 1 >= first && untouched(rows[from - 1] as Installment, places, from - 1 === deferredIndex)) from -= 1;
  return { current, from };
}

/**
 * Once a payment on `date` leaves no principal owed under `re-amortise` or `reduce-term`, the
 * principal it paid on the rows a re-amortisation would have recomputed (`recomputed`, found on the
 * rows before the payment) is recorded on the current row, in place: what re-amortising leaves when
 * nothing remains for the later rows (reamortise), so a day's payments leave the same rows whether
 * the last of them, or one payment of their sum, paid the principal off. Those rows keep what else
 * they owe (the caller drops the ones owing nothing once unearned interest is forgone: dropRowsPastEnd). Returns the principal moved off each row
 * by row number (the payment's allocation follows it to the current row).
 */
export function principalPaidOffOntoCurrent(rows: Installment[], recomputed: { current: number; from: number }, ctx: LoanContext): Map<number, bigint> {
  const moved = new Map<number, bigint>();
  const places = minorUnits(ctx.currency);
  const { current } = recomputed;
  const zero = formatMinor(0n, places);
  let total = 0n;
  for (let i = Math.max(recomputed.from, current + 1); i < rows.length; i++) {
    const row = rows[i] as Installment;
    const principal = minorOf(row.paid.principal, places);
    if (principal === 0n) continue;
    const next = { ...row, due: { ...row.due, principal: zero }, paid: { ...row.paid, principal: zero } };
    rows[i] = { ...next, settled: isSettled(next, ctx.currency) };
    moved.set(i + 1, principal);
    total += principal;
  }
  if (total > 0n) paidPrincipal(rows, current, total, places, ctx.currency, true);
  return moved;
}

/** Drops the rows after index `current` that owe nothing (no principal, interest, fee or penalty), from the end: rows past the schedule's new end. */
export function dropRowsPastEnd(rows: Installment[], current: number, places: number): void {
  while (rows.length > current + 1 && COMPONENTS.every((c) => minorOf((rows[rows.length - 1] as Installment).due[c], places) === 0n)) rows.pop();
}

/**
 * Applies `amountMinor` of principal paid ahead on `date` (less than every principal still owed)
 * and recomputes the remaining rows, in place. Returns the principal paid per row number.
 *
 * The rows recomputed are the later ones nothing was paid or waived on yet, from the current
 * period's row (the first due after `date`) when its period starts that day, else from the row
 * after it: a period already running keeps the interest it was scheduled with on the balance at
 * its start (no interest is recalculated mid-period). They are recomputed by the product's
 * schedule on the principal they still carry: `re-amortise` (a payment's `reduce-installment`)
 * over the same number of rows, so the installment falls; `reduce-term` over the fewest rows whose
 * installment is no larger than before, so the term shortens and the rows past the new end are
 * dropped. The prepayment is recorded as paid principal on the current row, whose due principal
 * is raised by what the recomputed rows no longer carry, so the principal column still sums to the
 * principal. Money beyond what the recomputed rows carry pays the principal of the rows in between,
 * oldest first.
 */
export function reamortise(rows: Installment[], amountMinor: bigint, date: string, ctx: LoanContext): Map<number, bigint> {
  const paid = new Map<number, bigint>();
  const schedule = ctx.schedule;
  const places = minorUnits(ctx.currency);
  const recomputed = recomputedRows(rows, date, ctx);
  if (schedule === undefined || recomputed === null || amountMinor <= 0n) return paid;
  const { current, from } = recomputed;
  const deferredIndex = ctx.deferredInterest === undefined ? -1 : ctx.deferredInterest.number - 1;
  let carried = 0n;
  for (let i = from; i < rows.length; i++) carried += owedMinor(rows[i] as Installment, 'principal', places);
  const moved = amountMinor < carried ? amountMinor : carried;
  const count = rows.length - from;
  if (count > 0) {
    const remaining = carried - moved;
    const zero = formatMinor(0n, places);
    const start = rows[from] as Installment;
    let fresh: ScheduleRow[] = [];
    if (remaining > 0n) {
      const before = minorOf(start.due.principal, places) + minorOf(start.due.interest, places);
      // A bullet schedule has no level installment to keep: reduce-term re-amortises it like reduce-installment.
      fresh = ctx.prepayment === 'reduce-term' && schedule.terms.amortization !== 'bullet'
        ? shortestTerm(remaining, count, before, start.fromDate, schedule, places)
        : rowsFor(remaining, count, start.fromDate, schedule, places);
    }
    // Grace on interest: recomputed grace rows stay interest-free; the collecting row keeps its interest here and
    // running-period.ts re-bases it on the balances before and after the whole payment (deferred-interest.ts), so a
    // grace period starting on the payment's day runs on the balance it leaves even when its own row was paid.
    // Each recomputed row keeps what it was priced with (Installment.priced): the principal it and the later rows carry.
    let carriedFrom = remaining;
    for (let i = 0; i < count; i++) {
      const row = fresh[i];
      const index = from + i;
      const interest = index < deferredIndex ? zero : index === deferredIndex ? (rows[index] as Installment).due.interest : row?.interest ?? zero;
      const priced = index === deferredIndex ? undefined : { interest, principal: formatMinor(carriedFrom, places) };
      rows[index] = withAmounts(rows[index] as Installment, row?.principal ?? zero, interest, ctx.currency, priced);
      carriedFrom -= minorOf(row?.principal ?? zero, places);
    }
  }
  if (moved > 0n) {
    paidPrincipal(rows, current, moved, places, ctx.currency, true);
    paid.set(current + 1, moved);
  }
  // What the recomputed rows cannot take pays the principal of the rows in between, oldest first.
  let rest = amountMinor - moved;
  for (let i = current; i < from && rest > 0n; i++) {
    const part = owedMinor(rows[i] as Installment, 'principal', places);
    const take = part < rest ? part : rest;
    if (take === 0n) continue;
    paidPrincipal(rows, i, take, places, ctx.currency, false);
    paid.set(i + 1, (paid.get(i + 1) ?? 0n) + take);
    rest -= take;
  }
  // Rows past the new end that owe nothing else (no fee, no penalty) leave the schedule.
  dropRowsPastEnd(rows, current, places);
  return paid;
}
