import { describe, expect, it } from 'vitest';
import { loanTransactions } from '../../src/app/queries/loan-transactions.js';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

/**
 * QA round 7, F12: a recovery (money received on a written-off loan) whose transfer bounces is
 * reversed like a repayment. 3 000.00 at 12 % over 3 months from 2026-06-01, nothing paid, written
 * off on 2026-11-20 (write-off at 90 days past due); 500.00 recovered on 11-25 bounces on 11-27.
 */
const terms = servicingTerms({ writeOffDpd: 90 });

function writtenOff(reversalApprovalAbove: string | null = null): ServicedLoan {
  const loan = new ServicedLoan('R1', { ...terms, reversalApprovalAbove }, '3000.00', 3, '2026-06-01');
  for (let day = '2026-06-02'; day <= '2026-11-30'; day = addDays(day, 1)) loan.close(day);
  loan.run({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'uncollectible', date: '2026-11-20' } }, '2026-11-30');
  loan.run({ type: 'ApproveWriteOff', data: { approvedBy: 'officer-2', date: '2026-11-20' } }, '2026-11-30');
  loan.run({ type: 'ReceiveRecovery', data: { amount: '500.00', channel: 'bank_transfer', reference: 'REC1', effectiveDate: '2026-11-25' } }, '2026-11-30');
  return loan;
}

const reverse = (effectiveDate = '2026-11-27'): LoanCommand => ({ type: 'ReverseRepayment', data: { reference: 'REC1', reason: 'bounced', effectiveDate, reversedBy: 'officer-1' } });

describe('reversing a recovery (F12)', () => {
  it('takes the 500.00 back out of recovery income and the fund source; the claim left grows back by 500.00', async () => {
    const loan = writtenOff();
    const claim = loan.state.writtenOff?.claim ?? '';
    let { balances } = await loan.ledger();
    expect(balances).toMatchObject({ recovery_income: '-500.00' });
    const fundBefore = Number(balances.fund_source);
    expect(loan.run(reverse(), '2026-11-30').map((e) => e.type)).toEqual(['RecoveryReversed']);
    expect(loan.state.recovered).toBe('0.00');
    expect(loan.state.status).toBe('written_off');
    const ledger = await loan.ledger();
    balances = ledger.balances;
    expect(ledger.balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    expect(balances.recovery_income).toBe('0.00');
    expect((Number(balances.fund_source) - fundBefore).toFixed(2)).toBe('-500.00');
    const entry = ledger.journal.find((e) => e.kind === 'reversal');
    expect(entry?.lines).toEqual(expect.arrayContaining([
      { account: 'fund_source', side: 'credit', amount: '500.00' }, { account: 'recovery_income', side: 'debit', amount: '500.00' },
    ]));
    // Reversing again is a no-op; the whole claim can be recovered again, under a new reference.
    expect(loan.run(reverse(), '2026-11-30')).toEqual([]);
    expect(() => loan.run({ type: 'ReceiveRecovery', data: { amount: '500.00', channel: 'bank_transfer', reference: 'REC1', effectiveDate: '2026-11-28' } }, '2026-11-30')).toThrow(expect.objectContaining({ code: 'REPAYMENT_REVERSED' }));
    expect(loan.run({ type: 'ReceiveRecovery', data: { amount: claim, channel: 'bank_transfer', reference: 'REC2', effectiveDate: '2026-11-28' } }, '2026-11-30').map((e) => e.type)).toEqual(['RecoveryReceived']);
    const tx = loanTransactions({ customerId: 'C1', events: loan.log.events });
    expect(tx.filter((t) => t.type === 'recovery').map((t) => [t.reference, t.type === 'recovery' && t.reversed])).toEqual([['REC1', true], ['REC2', false]]);
    expect(tx.find((t) => t.type === 'reversal')).toMatchObject({ reference: 'REC1', amount: '500.00', reason: 'bounced' });
  });

  it('is never dated before the recovery', () => {
    const loan = writtenOff();
    expect(() => loan.run(reverse('2026-11-24'), '2026-11-30')).toThrow(expect.objectContaining({ code: 'REVERSAL_BEFORE_PAYMENT' }));
  });

  it('above reversalApprovalAbove it waits for a second person, as a repayment reversal does', () => {
    const loan = writtenOff('100.00');
    expect(loan.run(reverse(), '2026-11-30').map((e) => e.type)).toEqual(['RepaymentReversalRequested']);
    expect(loan.state.recovered).toBe('500.00');
    const approve = (approvedBy: string): LoanCommand => ({ type: 'ApproveReversal', data: { reference: 'REC1', approvedBy } });
    expect(() => loan.run(approve('officer-1'), '2026-11-30')).toThrow(expect.objectContaining({ code: 'FOUR_EYES_REQUIRED' }));
    expect(loan.run(approve('officer-2'), '2026-11-30')).toMatchObject([{ type: 'RecoveryReversed', data: { approvedBy: 'officer-2', reversedBy: 'officer-1' } }]);
    expect(loan.state.recovered).toBe('0.00');
    expect(loan.run(approve('officer-2'), '2026-11-30')).toEqual([]);
  });
});
