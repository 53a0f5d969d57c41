import { dueDate, parseDate } from '../calendar.js';
import { decimalOrNull } from '../decimal.js';
import { DomainError } from '../errors.js';
import { minorUnits, Money } from '../money.js';
import type { ProductTerms, RoundingMode } from '../product/events.js';
import { roundRatio, toMinor, type Rational } from './minor-units.js';
import { annualRateFraction, nominalPeriodRate, periodRate } from './periodic-rate.js';
import { unitPeriodsBetween } from './unit-periods.js';
import { adjustDueDate, WEEKENDS_ONLY, type WorkingCalendar } from '../working-days/working-calendar.js';

/** What every schedule shape needs: explicit inputs, so rescheduling can pass an outstanding balance and a new start. */
export interface ScheduleInput {
  principal: string;
  /** Percent, "12" for 12 %. */
  annualRate: string;
  term: number;
  startDate: string;
  /** First due date (an odd first period); later ones follow it by whole periods. Absent: one period after the start. */
  firstRepaymentDate?: string | null;
  /** Working days for the product's `nonWorkingDayRule`; weekends only when absent. */
  calendar?: WorkingCalendar;
  terms: ProductTerms;
}

export interface Period {
  number: number;
  dueDate: string;
  rate: Rational;
}

/** Principal and interest of one installment in minor units, both already rounded. */
export interface Leg {
  principal: bigint;
  interest: bigint;
}

export interface SchedulePlan {
  /** In minor units. */
  principal: bigint;
  places: number;
  rounding: RoundingMode;
  periods: Period[];
  /** Rate per period as if every period were equal; the EMI is fixed with it. */
  nominalRate: Rational;
  graceOnPrincipal: number;
  graceOnInterest: number;
  inMultiplesOf: bigint | null;
}

function refuse(code: string, message: string): never {
  throw new DomainError(code, message, 'invalid');
}

/** amount × rate rounded to a whole minor unit with the product's rounding mode. */
export function interestOn(plan: SchedulePlan, amount: bigint, rate: Rational): bigint {
  return roundRatio(amount * rate.num, rate.den, plan.rounding);
}

function times(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

/**
 * An asked-for first due date, checked: after the start and no later than two periods after it
 * (422 FIRST_REPAYMENT_OUT_OF_RANGE otherwise). Null when the schedule keeps its regular first period.
 */
function firstRepaymentDate(start: string, asked: string | null, terms: ProductTerms): string | null {
  if (asked === null) return null;
  const latest = dueDate(start, terms.frequency, 2);
  if (parseDate(asked) <= start || asked > latest) {
    throw new DomainError('FIRST_REPAYMENT_OUT_OF_RANGE', `First repayment date ${asked} must be after ${start} and no later than ${latest}`, 'rule', { earliestAfter: start, latest });
  }
  return asked;
}

/**
 * Validates the inputs and lays out the periods with their due dates and rates. Due dates on a
 * non-working day move per the product's rule; daily interest runs between the moved dates, per
 * period interest stays one nominal period.
 */
export function planSchedule(input: ScheduleInput): SchedulePlan {
  const { terms, term } = input;
  const principal = Money.parse(input.principal, terms.currency);
  const percent = decimalOrNull(input.annualRate);
  if (!percent || percent.isNegative() || percent.gt(100)) refuse('RATE_OUT_OF_RANGE', `Annual rate "${input.annualRate}" must be between 0 and 100`);
  if (!Number.isInteger(term) || term < 1) refuse('INVALID_TERM', `Term ${term} must be a whole number of periods ≥ 1`);
  if (Math.max(terms.graceOnPrincipal, terms.graceOnInterest) >= term) {
    refuse('INVALID_GRACE', `Grace must leave at least one paying period of ${term}`);
  }
  const start = parseDate(input.startDate);
  const first = firstRepaymentDate(start, input.firstRepaymentDate ?? null, terms);
  const annual = annualRateFraction(input.annualRate);
  const periods: Period[] = [];
  let from = start;
  const rule = terms.nonWorkingDayRule ?? 'keep';
  const calendar = input.calendar ?? WEEKENDS_ONLY;
  for (let number = 1; number <= term; number++) {
    const regular = first === null ? dueDate(start, terms.frequency, number) : dueDate(first, terms.frequency, number - 1);
    // A due date moved off a non-working day; never back onto or before the start.
    const moved = adjustDueDate(regular, rule, calendar);
    const due = moved > start ? moved : regular;
    const rate = number === 1 && first !== null && terms.interestCalculation === 'period'
      ? times(nominalPeriodRate(annual, terms.frequency), unitPeriodsBetween(start, first, terms.frequency))
      : periodRate(annual, terms, from, due, first ?? start);
    periods.push({ number, dueDate: due, rate });
    from = due;
  }
  return {
    principal: toMinor(principal),
    places: minorUnits(terms.currency),
    rounding: terms.roundingMode,
    periods,
    nominalRate: nominalPeriodRate(annual, terms.frequency),
    graceOnPrincipal: terms.graceOnPrincipal,
    graceOnInterest: terms.graceOnInterest,
    inMultiplesOf: terms.inMultiplesOf === null ? null : toMinor(Money.parse(terms.inMultiplesOf, terms.currency)),
  };
}
