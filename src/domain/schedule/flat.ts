import type { Amortization } from '../product/events.js';
import { bulletLegs } from './bullet.js';
import { equalPrincipalLegs } from './equal-principal.js';
import { addRational, roundRatio, roundUpToMultiple, type Rational } from './minor-units.js';
import { interestOn, type Leg, type SchedulePlan } from './plan.js';

/**
 * With `inMultiplesOf`, the flat installment — (principal + interest of the paying rows) ÷ paying
 * rows — is rounded UP to the multiple; each row's principal is that installment less its interest
 * (never more than the balance), and the last row repays what is left, so it is never the larger:
 * 5 000.00 at 12 % flat over 18 months in multiples of 1 → 17 × 328.00 and a last row of 324.00.
 */
function roundedInstallments(plan: SchedulePlan, interests: bigint[], step: bigint): Leg[] {
  const paying = interests.slice(plan.graceOnPrincipal);
  const owed = paying.reduce((sum, interest) => sum + interest, plan.principal);
  const count = BigInt(paying.length);
  const installment = roundUpToMultiple((owed + count - 1n) / count, step);
  let balance = plan.principal;
  return interests.map((interest, i) => {
    let principal = balance;
    if (i !== interests.length - 1) {
      const due = i < plan.graceOnPrincipal ? 0n : installment - interest;
      principal = due < 0n ? 0n : due > balance ? balance : due;
    }
    balance -= principal;
    return { principal, interest };
  });
}

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
  const interests = principals.map((_leg, i) => {
    // Capped by what is left so an upward rounding mode can never push the last row negative.
    const interest = i === principals.length - 1 || even > remaining ? remaining : even;
    remaining -= interest;
    return interest;
  });
  if (amortization !== 'bullet' && plan.inMultiplesOf !== null) return roundedInstallments(plan, interests, plan.inMultiplesOf);
  return principals.map((leg, i) => ({ principal: leg.principal, interest: interests[i] ?? 0n }));
}
