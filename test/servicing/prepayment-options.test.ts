import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { DomainError } from '../../src/domain/errors.js';
import type { PrepaymentOverride } from '../../src/domain/loan/state.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

/**
 * 3 000.00 at 12 %, 3 monthly equal rows from 2024-01-15 (1 % a month), each 1 020.07:
 * row 1 990.07 + 30.00, row 2 999.97 + 20.10, row 3 1 009.96 + 10.10.
 */
const rows = (loan: ServicedLoan) => loan.state.installments.map((row) => [row.number, row.dueDate, row.due.principal, row.due.interest]);

const pay = (amount: string, reference: string, effectiveDate: string, prepayment?: PrepaymentOverride): LoanCommand => ({
  type: 'ReceiveRepayment', data: { amount, channel: 'online', reference, effectiveDate, ...(prepayment ? { prepayment } : {}) },
});

async function expectLedgerAgrees(loan: ServicedLoan): Promise<void> {
  const { balances, balanced } = await loan.ledger();
  expect(balanced).toBe(true);
  expect(balances).toEqual(loan.figures().ledger);
}

describe('prepayment: re-amortise (reduce-installment) and reduce-term', () => {
  it('re-amortise: 1 520.07 on 2024-02-15 pays row 1 and prepays 500.00; 1 509.93 is re-amortised over rows 2–3 at 1 %: 766.31 a month', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 're-amortise' }));
    const [received] = loan.repay('1520.07', 'p1', '2024-02-15');
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '0.00', fee: '0.00', interest: '30.00', principal: '1490.07', excess: '0.00' });
    // EMI = 1 509.93 × 0.01 / (1 − 1.01⁻²) = 766.31: row 2 interest 15.10 + principal 751.21 (plus the 500.00 prepaid, shown
    // paid on it), row 3 758.72 + 7.59. The principal column still sums to 3 000.00.
    expect(rows(loan)).toEqual([[1, '2024-02-15', '990.07', '30.00'], [2, '2024-03-15', '1251.21', '15.10'], [3, '2024-04-15', '758.72', '7.59']]);
    expect(loan.figures().nextDue).toEqual({ date: '2024-03-15', amount: '766.31' });
    expect(loan.state.principalOutstanding).toBe('1509.93');
    await expectLedgerAgrees(loan);
    // Paying the two lower installments on their dates closes the loan.
    loan.repay('766.31', 'p2', '2024-03-15');
    expect(loan.repay('766.31', 'p3', '2024-04-15').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    await expectLedgerAgrees(loan);
  });

  it('a per-payment reduce-installment overrides the product\'s next-installment strategy, is recorded on the event, and is replayed with its payment', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'next-installment' }));
    const [received] = loan.run(pay('1520.07', 'p1', '2024-02-15', 'reduce-installment'), '2024-02-15');
    expect(received?.type === 'RepaymentReceived' && received.data.prepayment).toBe('reduce-installment');
    expect(loan.state.installments[2]?.due).toMatchObject({ principal: '758.72', interest: '7.59' });
    // Posted back-dated, 1 020.07 on 2024-02-10 pays row 1 ahead (next-installment); replayed after it, p1 then prepays
    // all 1 520.07: 2 009.93 − 1 520.07 = 489.86 over rows 2–3 at 1 %, EMI 248.61 (row 3: 246.15 + 2.46).
    loan.repay('1020.07', 'p0', '2024-02-10');
    expect(rows(loan)).toEqual([[1, '2024-02-15', '990.07', '30.00'], [2, '2024-03-15', '1763.78', '4.90'], [3, '2024-04-15', '246.15', '2.46']]);
  });

  it('reduce-term: 2 120.07 on 2024-02-15 prepays 1 100.00; 909.93 left fits one row (909.93 + 9.10 = 919.03 ≤ 1 020.07), so row 3 is dropped', async () => {
    const loan = new ServicedLoan();
    loan.run(pay('2120.07', 'p1', '2024-02-15', 'reduce-term'), '2024-02-15');
    expect(rows(loan)).toEqual([[1, '2024-02-15', '990.07', '30.00'], [2, '2024-03-15', '2009.93', '9.10']]);
    expect(loan.figures().nextDue).toEqual({ date: '2024-03-15', amount: '919.03' });
    await expectLedgerAgrees(loan);
    expect(loan.repay('919.03', 'p2', '2024-03-15').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    // Reversing the prepayment brings the three rows back as they were (p2 then pays row 1 and part of row 2).
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-03-16', reversedBy: 'officer-1' } }, '2024-03-16');
    expect(rows(loan)).toEqual([[1, '2024-02-15', '990.07', '30.00'], [2, '2024-03-15', '999.97', '20.10'], [3, '2024-04-15', '1009.96', '10.10']]);
    await expectLedgerAgrees(loan);
  });

  it('reduce-term on a bullet loan keeps its rows: interest-only rows have no level installment to keep', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ amortization: 'bullet' }));
    // Rows 1–2 are interest only (30.00), row 3 repays 3 000.00 + 30.00. 1 030.00 on 2024-02-15 pays row 1 and prepays 1 000.00:
    // 2 000.00 left over rows 2–3 at 1 %: 20.00 interest each, all principal in row 3.
    loan.run(pay('1030.00', 'p1', '2024-02-15', 'reduce-term'), '2024-02-15');
    expect(rows(loan)).toEqual([[1, '2024-02-15', '0.00', '30.00'], [2, '2024-03-15', '1000.00', '20.00'], [3, '2024-04-15', '2000.00', '20.00']]);
  });

  it('a prepayment in the middle of a period keeps that period\'s scheduled interest and re-amortises the rows after it', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 're-amortise' }), '3000.00', 3, '2024-01-15');
    // On 2024-01-25 row 1 has earned 30.00 × 10/31 = 9.68; 509.68 pays that and prepays 500.00 of rows 2–3's 2 009.93.
    loan.repay('509.68', 'p1', '2024-01-25');
    const [first, second, third] = loan.state.installments;
    expect(first?.due).toMatchObject({ principal: '1490.07', interest: '30.00' });
    expect(first?.paid).toMatchObject({ principal: '500.00', interest: '9.68' });
    // 1 509.93 over rows 2–3 (from 2024-02-15) at 1 %: 766.31 each.
    expect([second?.due.principal, second?.due.interest, third?.due.principal, third?.due.interest]).toEqual(['751.21', '15.10', '758.72', '7.59']);
  });
});

