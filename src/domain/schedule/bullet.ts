import { amortizeDeclining } from './declining.js';
import type { Leg, SchedulePlan } from './plan.js';

/** Interest every period, the whole principal in the last one. */
export function bulletLegs(plan: SchedulePlan): Leg[] {
  return amortizeDeclining(plan, () => 0n);
}
