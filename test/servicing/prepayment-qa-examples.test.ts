import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { PrepaymentOverride } from '../../src/domain/loan/state.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

/** QA's two prepayment defects, each as given / when / then with its value worked out by hand. */

const terms = () => servicingTerms({ prepaymentStrategy: 'next-installment' });
const rows = (loan: ServicedLoan) => loan.state.installments.map((row) => [row.number, row.dueDate, row.due.principal, row.due.interest]);

async function expectLedgerAgrees(loan: ServicedLoan): Promise<void> {
  const { balances, balanced } = await loan.ledger();
  expect(balanced).toBe(true);
  expect(balances).toEqual(loan.figures().ledger);
}

describe('QA: a prepayment larger than the installment, under reduce-term or reduce-installment, pays the installment first', () => {
  // Given 12 000.00 over 6 months at 12 % (1 % a month), disbursed 2026-10-01: EMI 12 000.00 × 0.01 ÷ (1 − 1.01⁻⁶) = 2 070.58;
  // row 1 is 1 950.58 + 120.00, due 2026-11-01.
  const loan = () => new ServicedLoan('L1', terms(), '12000.00', 6, '2026-10-01');
  const pay = (l: ServicedLoan, prepayment?: PrepaymentOverride) =>
    l.run({ type: 'ReceiveRepayment', data: { amount: '3000.00', channel: 'online', reference: 'D1', effectiveDate: '2026-10-20', ...(prepayment ? { prepayment } : {}) } }, '2026-10-20');

  for (const prepayment of ['reduce-term', 'reduce-installment'] as const) {
    it(`${prepayment}: 3 000.00 on 2026-10-20 pays row 1 in full and re-amortises only the excess; the loan is not past due after 2026-11-01`, async () => {
      const l = loan();
      // When 3 000.00 is paid on 2026-10-20 with the override.
      const [received] = pay(l, prepayment);
      // Then row 1 is paid first. By 10-20 it earned 120.00 × 19/31 = 73.55; the 46.45 of its days left accrues on the
      // principal left: r = 46.45 × (12 000.00 − x) ÷ 12 000.00 with x = 3 000.00 − 73.55 − r the principal paid
      // ⇒ r (1 − 46.45/12 000) = 46.45 × 9 073.55 ÷ 12 000 = 35.122 ⇒ r = 35.26, x = 2 891.19: 1 950.58 for row 1 and
      // 940.61 prepaid (shown as paid principal on row 1). Row 1's interest is 73.55 + 35.26 = 108.81.
      expect(received?.type === 'RepaymentReceived' && received.data.allocation).toEqual({ penalty: '0.00', fee: '0.00', interest: '108.81', principal: '2891.19', excess: '0.00' });
      expect(l.state.installments[0]).toMatchObject({ due: { principal: '2891.19', interest: '108.81' }, paid: { principal: '2891.19', interest: '108.81' }, settled: true });
      // 9 108.81 left over rows 2–6 at 1 %: EMI 91.0881 ÷ (1 − 1.01⁻⁵) = 1 876.78 (row 2: 1 785.69 + 91.09). Under reduce-term
      // four rows would need 91.0881 ÷ (1 − 1.01⁻⁴) = 2 334.41 > 2 070.58, so the term stays five rows: both overrides agree.
      expect(rows(l).slice(1)).toEqual([
        [2, '2026-12-01', '1785.69', '91.09'], [3, '2027-01-01', '1803.55', '73.23'], [4, '2027-02-01', '1821.58', '55.20'],
        [5, '2027-03-01', '1839.80', '36.98'], [6, '2027-04-01', '1858.19', '18.58'],
      ]);
      expect(l.figures().nextDue).toEqual({ date: '2026-12-01', amount: '1876.78' });
      // And close of business past 11-01 finds nothing past due: 0 DPD, normal.
      for (let day = '2026-10-21'; day <= '2026-11-03'; day = addDays(day, 1)) l.close(day);
      expect(l.figures('2026-11-03').daysPastDue).toBe(0);
      expect(l.state.classification).toBe('normal');
      await expectLedgerAgrees(l);
    });
  }

  it('reduce-term: a larger prepayment shortens the term once the installment can be kept over fewer rows', () => {
    const l = loan();
    l.run({ type: 'ReceiveRepayment', data: { amount: '8000.00', channel: 'online', reference: 'D2', effectiveDate: '2026-10-20', prepayment: 'reduce-term' } }, '2026-10-20');
    expect(l.state.installments[0]?.settled).toBe(true);
    // Row 1 takes 2 070.58 less the interest its days left no longer earn; the rest is prepaid. The remaining principal is
    // spread over the fewest rows whose installment (left × 0.01 ÷ (1 − 1.01⁻ⁿ)) is at most 2 070.58; the rows past them go.
    const left = Number(l.state.principalOutstanding);
    const emi = (n: number) => (left * 0.01) / (1 - 1.01 ** -n);
    const kept = l.state.installments.slice(1).filter((row) => row.due.principal !== '0.00');
    expect(emi(kept.length)).toBeLessThanOrEqual(2070.58);
    expect(emi(kept.length - 1)).toBeGreaterThan(2070.58);
    expect(l.state.installments.length).toBeLessThan(6);
  });

  it('the default strategy (next-installment) pays row 1 in full with the same money', () => {
    const l = loan();
    pay(l);
    expect(l.state.installments[0]?.settled).toBe(true);
    for (let day = '2026-10-21'; day <= '2026-11-02'; day = addDays(day, 1)) l.close(day);
    expect(l.figures('2026-11-02').daysPastDue).toBe(0);
  });
});

