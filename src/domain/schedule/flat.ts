import type { Amortization } from '../product/events.js';
import { bulletLegs } from './bullet.js';
import { equalPrincipalLegs } from './equal-principal.js';
import { addRational, roundRatio, type Rational } from './minor-units.js';
import { interestOn, type Leg, type SchedulePlan } from './plan.js';

/**
 * Flat interest: every period charges interest on the ORIGINAL principal; the total is
 * spread evenly over the rows and the last row is trued up. Principal is repaid evenly
 * (equal-installment and equal-principal coincide under flat interest) or at the end (bullet).
 */
export function flatLegs(plan: SchedulePlan, amortization: Amortization): Leg[] {
  const principals = amortization === 'bullet' ? bulletLegs(plan) : equalPrincipalLegs(plan);
  const rate = plan.periods.reduce<Rational>((sum, period) => addRational(sum, period.rate), { num: 0n, den: 1n });
  const total = interestOn(plan, plan.principal, rate);
  const even = roundRatio(total, BigInt(plan.periods.length), plan.rounding);
  let remaining = total;
  return principals.map((leg, i) => {
    // Capped by what is left so an upward rounding mode can never push the last row negative.
    const interest = i === principals.length - 1 || even > remaining ? remaining : even;
    remaining -= interest;
    return { principal: leg.principal, interest };
  });
}
