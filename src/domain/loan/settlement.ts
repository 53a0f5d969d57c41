import { minorOf, minorUnits } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import type { LoanEvent } from './events.js';
import { COMPONENTS, owedMinor } from './installment.js';
import type { Installment, LoanState } from './state.js';

function owedTotalMinor(rows: readonly Installment[], places: number): bigint {
  let sum = 0n;
  for (const row of rows) if (!row.settled) for (const c of COMPONENTS) sum += owedMinor(row, c, places);
  return sum;
}

/**
 * What a fact that lowers what is owed (a repayment, a waiver, back-dated or not) does to the
 * loan's standing, given the rows and the credit balance (minor units) it leaves: money beyond
 * every balance makes the loan overpaid (by the new credit); nothing owed and no credit closes it
 * (obligations met); anything still owed leaves it as it is. A negative credit is a refund paid
 * out against a payment since reversed: still owed, so never closed.
 */
export function settlementEvents(state: LoanState, rows: readonly Installment[], creditAfter: bigint, date: string): LoanEvent[] {
  const places = minorUnits(state.currency);
  const creditBefore = minorOf(state.creditBalance, places);
  if (creditAfter > 0n && creditAfter > creditBefore) {
    return [{ type: 'LoanOverpaid', data: { amount: formatMinor(creditAfter - (creditBefore > 0n ? creditBefore : 0n), places), date } }];
  }
  if (creditAfter === 0n && owedTotalMinor(rows, places) === 0n) return [{ type: 'LoanClosed', data: { date, reason: 'obligations_met' } }];
  return [];
}
