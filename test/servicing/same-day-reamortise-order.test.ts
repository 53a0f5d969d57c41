import { describe, expect, it } from 'vitest';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt } from './servicing-history.js';

/**
 * Servicing-properties' order property (seed 1460187119): under re-amortise, 1 260.46 paid on 01-25 and
 * then 835.03 and 926.12 on 02-29 split the principal between rows 2 and 3 by posting order (876.20 /
 * 884.95 one way, 913.23 / 847.92 the other), because the first of the day re-amortised row 3 by its own
 * excess and the second, paying the principal off, paid row 3 where it stood.
 */
describe('payments of one day that pay a re-amortised loan off', () => {
  const rows = (payments: [string, string][], graceOnInterest: number) => {
    const loan = new ServicedLoan('L1', servicingTerms({ prepaymentStrategy: 're-amortise', graceOnInterest }));
    payments.forEach(([amount, date], i) => expect(attempt(loan, { type: 'ReceiveRepayment', data: { amount, channel: 'online', reference: `p${i}`, effectiveDate: date } }, '2024-04-24')).toBe(true));
    return { rows: loan.state.installments.map(({ number, due, paid, settled }) => ({ number, due, paid, settled })), figures: loan.figures().outstanding };
  };

  it('leave the same rows in either order, and as one payment of their sum: the principal paid ahead on the current row', () => {
    const first: [string, string] = ['1260.46', '2024-01-25'];
    const a = rows([first, ['835.03', '2024-02-29'], ['926.12', '2024-02-29']], 0);
    const b = rows([first, ['926.12', '2024-02-29'], ['835.03', '2024-02-29']], 0);
    const sum = rows([first, ['1761.15', '2024-02-29']], 0);
    expect(b).toEqual(a);
    expect(sum).toEqual(a);
    // Row 1 paid on 01-25 (its interest re-based to 21.61); row 2, due 03-15, carries the 1 761.15 paid ahead and
    // owes the 8.50 of interest its period has earned by 02-29; row 3 has nothing left and leaves the schedule.
    expect(a.rows.map((row) => [row.number, row.due.principal, row.paid.principal, row.due.interest, row.paid.interest])).toEqual([
      [1, '1238.85', '1238.85', '21.61', '21.61'],
      [2, '1761.15', '1761.15', '8.50', '0.00'],
    ]);
    expect(a.figures.total).toBe('8.50');
  });

  it('do so under a grace on interest too', () => {
    const first: [string, string] = ['1260.46', '2024-01-25'];
    const a = rows([first, ['835.03', '2024-02-29'], ['926.12', '2024-02-29']], 1);
    const b = rows([first, ['926.12', '2024-02-29'], ['835.03', '2024-02-29']], 1);
    expect(b).toEqual(a);
    expect(a.rows.reduce((sum, row) => sum + Number(row.due.principal), 0).toFixed(2)).toBe('3000.00');
  });
});
