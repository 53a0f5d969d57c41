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
  it('re-amortise: 2 540.14 on 2024-02-15 pays row 1, then row 2 in full, and re-amortises only the rest over row 3', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 're-amortise' }));
    const [received] = loan.repay('2540.14', 'p1', '2024-02-15');
    // Row 1 (due that day) takes 1 020.07; row 2 (period from 2024-02-15) is paid next: its interest on the principal
    // left, r = 20.10 × (2 009.93 − 999.97 − (520.10 − r)) ÷ 2 009.93 ⇒ 0.99 r = 4.8989, r = 4.95; its principal 999.97;
    // the 515.15 left is prepaid principal: row 3 re-amortised on 1 009.96 − 515.15 = 494.81, interest 4.95.
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '0.00', fee: '0.00', interest: '34.95', principal: '2505.19', excess: '0.00' });
    // The prepayment shows as paid principal on row 2 (999.97 + 515.15); the principal column still sums to 3 000.00.
    expect(rows(loan)).toEqual([[1, '2024-02-15', '990.07', '30.00'], [2, '2024-03-15', '1515.12', '4.95'], [3, '2024-04-15', '494.81', '4.95']]);
    expect(loan.figures().nextDue).toEqual({ date: '2024-04-15', amount: '499.76' });
    expect(loan.state.principalOutstanding).toBe('494.81');
    await expectLedgerAgrees(loan);
    // Paying the lower last installment on its date closes the loan.
    expect(loan.repay('499.76', 'p3', '2024-04-15').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    await expectLedgerAgrees(loan);
  });

  it('a per-payment reduce-installment overrides the product\'s next-installment strategy, is recorded on the event, and is replayed with its payment', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'next-installment' }));
    const [received] = loan.run(pay('2540.14', 'p1', '2024-02-15', 'reduce-installment'), '2024-02-15');
    expect(received?.type === 'RepaymentReceived' && received.data.prepayment).toBe('reduce-installment');
    // As under a re-amortise product (previous test): row 3 re-amortised on 494.81.
    expect(loan.state.installments[2]?.due).toMatchObject({ principal: '494.81', interest: '4.95' });
    // Posted back-dated, 300.00 on 2024-02-10 pays part of row 1 ahead (next-installment); p1 is replayed after it with
    // its own override: the rows are those of the two payments posted in date order.
    loan.repay('300.00', 'p0', '2024-02-10');
    const inOrder = new ServicedLoan('L2', servicingTerms({ prepaymentStrategy: 'next-installment' }));
    inOrder.repay('300.00', 'p0', '2024-02-10');
    inOrder.run(pay('2540.14', 'p1', '2024-02-15', 'reduce-installment'), '2024-02-15');
    expect(loan.state.installments).toEqual(inOrder.state.installments);
    expect(rows(loan)).not.toEqual(rows(new ServicedLoan('L3', servicingTerms({ prepaymentStrategy: 'next-installment' }))));
  });

  it('reduce-term: 2 120.07 on 2024-01-25 pays row 1 and prepays 1 114.25; 895.68 left fits one row (895.68 + 8.96 = 904.64 ≤ 1 020.07), so row 3 is dropped', async () => {
    const loan = new ServicedLoan();
    loan.run(pay('2120.07', 'p1', '2024-01-25', 'reduce-term'), '2024-01-25');
    // Row 1 by 01-25 earned 30.00 × 10/31 = 9.68; the 20.32 of its days left is re-based on the principal left:
    // r = 20.32 × (3 000.00 − x) ÷ 3 000.00 with x = 2 120.07 − 9.68 − r the principal paid ⇒ r = 6.07, x = 2 104.32
    // (row 1's 990.07 and 1 114.25 prepaid, shown paid on row 1); row 1's interest 9.68 + 6.07 = 15.75.
    expect(rows(loan)).toEqual([[1, '2024-02-15', '2104.32', '15.75'], [2, '2024-03-15', '895.68', '8.96']]);
    expect(loan.figures().nextDue).toEqual({ date: '2024-03-15', amount: '904.64' });
    await expectLedgerAgrees(loan);
    expect(loan.repay('904.64', 'p2', '2024-03-15').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    // Reversing the prepayment brings the three rows back as they were (p2 then pays row 1 and part of row 2).
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-03-16', reversedBy: 'officer-1' } }, '2024-03-16');
    expect(rows(loan)).toEqual([[1, '2024-02-15', '990.07', '30.00'], [2, '2024-03-15', '999.97', '20.10'], [3, '2024-04-15', '1009.96', '10.10']]);
    await expectLedgerAgrees(loan);
  });

  it('reduce-term on a bullet loan keeps its rows: interest-only rows have no level installment to keep', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ amortization: 'bullet' }));
    // Rows 1–2 are interest only (30.00), row 3 repays 3 000.00 + 30.00. 1 030.00 on 2024-02-15 pays row 1 (due that day).
    loan.run(pay('1030.00', 'p1', '2024-02-15', 'reduce-term'), '2024-02-15');
    // Row 2 (interest only, its period from 02-15) is paid first: its interest on the principal left,
    // r = 30.00 × (3 000.00 − (1 000.00 − r)) ÷ 3 000.00 ⇒ 0.99 r = 20.00, r = 20.20; the 979.80 left is prepaid:
    // 2 020.20 over row 3, 20.20 interest.
    expect(rows(loan)).toEqual([[1, '2024-02-15', '0.00', '30.00'], [2, '2024-03-15', '979.80', '20.20'], [3, '2024-04-15', '2020.20', '20.20']]);
  });

  it('a prepayment in the middle of a period pays that period\'s installment (its interest for the days left on the principal left) and re-amortises the rows after it', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 're-amortise' }), '3000.00', 3, '2024-01-15');
    // On 2024-01-25 row 1 has earned 30.00 × 10/31 = 9.68; its 20.32 for the days left is re-based on the principal
    // left: r = 20.32 × (3 000.00 − x) ÷ 3 000.00, x = 1 509.68 − 9.68 − r ⇒ r = 10.23, x = 1 489.77 (row 1's 990.07 + 499.70 prepaid).
    loan.repay('1509.68', 'p1', '2024-01-25');
    const [first, second, third] = loan.state.installments;
    expect(first?.due).toMatchObject({ principal: '1489.77', interest: '19.91' });
    expect(first?.paid).toMatchObject({ principal: '1489.77', interest: '19.91' });
    // 1 510.23 over rows 2–3 (from 2024-02-15) at 1 %: EMI 1 510.23 × 0.01 ÷ (1 − 1.01⁻²) = 766.46.
    expect([second?.due.principal, second?.due.interest, third?.due.principal, third?.due.interest]).toEqual(['751.36', '15.10', '758.87', '7.59']);
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
