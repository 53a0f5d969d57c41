import { interestOn, type Leg, type Period, type SchedulePlan } from './plan.js';

/**
 * Interest on the declining balance each period. `principalDue` says what a regular row
 * would repay; grace rows repay none, no row repays more than the balance or less than
 * zero, and the last row repays whatever is left, so principal sums to the principal exactly.
 */
export function amortizeDeclining(plan: SchedulePlan, principalDue: (period: Period, interest: bigint) => bigint): Leg[] {
  let balance = plan.principal;
  const last = plan.periods.length;
  return plan.periods.map((period) => {
    const interest = interestOn(plan, balance, period.rate);
    let principal = balance;
    if (period.number !== last) {
      const due = period.number <= plan.graceOnPrincipal ? 0n : principalDue(period, interest);
      principal = due < 0n ? 0n : due > balance ? balance : due;
    }
    balance -= principal;
    return { principal, interest };
  });
}
