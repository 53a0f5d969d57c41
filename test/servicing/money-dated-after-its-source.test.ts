import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

// Found by a tester: a refund dated before the payment that left the credit put the overpayment
// liability in debit on that date's trial balance, and a recovery was booked before its write-off.
describe('money out is never dated before the money or the write-off it follows', () => {
  it('refuses a refund dated before the payment that left the credit (422), and takes it on or after that date', () => {
    const loan = new ServicedLoan();
    loan.repay('3200.00', 'p1', '2024-01-25');
    expect(loan.state.status).toBe('overpaid');
    const refund = (date: string) => ({ type: 'RefundOverpayment' as const, data: { amount: null, channel: 'bank_transfer' as const, reference: 'R1', date } });
    expect(() => loan.run(refund('2024-01-20'), '2024-01-26')).toThrow(expect.objectContaining({ code: 'BACKDATED_BEFORE_PAYMENT' }));
    expect(loan.run(refund('2024-01-25'), '2024-01-26').map((e) => e.type)).toEqual(['RefundIssued', 'LoanClosed']);
  });

  it('refuses a recovery dated before the write-off (422)', () => {
    const loan = new ServicedLoan('L2', servicingTerms({ writeOffDpd: 30 }));
    let today = '2024-01-15';
    while (today < '2024-04-01') loan.close((today = addDays(today, 1)));
    loan.run({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'uncollectable', date: today } }, today);
    loan.run({ type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: today } }, today);
    expect(loan.state.status).toBe('written_off');
    const recovery = (effectiveDate: string) => ({ type: 'ReceiveRecovery' as const, data: { amount: '5.00', channel: 'bank_transfer' as const, reference: 'rec-1', effectiveDate } });
    expect(() => loan.run(recovery('2024-03-01'), today)).toThrow(expect.objectContaining({ code: 'BACKDATED_BEFORE_WRITE_OFF' }));
    expect(loan.run(recovery(today), today).map((e) => e.type)).toEqual(['RecoveryReceived']);
  });
});