describe('QA: after a large partial prepayment, the payoff charges interest only on the principal left', () => {
  // Given 3 000.00 over 3 months at 12 %, next-installment, disbursed 2026-10-01: rows 990.07 + 30.00 (11-01),
  // 999.97 + 20.10 (12-01), 1 009.96 + 10.10 (2027-01-01). On 11-20 row 2 earned 20.10 × 19/30 = 12.73, so the payoff is
  // 3 000.00 + 30.00 + 12.73 = 3 042.73.
  function prepaid(): ServicedLoan {
    const l = new ServicedLoan('L1', terms(), '3000.00', 3, '2026-10-01');
    expect(l.payoff('2026-11-20').total).toBe('3042.73');
    // When 3 030.00 (12.73 short) is paid on 2026-11-20.
    l.repay('3030.00', 'P', '2026-11-20');
    return l;
  }

  it('3 030.00 falls 12.73 short, no more than the 12.73 row 2 has earned, so it pays all principal and row 2 owes its earned 12.73 (QA 8 N9)', async () => {
    const l = prepaid();
    // Principal first (allocation.ts): 3 030.00 pays row 1 (1 020.07) and the 1 979.93 of principal left, and nothing is
    // left for row 2's earned 12.73. Row 2's interest is cut to what it earned by 11-20 (12.73, owed), row 3's to nothing.
    // (Before, the strategy's steps came first: 12.91 of principal stayed owing and earned row 3's interest.)
    expect(rows(l)).toEqual([[1, '2026-11-01', '990.07', '30.00'], [2, '2026-12-01', '999.97', '12.73'], [3, '2027-01-01', '1009.96', '0.00']]);
    expect(l.state.principalOutstanding).toBe('0.00');
    await expectLedgerAgrees(l);
  });

  it('the payoff is the 12.73 shortfall and stays so: no principal is left to earn interest (QA saw 12.73, 13.40, 16.08, 19.43)', () => {
    const l = prepaid();
    expect(['2026-11-20', '2026-11-21', '2026-11-25', '2026-11-30', '2026-12-15'].map((d) => l.payoff(d).total)).toEqual(['12.73', '12.73', '12.73', '12.73', '12.73']);
  });

  it('paying the 12.73 the next day closes the loan with nothing owed and no credit', async () => {
    const l = prepaid();
    const events = l.repay('12.73', 'Q', '2026-11-21');
    expect(events.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    expect(l.state.creditBalance).toBe('0.00');
    await expectLedgerAgrees(l);
  });

  it('last-installments: 1 000.00 prepaid on 11-15 lowers row 2\'s interest for its days left in proportion to the principal left', () => {
    const l = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 'last-installments' }), '3000.00', 3, '2026-10-01');
    l.repay('1020.07', 'A', '2026-11-01');
    // On 11-15 row 2 earned 20.10 × 14/30 = 9.38. 1 000.00 is less than row 2's bill, which comes first whatever the
    // strategy: it pays row 2's interest I and 1 000.00 − I of its principal, and the 10.72 of row 2's days left runs on
    // what is left: I = 9.38 + 10.72 × (2 009.93 − 1 000.00 + I) ÷ 2 009.93 ⇒ I = 14.85 (5.47 for the days left),
    // 2 009.93 − 985.15 = 1 024.78 left.
    l.repay('1000.00', 'B', '2026-11-15');
    expect(l.state.installments[1]?.due.interest).toBe('14.85');
    expect(l.state.principalOutstanding).toBe('1024.78');
    // The payoff on 11-15 takes back the 5.47 paid ahead for days not run; it grows 5.47 over the 16 days (0.34 a day,
    // 1 % a month of 1 024.78), not 20.10/30 = 0.67.
    expect(l.payoff('2026-11-15').total).toBe('1019.31');
    expect(l.payoff('2026-12-01').total).toBe('1024.78');
  });
});
