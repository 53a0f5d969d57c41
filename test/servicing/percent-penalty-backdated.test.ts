import { describe, expect, it } from 'vitest';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

const PERCENT_5 = { type: 'percent' as const, value: '5', cap: null, graceDays: 3 };

describe('a percent penalty is that percent of what its row owed at the end of its last grace day, given every fact dated by then', () => {
  it('M1: a partial payment back-dated before the charge lowers row 1\'s penalty to 5 % of what it then owed', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: PERCENT_5 }), '10000.00', 6, '2026-08-01');
    const charged = loan.close('2026-11-30').filter((e) => e.type === 'PenaltyCharged');
    // 5 % of each overdue row's 1 725.48, each dated the first day after its grace (due 09-01, 10-01, 11-01; 3 grace days).
    expect(charged.map((e) => e.data)).toEqual([['09-05', 1], ['10-05', 2], ['11-05', 3]].map(([day, number]) => ({ number, amount: '86.27', date: `2026-${day}` })));
    const [received] = loan.repay('1700.00', 'p1', '2026-09-02');
    // Row 1 owed 25.48 on 11-30: its penalty is 1.27; rows 2 and 3 still owed 1 725.48.
    expect(loan.state.installments.slice(0, 3).map((row) => row.due.penalty)).toEqual(['1.27', '86.27', '86.27']);
    expect(received?.type === 'RepaymentReceived' && received.data.allocation).toMatchObject({ penalty: '0.00', principal: '1600.00', interest: '100.00' });
    expect(loan.figures().outstanding.penalties).toBe('173.81');
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    expect(balances.penalty_income).toBe('-173.81');
  });

  it('M1: a payment back-dated after the grace, before the charge, leaves the percent penalty priced on what the row owed at the end of its grace', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: PERCENT_5 }), '10000.00', 6, '2026-08-01');
    loan.close('2026-11-30');
    loan.repay('1725.48', 'p1', '2026-09-10');
    // Paid 6 days late (due 09-01, grace through 09-04): row 1 was late, owing 1 725.48 at the end of its grace, so
    // its penalty stands at 5 % of that, 86.27, though the close charging it (dated 09-05) ran only on 11-30 (before the fix: void, as the row owed nothing on 11-30).
    expect(loan.state.installments[0]?.due.penalty).toBe('86.27');
    // Within the grace instead, it owed nothing at its end: void.
    const inTime = new ServicedLoan('L2', servicingTerms({ penalty: PERCENT_5 }), '10000.00', 6, '2026-08-01');
    inTime.close('2026-11-30');
    inTime.repay('1725.48', 'p1', '2026-09-04');
    expect(inTime.state.installments[0]?.due.penalty).toBe('0.00');
  });
});
