import { describe, expect, it } from 'vitest';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import type { PrepaymentStrategy } from '../../src/domain/product/events.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

/**
 * QA round 7, F4. 12 000.00 at 12 %, 12 monthly equal rows from 2026-10-15 (no penalty): each row
 * 1 066.19 + a 20.00 service fee. Row 1 (due 2026-11-15) owes 120.00 interest + 946.19 principal;
 * row 2 (11-15..12-15, 30 days) 11 053.81 × 1 % = 110.54 interest.
 *
 * The payoff on 2026-11-30, worked by hand: 12 000.00 principal + row 1's 120.00 interest and
 * 20.00 fee (fallen due) + the interest row 2 earned in 15 of its 30 days, 110.54 × 15 ÷ 30 = 55.27:
 * 12 195.27. Fees of rows due after 11-30 are forgone (README), so paying 3 500.00 first and the
 * quote after costs the same 12 195.27 in all: the quote credits back the fees the 3 500.00 paid ahead.
 */
const DAY = '2026-11-30';

function feeLoan(strategy: PrepaymentStrategy): ServicedLoan {
  const terms = servicingTerms({ prepaymentStrategy: strategy, fees: [{ kind: 'service', type: 'fixed', value: '20.00' }] });
  return new ServicedLoan('L1', terms, '12000.00', 12, '2026-10-15');
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

async function closesWith(loan: ServicedLoan, paid: string[]): Promise<number> {
  const quote = loan.payoff(DAY);
  const events = loan.repay(quote.total, 'payoff', DAY);
  expect(events.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
  expect(loan.state.creditBalance).toBe('0.00');
  const { balances, balanced } = await loan.ledger();
  expect(balanced).toBe(true);
  expect(balances).toEqual(loan.figures().ledger);
  // Only row 1's fee fell due: the income is 20.00, none is left receivable.
  expect(balances.fee_receivable).toBe('0.00');
  return [...paid, quote.total].reduce((sum, a) => sum + cents(a), 0);
}

describe('F4: fees paid ahead go back to the payoff', () => {
  for (const strategy of ['next-installment', 'last-installments', 're-amortise'] as const) {
    it(`${strategy}: paying the payoff at once costs 12 195.27`, async () => {
      const loan = feeLoan(strategy);
      expect(loan.payoff(DAY)).toMatchObject({ principal: '12000.00', interest: '175.27', fees: '20.00', total: '12195.27' });
      expect(await closesWith(loan, [])).toBe(1_219_527);
      expect((await loan.ledger()).balances.fee_income).toBe('-20.00');
    });

    it(`${strategy}: 3 500.00 then the quote the same day also costs 12 195.27 (was 12 255.27 / 12 215.27)`, async () => {
      const loan = feeLoan(strategy);
      loan.repay('3500.00', 'p1', DAY);
      expect(await closesWith(loan, ['3500.00'])).toBe(1_219_527);
      expect((await loan.ledger()).balances.fee_income).toBe('-20.00');
      // No row after the payoff date keeps a fee paid.
      expect(loan.state.installments.filter((row) => row.dueDate > DAY).every((row) => row.paid.fee === '0.00')).toBe(true);
    });
  }

  it('next-installment: the quote after 3 500.00 shows the 60.00 of rows 2–4 fees as a credit', () => {
    const loan = feeLoan('next-installment');
    loan.repay('3500.00', 'p1', DAY);
    // 3 500.00 paid row 1 (1 086.19) and rows 2–4 ahead, each with its 20.00 fee.
    expect(loan.state.installments.slice(1, 4).map((row) => row.paid.fee)).toEqual(['20.00', '20.00', '20.00']);
    expect(loan.payoff(DAY).fees).toBe('-60.00');
  });

  it('an officer document fee of 100.00 due 2026-12-20 is neither paid ahead by 3 500.00 nor owed by the payoff: 12 175.27 either way', async () => {
    const terms = servicingTerms({ prepaymentStrategy: 'next-installment' });
    const charge: LoanCommand = { type: 'ApplyCharge', data: { kind: 'document-fee', amount: '100.00', dueDate: '2026-12-20', reason: 'qa', date: DAY, appliedBy: 'officer-1' } };
    // Without a service fee: 12 000.00 + 120.00 + 55.27 = 12 175.27.
    const direct = new ServicedLoan('L1', terms, '12000.00', 12, '2026-10-15');
    direct.run(charge, DAY);
    expect(direct.payoff(DAY).total).toBe('12175.27');
    const split = new ServicedLoan('L1', terms, '12000.00', 12, '2026-10-15');
    split.run(charge, DAY);
    split.repay('3500.00', 'p1', DAY);
    // It falls due with row 3 (2026-12-15..2027-01-15): a prepayment does not collect it (Fineract's specified-due-date charge).
    expect(split.state.installments.every((row) => row.paid.fee === '0.00')).toBe(true);
    expect(split.state.installments[2]).toMatchObject({ dueDate: '2027-01-15', due: { fee: '100.00' } });
    expect(await closesWith(split, ['3500.00'])).toBe(1_217_527);
  });
});
