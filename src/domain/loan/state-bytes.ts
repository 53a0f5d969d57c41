import type { LoanState } from './state.js';

/** Ids, terms, totals and the empty collections of any loan. */
const BASE_BYTES = 2_048;
/** One installment row (of `contract` or `installments`): the row, its three component records and their decimal strings. */
const ROW_BYTES = 210;
/** One recorded fact: a payment, waiver, penalty or charge entry. */
const FACT_BYTES = 64;

/**
 * Approximate V8 heap bytes a loan state holds, in O(1), for the aggregate cache's byte budget.
 * Fitted to heap deltas of 300 loans decoded from their snapshots (Node 20): 24 rows and 1
 * payment measured 8.9 KiB, 64 rows and 30 payments 15.3 KiB, 120 rows and 58 payments 28.5 KiB;
 * this gives 7.1, 17.4 and 31.0 KiB. Rows dominate; a loan grows rows when rescheduled or long.
 */
export function loanStateBytes(state: LoanState): number {
  const rows = state.contract.length + state.installments.length;
  const facts = state.payments.length + state.waivers.length + state.penalties.length + state.charges.length;
  return BASE_BYTES + ROW_BYTES * rows + FACT_BYTES * facts;
}
