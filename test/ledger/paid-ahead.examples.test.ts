import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

function linesOf(entry: JournalEntry | undefined): Record<string, string> {
  return Object.fromEntries((entry?.lines ?? []).map((line) => [`${line.side === 'debit' ? 'Dr' : 'Cr'} ${line.account}`, line.amount]));
}

/** The journal entries the loan's events since `from` (a log length) posted, oldest first. */
async function entriesSince(loan: ServicedLoan, from: number): Promise<Record<string, string>[]> {
  const positions = new Set(loan.log.events.slice(from).map((e) => e.position.toString()));
  return (await loan.ledger()).journal.filter((e) => positions.has(e.position)).map(linesOf);
}

describe('interest and fees paid ahead are received in advance, income as accruals earn them (QA 8 N10)', () => {
  it('given 12 000.00 / 12 m / 12 %, service fee 20.00 a row, next-installment, disbursed 2026-10-15, closed nightly, row 1 paid on 11-15, when 5 000.00 is paid on 11-30, then its 447.85 of interest and fees wait in received_in_advance; the 11-30 close earns 55.27 of it; a payoff on 12-01 hands back the rest', async () => {
    const terms = servicingTerms({ prepaymentStrategy: 'next-installment', fees: [{ kind: 'service', type: 'fixed', value: '20.00' }], principal: { min: '10000.00', max: '20000.00' }, term: { min: 12, max: 12 } });
    const loan = new ServicedLoan('N10', terms, '12000.00', 12, '2026-10-15');
    let today = '2026-10-15';
    while (today < '2026-11-29') {
      today = addDays(today, 1);
      // Row 1: 1 066.19 (interest 1 % × 12 000.00 = 120.00, principal 946.19) + its 20.00 fee.
      if (today === '2026-11-15') loan.repay('1086.19', 'R1', today);
      loan.close(today);
    }
    // Accruals have run through 11-15 (row 1's due date); 11 053.81 is left.
    expect(loan.state.interestAccruedThrough).toBe('2026-11-15');
    let mark = loan.log.events.length;
    loan.repay('5000.00', 'AHEAD', '2026-11-30');
    // By hand (QA's allocation): fees of rows 2–6 5 × 20.00 = 100.00 (due 12-15 … 04-15: none due yet), interest
    // 87.78 + 3 × 65.02 + 65.01 = 347.85 (rows 2–6; row 2 re-based on 11-30, having earned 55.27 by then), principal
    // 4 552.15. No accrual has reached any of it: 447.85 received in advance, nothing to income (it was all
    // credited to interest_income/fee_income before the fix).
    expect(await entriesSince(loan, mark)).toEqual([
      { 'Dr fund_source': '5000.00', 'Cr loan_portfolio': '4552.15', 'Cr received_in_advance': '447.85' },
    ]);
    // The month-end close earns row 2's days 11-15 → 11-30: 110.54 × 15 / 30 = 55.27 (the re-base's `earned`).
    mark = loan.log.events.length;
    loan.close('2026-11-30');
    expect(await entriesSince(loan, mark)).toEqual([{ 'Dr received_in_advance': '55.27', 'Cr interest_income': '55.27' }]);
    // A payoff on 12-01: row 2 earned one more day (2.17: 87.78 − 30.34 credited back = 57.44 = 55.27 + 2.17); the
    // interest of days not run (290.41) and the fees not yet due (100.00) are credited back, so the advance of
    // 447.85 − 55.27 = 392.58 goes: 390.41 back against principal with the payment, and 2.17 to income as the loan
    // closes (a closed loan accrues no more: what it was paid is earned). No income is ever debited back.
    mark = loan.log.events.length;
    const quote = loan.payoff('2026-12-01');
    expect(quote.total).toBe('6111.25');
    loan.repay(quote.total, 'OFF', '2026-12-01');
    const ledger = await loan.ledger();
    expect(ledger.balanced).toBe(true);
    expect(ledger.balances).toEqual(loan.figures().ledger);
    expect(loan.state.status).toBe('closed');
    expect(await entriesSince(loan, mark)).toEqual([
      { 'Dr fund_source': '6111.25', 'Dr received_in_advance': '390.41', 'Cr loan_portfolio': '6501.66' },
      { 'Dr received_in_advance': '2.17', 'Cr interest_income': '2.17' },
    ]);
    // Income over the loan's life: interest 120.00 + 55.27 + 2.17 = 177.44 earned to the payoff, fee 20.00 (row 1).
    expect([ledger.balances.interest_income, ledger.balances.fee_income, ledger.balances.received_in_advance]).toEqual(['-177.44', '-20.00', '0.00']);
  });
});