describe('prepayment properties', () => {
  it('over random payments with random strategies and overrides on a 12-row loan: the principal column sums to the principal, no row is negative, the ledger agrees', async () => {
    const payment = fc.record({
      cents: fc.integer({ min: 1, max: 600_000 }), days: fc.integer({ min: 0, max: 40 }),
      prepayment: fc.constantFrom(undefined, 'reduce-installment' as const, 'reduce-term' as const),
    });
    await fc.assert(fc.asyncProperty(fc.constantFrom('next-installment' as const, 'last-installments' as const, 're-amortise' as const), fc.array(payment, { maxLength: 10 }), async (strategy, payments) => {
      const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: strategy }), '12000.00', 12, '2024-01-15');
      let today = '2024-01-15';
      for (const [n, p] of payments.entries()) {
        today = addDays(today, p.days);
        try {
          loan.run(pay((p.cents / 100).toFixed(2), `p${n}`, today, p.prepayment), today);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
        const cents = (v: string) => Math.round(Number(v) * 100);
        expect(loan.state.installments.reduce((sum, row) => sum + cents(row.due.principal), 0)).toBe(1_200_000);
        for (const row of loan.state.installments) {
          for (const c of ['penalty', 'fee', 'interest', 'principal'] as const) {
            expect(cents(row.due[c])).toBeGreaterThanOrEqual(cents(row.paid[c]) + cents(row.waived[c]));
          }
        }
        // Due dates stay in order and rows stay numbered 1..n.
        expect(loan.state.installments.map((row) => row.number)).toEqual(loan.state.installments.map((_, i) => i + 1));
        await expectLedgerAgrees(loan);
      }
    }), { numRuns: Number(process.env.SERVICING_RUNS ?? 100) });
  }, 300_000);
});
