import type { ScheduleRow } from '../loan/events.js';
import { Money } from '../money.js';
import type { ProductTerms } from '../product/events.js';
import { serviceFeePerInstallment } from '../product/fees.js';
import { bulletLegs } from './bullet.js';
import { equalInstallmentLegs } from './equal-installment.js';
import { equalPrincipalLegs } from './equal-principal.js';
import { flatLegs } from './flat.js';
import { formatMinor, toMinor } from './minor-units.js';
import { planSchedule, type Leg, type SchedulePlan, type ScheduleInput } from './plan.js';

function legsFor(plan: SchedulePlan, terms: ProductTerms): Leg[] {
  if (terms.interestMethod === 'flat') return flatLegs(plan, terms.amortization);
  if (terms.amortization === 'equal-installment') return equalInstallmentLegs(plan);
  if (terms.amortization === 'equal-principal') return equalPrincipalLegs(plan);
  return bulletLegs(plan);
}

/** Grace on interest: interest of the first N periods is still owed, but due with period N+1. */
function deferInterest(legs: Leg[], graceOnInterest: number): Leg[] {
  if (graceOnInterest === 0) return legs;
  const deferred = legs.slice(0, graceOnInterest).reduce((sum, leg) => sum + leg.interest, 0n);
  return legs.map((leg, i) => {
    if (i < graceOnInterest) return { principal: leg.principal, interest: 0n };
    if (i === graceOnInterest) return { principal: leg.principal, interest: leg.interest + deferred };
    return leg;
  });
}

/**
 * The repayment schedule for a principal from a start date (new loans and rescheduled
 * balances alike). Every amount is rounded to the currency with the product's rounding mode;
 * the principal column sums to the principal exactly and the balance ends at zero.
 */
export function generateSchedule(input: ScheduleInput): ScheduleRow[] {
  const plan = planSchedule(input);
  const { terms } = input;
  const { places } = plan;
  const fee = toMinor(serviceFeePerInstallment(Money.parse(input.principal, terms.currency), terms));
  const feeText = formatMinor(fee, places);
  let balance = plan.principal;
  return deferInterest(legsFor(plan, terms), terms.graceOnInterest).map((leg, i) => {
    balance -= leg.principal;
    const period = plan.periods[i]!;
    return {
      number: period.number,
      dueDate: period.dueDate,
      principal: formatMinor(leg.principal, places),
      interest: formatMinor(leg.interest, places),
      fee: feeText,
      total: formatMinor(leg.principal + leg.interest + fee, places),
      balance: formatMinor(balance, places),
    };
  });
}
