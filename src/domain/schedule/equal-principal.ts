import { amortizeDeclining } from './declining.js';
import { roundRatio } from './minor-units.js';
import type { Leg, SchedulePlan } from './plan.js';

/** The same principal in every paying period: P ÷ paying periods, rounded per product (minor units). */
export function principalPortion(plan: SchedulePlan): bigint {
  return roundRatio(plan.principal, BigInt(plan.periods.length - plan.graceOnPrincipal), plan.rounding);
}

/** Equal principal, interest on the declining balance; the last row takes the rounding remainder. */
export function equalPrincipalLegs(plan: SchedulePlan): Leg[] {
  const portion = principalPortion(plan);
  return amortizeDeclining(plan, () => portion);
}
