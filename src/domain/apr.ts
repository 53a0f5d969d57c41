import { daysBetween, parseDate } from './calendar.js';
import { Dec, type Decimal } from './decimal.js';
import { DomainError } from './errors.js';
import type { ScheduleRow } from './loan/events.js';
import { Money } from './money.js';

// A rate solver needs far fewer digits than money; 24 keeps each Newton step cheap.
const R = Dec.clone({ precision: 24 });
const MAX_ITERATIONS = 200;
const TOLERANCE = new R('1e-17');
// Daily growth factors bracketing every sensible APR: 0.9 is ≈ −100 % a year, 1.1 ≈ 1e15 %.
const LOWEST = new R('0.9');
const HIGHEST = new R('1.1');

/** A borrower cash flow `days` after the start; flows are kept in date order. */
interface Flow {
  days: number;
  amount: Decimal;
}

/**
 * Net present value at daily growth factor g, and its derivative in g. Discount factors are
 * built up from one flow to the next (v^Δdays), so each flow costs a few multiplications.
 */
function presentValue(flows: Flow[], g: Decimal): { npv: Decimal; slope: Decimal } {
  const v = new R(1).dividedBy(g);
  const stepFactors = new Map<number, Decimal>();
  let npv = new R(0);
  let weighted = new R(0);
  let discount = new R(1);
  let previousDays = 0;
  for (const { days, amount } of flows) {
    const step = days - previousDays;
    let factor = stepFactors.get(step);
    if (!factor) stepFactors.set(step, (factor = v.pow(step)));
    discount = discount.times(factor);
    previousDays = days;
    const discounted = amount.times(discount);
    npv = npv.plus(discounted);
    weighted = weighted.plus(discounted.times(days));
  }
  return { npv, slope: weighted.times(v).negated() };
}

/** The daily growth factor g with NPV = 0: Newton steps, bisecting whenever a step leaves the bracket. */
function solveDailyFactor(flows: Flow[]): Decimal {
  let lo: Decimal = LOWEST;
  let hi: Decimal = HIGHEST;
  if (presentValue(flows, lo).npv.lte(0) || presentValue(flows, hi).npv.gte(0)) {
    throw new DomainError('APR_NOT_COMPUTABLE', 'The cash flows have no annual rate between −100 % and 1e15 %', 'rule');
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

/**
 * Effective annual rate in percent (2 decimals) by IRR of the borrower's cash flows: the net
 * amount received at the start, every installment total (fees included) paid on its due date,
 * discounted with day-fraction exponents over 365-day years.
 */
export function computeApr(input: { netDisbursed: string; startDate: string; rows: ScheduleRow[]; currency: string }): string {
  const start = parseDate(input.startDate);
  const net = Money.parse(input.netDisbursed, input.currency);
  const repayments = input.rows
    .map((row) => ({ days: daysBetween(start, row.dueDate), amount: new R(Money.parse(row.total, input.currency, { allowZero: true }).amount) }))
    .sort((a, b) => a.days - b.days);
  const g = solveDailyFactor([{ days: 0, amount: new R(net.amount).negated() }, ...repayments]);
  return g.pow(365).minus(1).times(100).toFixed(2, R.ROUND_HALF_EVEN);
}

/** Returns only when the APR is at or under the product's cap (or there is no cap). */
export function assertAprWithinCap(apr: string, cap: string | null): void {
  if (cap === null || new Dec(apr).lte(cap)) return;
  throw new DomainError('APR_CAP_EXCEEDED', `APR ${apr} % exceeds the product's cap of ${cap} %`, 'rule', { apr, cap });
}
