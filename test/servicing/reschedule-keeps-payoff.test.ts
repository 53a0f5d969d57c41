import { describe, expect, it } from 'vitest';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

const reschedule = (effectiveDate: string) => ({ type: 'Reschedule' as const, data: { reason: 'hardship', effectiveDate, term: 6 } });

describe('a reschedule never changes the payoff at its effective date (only a waiver forgives interest)', () => {
  it('M4: rescheduling a loan under grace on interest capitalises the deferred interest earned since disbursement', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ graceOnInterest: 2 }), '10000.00', 6, '2026-08-10');
    loan.close('2026-09-30');
    expect(loan.payoff('2026-10-15')).toMatchObject({ principal: '10000.00', interest: '180.12', total: '10180.12' });
    const [event] = loan.run(reschedule('2026-10-15'), '2026-10-15');
    expect(event).toMatchObject({ type: 'LoanRescheduled', data: { capitalizedInterest: '180.12' } });
    expect(loan.payoff('2026-10-15')).toMatchObject({ principal: '10180.12', interest: '0.00', total: '10180.12' });
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
  });

  it('M4: during the grace itself too', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ graceOnInterest: 2 }), '10000.00', 6, '2026-08-10');
    const before = loan.payoff('2026-09-25');
    expect(before.interest).not.toBe('0.00');
    const [event] = loan.run(reschedule('2026-09-25'), '2026-09-25');
    expect(event?.type === 'LoanRescheduled' && event.data.capitalizedInterest).toBe(before.interest);
    expect(loan.payoff('2026-09-25').total).toBe(before.total);
  });
});
