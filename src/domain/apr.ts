import { daysBetween, dueDate, parseDate } from './calendar.js';
import { Dec, type Decimal } from './decimal.js';
import { DomainError } from './errors.js';
import type { ScheduleRow } from './loan/events.js';
import { Money } from './money.js';
import type { Frequency } from './product/events.js';
import { unitPeriodsBetween } from './schedule/unit-periods.js';

/**
 * How the disclosed APR is computed, named in every response that shows one: the periodic IRR
 * of the borrower's cash flows (fees included) times the periods in a year — the IRR method of
 * the PBoC's 2021 annualised-rate rule and the actuarial method of US Reg Z (Appendix J).
 */
export const APR_METHOD = 'irr-nominal';
export type AprMethod = typeof APR_METHOD;

// A rate solver needs far fewer digits than money; 24 keeps each Newton step cheap.
const R = Dec.clone({ precision: 24 });
const MAX_ITERATIONS = 200;
const TOLERANCE = new R('1e-17');
// Growth factors per period bracketing every sensible rate: −90 % to +900 % a period.
const LOWEST = new R('0.1');
const HIGHEST = new R('10');

const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = { monthly: 12, biweekly: 26, weekly: 52 };

/** A borrower cash flow `periods` unit periods after the start (fractional for odd days); kept in time order. */
interface Flow {
  periods: Decimal;
  amount: Decimal;
}

/** Net present value at growth factor g per period, and its derivative in g. */
function presentValue(flows: Flow[], g: Decimal): { npv: Decimal; slope: Decimal } {
  let npv = new R(0);
  let slope = new R(0);
  const v = new R(1).dividedBy(g);
  for (const { periods, amount } of flows) {
    const discounted = amount.times(periods.isInteger() ? v.pow(periods.toNumber()) : v.pow(periods));
    npv = npv.plus(discounted);
    slope = slope.minus(discounted.times(periods).times(v));
  }
  return { npv, slope };
}

/** The growth factor per period g with NPV = 0: Newton steps, bisecting whenever a step leaves the bracket. */
function solvePeriodFactor(flows: Flow[]): Decimal {
  let lo: Decimal = LOWEST;
  let hi: Decimal = HIGHEST;
  if (presentValue(flows, lo).npv.lte(0) || presentValue(flows, hi).npv.gte(0)) {
    throw new DomainError('APR_NOT_COMPUTABLE', 'The cash flows have no rate between −90 % and +900 % a period', 'rule');
  }
  let g = new R(1);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const { npv, slope } = presentValue(flows, g);
    if (npv.isZero()) return g;
    if (npv.gt(0)) lo = g;
    else hi = g;
    const newton = g.minus(npv.dividedBy(slope));
    // Converged before the bracket test: a step below the working precision must not be taken for an escape.
    if (newton.minus(g).abs().lt(TOLERANCE)) return newton;
    g = newton.gt(lo) && newton.lt(hi) ? newton : lo.plus(hi).dividedBy(2);
  }
  return g;
}

function periodsOf(start: string, date: string, frequency: Frequency): Decimal {
  const { num, den } = unitPeriodsBetween(start, date, frequency);
  return new R(num.toString()).dividedBy(den.toString());
}

/** The schedule's frequency when the caller did not say: the mean days per installment (≈30.4, 14 or 7). */
function inferFrequency(start: string, rows: ScheduleRow[]): Frequency {
  const last = rows.reduce((latest, row) => (row.dueDate > latest ? row.dueDate : latest), start);
  const meanDays = daysBetween(start, last) / Math.max(rows.length, 1);
  if (meanDays >= 21) return 'monthly';
  return meanDays >= 10.5 ? 'biweekly' : 'weekly';
}

export interface AprInput {
  /** What the borrower actually receives at the start: principal less up-front fees. */
  netDisbursed: string;
  startDate: string;
  /** Every installment's `total` (principal, interest and fees) is paid on its due date. */
  rows: ScheduleRow[];
  currency: string;
  /** The unit period; inferred from the rows' spacing when absent. */
  frequency?: Frequency;
  /**
   * The first due date asked for (an odd first period), or null for a regular schedule. When absent
   * the earliest row's date is taken as it if it is not one period after the start — pass it
   * explicitly when due dates may have moved off non-working days.
   */
  firstRepaymentDate?: string | null;
}

/**
 * Annual percentage rate in percent (2 decimals, HALF_EVEN) by the `irr-nominal` method: the
 * rate per repayment period that discounts every installment total back to the net amount
 * received, times the periods in a year (12, 26, 52). Time runs in unit periods (whole periods
 * plus odd days over 30, 14 or 7), from the first due date on when the first period is odd. A fee-free declining schedule discloses its
 * nominal rate. Throws INVALID_AMOUNT / INVALID_DATE on malformed input, APR_NOT_COMPUTABLE when
 * no rate balances the flows.
 */
export function computeApr(input: AprInput): string {
  const start = parseDate(input.startDate);
  const net = Money.parse(input.netDisbursed, input.currency);
  const frequency = input.frequency ?? inferFrequency(start, input.rows);
  const dates = input.rows.map((row) => parseDate(row.dueDate));
  const earliest = dates.reduce<string | null>((min, d) => (min === null || d < min ? d : min), null);
  const asked = input.firstRepaymentDate === undefined ? earliest : input.firstRepaymentDate;
  // An odd first period: later rows are whole periods after the first due date, not after the start.
  const anchor = asked !== null && asked !== dueDate(start, frequency, 1) ? asked : null;
  const toAnchor = anchor === null ? new R(0) : periodsOf(start, anchor, frequency);
  const periodsTo = (date: string): Decimal => (anchor === null ? periodsOf(start, date, frequency) : toAnchor.plus(periodsOf(anchor, date, frequency)));
  const repayments = input.rows
    .map((row, i) => ({ periods: periodsTo(dates[i]!), amount: new R(Money.parse(row.total, input.currency, { allowZero: true }).amount) }))
    .sort((a, b) => a.periods.comparedTo(b.periods));
  const g = solvePeriodFactor([{ periods: new R(0), amount: new R(net.amount).negated() }, ...repayments]);
  return g.minus(1).times(PERIODS_PER_YEAR[frequency]).times(100).toFixed(2, R.ROUND_HALF_EVEN);
}

/** Returns only when the APR (by `computeApr`) is at or under the product's cap (or there is no cap). */
export function assertAprWithinCap(apr: string, cap: string | null): void {
  if (cap === null || new Dec(apr).lte(cap)) return;
  throw new DomainError('APR_CAP_EXCEEDED', `APR ${apr} % (${APR_METHOD}) exceeds the product's cap of ${cap} %`, 'rule', { apr, cap, aprMethod: APR_METHOD });
}
