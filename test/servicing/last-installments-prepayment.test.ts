import { describe, expect, it } from 'vitest';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

/**
 * 3 000.00 / 3 m / 12 % disbursed 2024-01-15 under `last-installments` (allocation.ts inAdvanceSteps: the next
 * installment in full, then principal from the last row backwards). Principal by row: 990.07, 999.97, 1 009.96.
 */
describe('last-installments prepays principal from the last row back to the first row not yet due', () => {
  it('given row 1 paid ahead (settled), 1 101.59 on 01-25 pays the rest of row 3\'s principal and the remainder into row 2\'s, nothing left over', () => {
    const loan = new ServicedLoan('LI', servicingTerms({ prepaymentStrategy: 'last-installments' }), '3000.00', 3, '2024-01-15');
    // 1 020.07 on 01-20 settles row 1 (990.07 and its interest re-based to 21.63) and puts the 8.37 left on row 3.
    loan.repay('1020.07', 'p1', '2024-01-20');
    expect(loan.state.installments.map((row) => [row.settled, row.paid.principal])).toEqual([[true, '990.07'], [false, '0.00'], [false, '8.37']]);
    // The next row due (row 1) is settled: the rows not yet due are 2 and 3, and the money walks their principal from
    // row 3 (1 009.96 − 8.37 = 1 001.59) back to row 2: 100.00, and the 7.51 of row 1's interest paid ahead that the
    // lower balance releases (row 1 re-based again: 4.84 to 01-20 + 3.23 on 2 001.56 to 01-25 + 6.05 on 892.46 for its
    // last 21 of 31 days = 14.12, was 21.63), 107.51. 1 101.59 is short of paying all principal (2 001.56 less the
    // 21.63 of interest paid ahead), so no payoff pricing applies.
    const [received] = loan.repay('1101.59', 'p2', '2024-01-25');
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toMatchObject({ principal: '1109.10', interest: '-7.51', excess: '0.00' });
    expect(loan.state.installments.map((row) => row.paid.principal)).toEqual(['990.07', '107.51', '1009.96']);
    expect(loan.state.installments[0]?.paid.interest).toBe('14.12');
  });
});
