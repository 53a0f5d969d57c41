import type { LoanState } from './state.js';

/**
 * The last close that ran without the loan, while no close has recorded anything for it since: a loan
 * keyed in late (its disbursement recorded after closes on or after its date, `keyedInAfter`) before
 * any close caught it up. Null otherwise. A loan the closes saw from its disbursement on is never
 * behind them, even when they recorded nothing for it (a loan paid almost off on its first day accrues
 * nothing at a month-end): its later facts are corrections, booked as they come (QA 12 Q4).
 */
export function missedClosesThrough(state: LoanState): string | null {
  const keyedInAfter = state.disbursement?.keyedInAfter ?? null;
  // Caught up by a command only through the day before a reschedule or reversal dated before that close: still behind it.
  return keyedInAfter !== null && (state.lastEodDate === null || state.lastEodDate < keyedInAfter) ? keyedInAfter : null;
}
