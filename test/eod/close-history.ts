import fc from 'fast-check';
import { addDays, endOfMonth } from '../../src/domain/calendar.js';
import type { LoanEvent } from '../../src/domain/loan/events.js';
import type { ProductTerms } from '../../src/domain/product/events.js';
import { disbursedLoan, eod, repay, terms, type LoanLife } from '../domain/loan/fixtures.js';

/** The fixture loan (100 000.00, 12 monthly at 12 %) is disbursed on this day; its first row falls due 2026-02-15. */
export const DISBURSED = '2026-01-15';
/** Histories end on a month-end, where every schedule of closes has posted its accrual. */
export const LAST = '2027-02-28';

/** A payment dated `date` (on or before LAST). */
export interface DatedPayment {
  date: string;
  amount: string;
  reference: string;
}

/**
 * Random payments dated anywhere from the disbursement to LAST, never enough to pay the loan off
 * (a closed loan has no close of business): at most 12 of up to 5 000.00 each.
 */
export const payments: fc.Arbitrary<DatedPayment[]> = fc
  .array(fc.record({ day: fc.integer({ min: 0, max: 409 }), cents: fc.integer({ min: 1, max: 500_000 }) }), { maxLength: 12 })
  .map((rows) => rows
    .map((row, i) => ({ date: addDays(DISBURSED, row.day), amount: (row.cents / 100).toFixed(2), reference: `p${i}` }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));

/** Every day after the disbursement through LAST. */
export function everyDay(): string[] {
  const days: string[] = [];
  for (let day = addDays(DISBURSED, 1); day <= LAST; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The month-ends after the disbursement through LAST. */
export function monthEnds(): string[] {
  return everyDay().filter((day) => day === endOfMonth(day));
}

/** The penalties a payment recorded first, owed by its date before a close charged them (penalties-owed-by.ts). */
const penaltiesOf = (events: LoanEvent[]) => events.filter((e) => e.type === 'PenaltyCharged');

/** The order a close records its facts of one date in (close-of-business.ts). */
const CLOSE_ORDER = ['InstallmentOverdue', 'PenaltyCharged', 'LoanClassified', 'InterestAccrued'];

/**
 * Close facts in date order (the close's own order within a date), without the `reason` a penalty
 * carries when a payment recorded it: the same penalty, on the same date, whoever recorded it.
 */
export function asFacts(events: LoanEvent[]): LoanEvent[] {
  const facts = events.map((e) => {
    if (e.type !== 'PenaltyCharged') return e;
    const { reason: _recordedBy, ...data } = e.data;
    return { type: e.type, data };
  });
  const dateOf = (e: LoanEvent) => (e.data as { date: string }).date;
  return facts.sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || CLOSE_ORDER.indexOf(a.type) - CLOSE_ORDER.indexOf(b.type));
}

/**
 * Runs the loan with each payment recorded on its own date, before that day's close, and a close
 * on each of `closes` (ascending): the loan as it is serviced when closes run on their nights.
 * Returns the loan and the events the closes appended, in order, with the penalties a payment
 * recorded first because they were owed by its date.
 */
export function runOnTheirNights(history: DatedPayment[], closes: string[], product: ProductTerms = terms): { life: LoanLife; closed: LoanEvent[] } {
  const life = disbursedLoan(product);
  const closed: LoanEvent[] = [];
  let next = 0;
  for (const day of closes) {
    while (next < history.length && (history[next] as DatedPayment).date <= day) {
      const p = history[next] as DatedPayment;
      closed.push(...penaltiesOf(life.run(repay(p.amount, p.reference, p.date))));
      next += 1;
    }
    closed.push(...life.run(eod(day)));
  }
  for (; next < history.length; next++) {
    const p = history[next] as DatedPayment;
    life.run(repay(p.amount, p.reference, p.date));
  }
  return { life, closed };
}

/**
 * Runs the loan with every payment recorded first (a catch-up after the closes were missed), then a
 * close on each of `closes`, oldest first, as a catch-up over missed dates runs them.
 */
export function runAsCatchUp(history: DatedPayment[], closes: string[], product: ProductTerms = terms): { life: LoanLife; closed: LoanEvent[] } {
  const life = disbursedLoan(product);
  const closed: LoanEvent[] = [];
  for (const p of history) closed.push(...penaltiesOf(life.run(repay(p.amount, p.reference, p.date))));
  for (const day of closes) closed.push(...life.run(eod(day)));
  return { life, closed };
}
