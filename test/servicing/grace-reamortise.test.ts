import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorOf } from '../../src/domain/money.js';
import { amount } from './servicing-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

const cents = (v: string) => minorOf(v, 2);
/** 1 % of `balance` cents, rounded HALF_EVEN: the period interest of servicingTerms (12 % a year, monthly, period interest). */
function onePercent(balance: bigint): bigint {
  const q = balance / 100n;
  const r = balance % 100n;
  return r > 50n || (r === 50n && q % 2n === 1n) ? q + 1n : q;
}

const reduceInstallment = (amount: string, reference: string, effectiveDate: string) => ({
  type: 'ReceiveRepayment' as const, data: { amount, channel: 'online' as const, reference, effectiveDate, prepayment: 'reduce-installment' as const },
});

describe('grace on interest with a prepayment (QA M5): reduce-installment, and paid off the last rows', () => {
  it('given 12 000.00 at 12 % over 12 months with two periods of grace on interest, when 2 000.00 is paid on row 1\'s due date with reduce-installment, then row 3 collects the deferred interest on the new balance', () => {
    const loan = new ServicedLoan('G1', servicingTerms({ graceOnInterest: 2 }), '12000.00', 12, '2025-06-01');
    loan.run(reduceInstallment('2000.00', 'p1', '2025-07-01'), '2025-07-01');
    const [, row2, row3] = loan.state.installments;
    // By hand: 2 000.00 pays row 1's 946.19 principal, then the 108.10 row 3 has earned by 07-01 (331.52 × 30/92), and
    // prepays the remaining 945.71. Balance over period 2: 12 000.00 − 946.19 − 945.71 = 10 108.10 → 1 % = 101.08.
    // The 11 rows left re-amortise 10 108.10: EMI = 10 108.10 × 0.01 / (1 − 1.01⁻¹¹) = 974.97, so row 2 repays
    // 974.97 − 101.08 = 873.89 of it (shown as 1 819.60 due with the 945.71 prepaid on it), and
    // period 3 runs on 10 108.10 − 873.89 = 9 234.21 → 92.34. Period 1 ran on 12 000.00 (120.00) and keeps it.
    // Row 3: 120.00 + 101.08 + 92.34 = 313.42, not the 331.52 (120.00 + 110.54 + 100.98) of the old balance.
    expect(row2?.due.interest).toBe('0.00');
    expect(cents(row2?.due.principal ?? '0') - cents(row2?.paid.principal ?? '0')).toBe(87389n);
    expect(row3?.due.interest).toBe('313.42');
  });

  it('given the same loan paying ahead off the last rows (last-installments), when 2 000.00 is paid on 2025-07-01, then row 3\'s deferred interest runs on the lower balance too', () => {
    const loan = new ServicedLoan('G1', servicingTerms({ graceOnInterest: 2, prepaymentStrategy: 'last-installments' }), '12000.00', 12, '2025-06-01');
    loan.repay('2000.00', 'p1', '2025-07-01');
    // By hand: 946.19 + 108.10 paid as above, 945.71 off the last rows. Period 2 runs on 10 108.10 (101.08) and, row 2
    // still repaying its 955.65, period 3 on 9 152.45 (91.52): 120.00 + 101.08 + 91.52 = 312.60.
    expect(loan.state.installments[2]?.due.interest).toBe('312.60');
  });

  it('every period\'s interest is 1 % of the principal outstanding over it, the grace periods\' collected on the row after them, whatever was prepaid on which due dates (re-amortised; paid off the last rows: the collecting row)', () => {
    const history = fc.record({
      principal: fc.integer({ min: 100_000, max: 5_000_000 }),
      term: fc.integer({ min: 3, max: 12 }),
      grace: fc.integer({ min: 1, max: 3 }),
      // Payments on due dates (row k's), each what is due then plus an extra that prepays (after the deferred interest earned).
      payments: fc.array(fc.record({ row: fc.integer({ min: 0, max: 11 }), extraPerMille: fc.integer({ min: 0, max: 400 }) }), { maxLength: 4 }),
    }).filter((h) => h.grace < h.term);
    fc.assert(fc.property(history, fc.constantFrom('re-amortise' as const, 'last-installments' as const), ({ principal, term, grace, payments }, prepaymentStrategy) => {
      const loan = new ServicedLoan('G1', servicingTerms({ graceOnInterest: grace, prepaymentStrategy }), amount(principal), term, '2025-06-01');
      // Principal the rows from index k on still owe: the balance over period k while its period has not started.
      const balanceFrom = (k: number) => loan.state.installments.slice(k).reduce((sum, row) => sum + cents(row.due.principal) - cents(row.paid.principal) - cents(row.waived.principal), 0n);
      const periodInterest = loan.state.installments.map((_, k) => onePercent(balanceFrom(k)));
      const rows = [...new Set(payments.map((p) => p.row))].sort((a, b) => a - b).filter((k) => k < term - 1);
      for (const [n, k] of rows.entries()) {
        const date = loan.state.installments[k]?.dueDate as string;
        let due = 0n;
        for (const row of loan.state.installments.filter((r) => r.dueDate <= date)) {
          for (const c of ['penalty', 'fee', 'interest', 'principal'] as const) due += cents(row.due[c]) - cents(row.paid[c]) - cents(row.waived[c]);
        }
        const extra = (BigInt(principal) * BigInt(payments.find((p) => p.row === k)?.extraPerMille ?? 0)) / 1000n;
        if (prepaymentStrategy === 're-amortise') loan.run(reduceInstallment(amount(Number(due + extra)), `p${n}`, date), date);
        else loan.repay(amount(Number(due + extra)), `p${n}`, date);
        if (loan.state.principalOutstanding === '0.00') return;
        // Periods that start on or after the payment run on the balance it leaves; those already run keep their interest.
        loan.state.installments.forEach((row, i) => {
          if (row.fromDate >= date) periodInterest[i] = onePercent(balanceFrom(i));
        });
        const deferred = periodInterest.slice(0, grace + 1).reduce((a, b) => a + b, 0n);
        const want = periodInterest.slice(0, loan.state.installments.length).map((interest, i) => (i < grace ? 0n : i === grace ? deferred : interest));
        const got = loan.state.installments.map((row) => cents(row.due.interest));
        // Paid off the last rows, the other rows' interest is scaled from the contract (prepaid-rows.ts), a cent off
        // rate × balance at times; the row collecting the deferred interest is recomputed from the balances exactly.
        if (prepaymentStrategy === 'last-installments') expect(got[grace], `row ${grace + 1} after paying on ${date}`).toBe(want[grace]);
        else expect(got, `after paying on ${date}`).toEqual(want);
      }
    }), { numRuns: 300 });
  });
});
