import { Dec } from '../decimal.js';
import { toDecimalRounding } from '../money.js';
import { amortizeDeclining } from './declining.js';
import { roundUpToMultiple } from './minor-units.js';
import type { Leg, SchedulePlan } from './plan.js';

/**
 * The fixed installment (EMI) in minor units: PMT at the nominal period rate over the periods
 * that repay principal, rounded per product, then rounded UP to `inMultiplesOf` when set.
 * With daily interest the EMI still uses the nominal rate (as Fineract's cumulative engine
 * does); the last row absorbs the difference.
 */
export function installmentAmount(plan: SchedulePlan): bigint {
  const paying = plan.periods.length - plan.graceOnPrincipal;
  const p = new Dec(plan.principal.toString());
  const r = new Dec(plan.nominalRate.num.toString()).dividedBy(plan.nominalRate.den.toString());
  const exact = r.isZero() ? p.dividedBy(paying) : p.times(r).dividedBy(new Dec(1).minus(r.plus(1).pow(-paying)));
  const emi = BigInt(exact.toDecimalPlaces(0, toDecimalRounding(plan.rounding)).toFixed(0));
  return plan.inMultiplesOf === null ? emi : roundUpToMultiple(emi, plan.inMultiplesOf);
}

/** Equal installments on a declining balance: each row's principal is the EMI less that row's interest. */
export function equalInstallmentLegs(plan: SchedulePlan): Leg[] {
  const emi = installmentAmount(plan);
  return amortizeDeclining(plan, (_period, interest) => emi - interest);
}
