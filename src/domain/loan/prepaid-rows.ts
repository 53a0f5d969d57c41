import { minorOf, minorUnits } from '../money.js';
import { formatMinor, roundRatio } from '../schedule/minor-units.js';
import { isSettled, owedMinor } from './installment.js';
import { repriced } from './running-period.js';
import type { Installment, LoanContext } from './state.js';

/**
 * Principal each row still owes, in minor units: what prepaidRowsOwe compares against after a
 * payment. A settled row owes nothing (every writer of a row sets `settled` from its amounts), and
 * on a long loan most rows are: reading their amounts was a fifth of folding its payments.
 */
export function principalOwedByRow(rows: readonly Installment[], places: number): bigint[] {
  return rows.map((row) => (row.settled ? 0n : owedMinor(row, 'principal', places)));
}

/**
 * After principal is paid ahead (short of a payoff), rows whose period has not started (it starts
 * on or after `date`) no longer owe for principal that no longer exists:
 * - under `last-installments`, such a row owes its contract interest × the principal outstanding
 *   over its period now (what it and later rows still owe) ÷ that in the contract, rounded
 *   HALF_EVEN. On a declining balance a row's interest is rate × that balance, so this is the
 *   interest recomputed at the same rate (Fineract recalculates); flat interest falls in the same
 *   proportion. Computed from the contract (a row whose principal is still the contract's, whatever
 *   later rows a re-amortisation recomputed), never from the last result, so same-day payments
 *   give the same rows in either order, and X then Y leave them as X + Y; a row a re-amortisation
 *   recomputed is priced the same way from what it gave the row (Installment.priced). Never below
 *   what the row already had paid or waived. The row collecting interest
 *   deferred by a grace is left to running-period.ts (under every strategy).
 * - under every strategy, a row left with no principal on it or on any later row (the term ended
 *   before it) loses its scheduled service fee (the contract row's fee); an officer's charge stays owed.
 * A period already running keeps its interest (no mid-period recalculation), as in re-amortise.ts.
 */
export function prepaidRowsOwe(rows: Installment[], owedBefore: readonly bigint[], date: string, ctx: LoanContext): void {
  const places = minorUnits(ctx.currency);
  const contract = ctx.contract ?? [];
  const deferredRow = ctx.deferredInterest?.number ?? 0;
  let before = 0n;
  let after = 0n;
  // What the contract's rows from the last one back to the current carried (rows a reduce-term dropped included).
  let scheduled = 0n;
  for (let i = rows.length; i < contract.length; i++) scheduled += minorOf((contract[i] as Installment).due.principal, places);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as Installment;
    if (row.fromDate < date) break;
    const terms = contract[i];
    before += owedBefore[i] ?? 0n;
    after += owedMinor(row, 'principal', places);
    scheduled += terms ? minorOf(terms.due.principal, places) : 0n;
    if (before === after || terms === undefined) continue;
    let interest = minorOf(row.due.interest, places);
    if (ctx.prepayment === 'last-installments' && row.number > deferredRow) {
      // A row as contracted is priced from the contract whatever later rows a re-amortisation recomputed; a row it
      // recomputed from what it priced the row with (running-period.ts's repriced).
      const scaled = terms.due.principal === row.due.principal && scheduled > 0n
        ? roundRatio(minorOf(terms.due.interest, places) * after, scheduled, 'HALF_EVEN')
        : repriced(row, after, before, places);
      // Interest already paid or waived stays so (a payoff credits back what was paid and not earned: payoff-parts.ts).
      const floor = minorOf(row.paid.interest, places) + minorOf(row.waived.interest, places);
      interest = scaled > floor ? scaled : floor;
    }
    let fee = minorOf(row.due.fee, places);
    if (after === 0n) {
      const floor = minorOf(row.paid.fee, places) + minorOf(row.waived.fee, places);
      const cut = fee - minorOf(terms.due.fee, places);
      fee = cut > floor ? cut : floor;
    }
    const next = { ...row, due: { ...row.due, interest: formatMinor(interest, places), fee: formatMinor(fee, places) } };
    rows[i] = { ...next, settled: isSettled(next, ctx.currency) };
  }
}
