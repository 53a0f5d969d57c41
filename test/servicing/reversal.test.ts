import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { DomainError } from '../../src/domain/errors.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { owedOn } from '../../src/domain/loan/penalties-owed-by.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

const reverse = (reference: string, effectiveDate: string): LoanCommand => ({
  type: 'ReverseRepayment', data: { reference, reason: 'bounced', effectiveDate, reversedBy: 'officer-1' },
});

describe('repayment reversal', () => {
  it('reopens an overpaid loan whose credit was refunded: it owes again what the reversed payment paid', async () => {
    const loan = new ServicedLoan();
    loan.repay('3200.00', 'p1', '2024-01-15');
    loan.run({ type: 'RefundOverpayment', data: { amount: null, channel: 'bank_transfer', reference: 'R1', date: '2024-01-15' } }, '2024-01-15');
    expect(loan.state.status).toBe('closed');
    expect(loan.run(reverse('p1', '2024-01-16'), '2024-01-16').map((e) => e.type)).toEqual(['RepaymentReversed']);
    expect(loan.state.status).toBe('active');
    expect(loan.state.closedOn).toBeNull();
    expect(loan.payoff('2024-01-15')).toMatchObject({ principal: '3000.00', refundDue: '200.00', total: '3200.00' });
    // The refund owed back is part of what the loan owes, wherever its balance shows (a tester saw 0.00 outstanding).
    // Scheduled: 3 000.00 principal + 60.20 interest, plus the 200.00 refunded against the reversed payment.
    expect(loan.figures().outstanding).toMatchObject({ principal: '3000.00', interest: '60.20', total: '3260.20' });
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    expect(balances).toMatchObject({ loan_portfolio: '3000.00', overpayment_liability: '200.00', fund_source: '-3200.00' });
    // Paying it all back closes the loan again, with nothing left on any account but income and cash.
    const payoff = loan.payoff('2024-01-20');
    expect(loan.repay(payoff.total, 'p2', '2024-01-20').map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    expect((await loan.ledger()).balances).toMatchObject({ loan_portfolio: '0.00', overpayment_liability: '0.00', interest_receivable: '0.00' });
  });

  it('records a refund a channel paid out after the repayment its credit came from was reversed: the same refund owed back as when the refund came first', async () => {
    const refundFirst = new ServicedLoan();
    refundFirst.repay('3200.00', 'p1', '2024-01-15');
    refundFirst.run({ type: 'RefundOverpayment', data: { amount: '200.00', channel: 'online', reference: 'R1', date: '2024-01-16' } }, '2024-01-16');
    refundFirst.run(reverse('p1', '2024-01-16'), '2024-01-16');

    const reversalFirst = new ServicedLoan();
    reversalFirst.repay('3200.00', 'p1', '2024-01-15');
    reversalFirst.run(reverse('p1', '2024-01-16'), '2024-01-16');
    const officer = { type: 'RefundOverpayment' as const, data: { amount: '200.00', channel: 'online' as const, reference: 'R1', date: '2024-01-16' } };
    // An officer's refund of credit that is gone is refused; a channel's confirmed payout is a fact.
    expect(() => reversalFirst.run(officer, '2024-01-16')).toThrow(expect.objectContaining({ code: 'LOAN_NOT_OVERPAID' }) as DomainError);
    expect(reversalFirst.run({ ...officer, data: { ...officer.data, paidOut: true } }, '2024-01-16').map((e) => e.type)).toEqual(['RefundIssued']);

    expect(reversalFirst.payoff('2024-01-16')).toEqual(refundFirst.payoff('2024-01-16'));
    expect(reversalFirst.payoff('2024-01-16')).toMatchObject({ principal: '3000.00', refundDue: '200.00' });
    expect(reversalFirst.figures().ledger).toEqual(refundFirst.figures().ledger);
    const { balances, balanced } = await reversalFirst.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(reversalFirst.figures().ledger);
  });

  it('writes off a refund owed back with the rest, leaving nothing on the overpayment account', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ writeOffDpd: 30 }));
    loan.repay('3200.00', 'p1', '2024-01-15');
    loan.run({ type: 'RefundOverpayment', data: { amount: null, channel: 'bank_transfer', reference: 'R1', date: '2024-01-15' } }, '2024-01-15');
    loan.run(reverse('p1', '2024-01-16'), '2024-01-16');
    loan.close('2024-04-01');
    loan.run({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'absconded', date: '2024-04-01' } }, '2024-04-01');
    const [writtenOff] = loan.run({ type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: '2024-04-01' } }, '2024-04-01');
    expect(writtenOff?.type === 'LoanWrittenOff' && writtenOff.data.refundDue).toBe('200.00');
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    expect(balances).toMatchObject({ overpayment_liability: '0.00', loan_portfolio: '0.00' });
  });

  it('restores delinquency: an installment the reversed payment paid is overdue again', () => {
    const loan = new ServicedLoan();
    loan.repay('1020.07', 'p1', '2024-02-15');
    loan.close('2024-02-20');
    expect(loan.state.status).toBe('active');
    loan.run(reverse('p1', '2024-02-21'), '2024-02-21');
    loan.close('2024-02-21');
    expect(loan.state.status).toBe('overdue');
    expect(loan.figures('2024-02-21').daysPastDue).toBe(6);
  });

  it('is idempotent, refuses an unknown reference, and never reuses a reference', () => {
    const loan = new ServicedLoan();
    loan.repay('500.00', 'p1', '2024-02-01');
    loan.run(reverse('p1', '2024-02-02'), '2024-02-02');
    expect(loan.run(reverse('p1', '2024-02-02'), '2024-02-02')).toEqual([]);
    expect(() => loan.run(reverse('nope', '2024-02-02'), '2024-02-02')).toThrow(expect.objectContaining({ code: 'REPAYMENT_NOT_FOUND' }));
    expect(() => loan.run(reverse('p1', '2024-01-20'), '2024-01-20')).not.toThrow();
    expect(loan.repay('500.00', 'p1', '2024-02-01')).toEqual([]);
    expect(() => loan.repay('500.00', 'p1', '2024-02-03')).toThrow(expect.objectContaining({ code: 'DUPLICATE_REFERENCE' }));
  });

  it('refuses a reversal dated before its payment', () => {
    const loan = new ServicedLoan();
    loan.repay('500.00', 'p1', '2024-02-01');
    expect(() => loan.run(reverse('p1', '2024-01-31'), '2024-01-31')).toThrow(expect.objectContaining({ code: 'REVERSAL_BEFORE_PAYMENT' }));
  });

  it('reverse then re-post the same payment gives back the same loan and ledger (random histories)', async () => {
    // Day 40 included: the close of business below runs then, and a payment dated that day replays before the
    // close's penalty whether it was recorded before the close (the original) or after it (the re-post).
    const payment = fc.record({ cents: fc.integer({ min: 1, max: 150_000 }), day: fc.integer({ min: 0, max: 90 }) });
    await fc.assert(fc.asyncProperty(fc.array(payment, { minLength: 1, maxLength: 6 }), fc.nat(), fc.boolean(), async (payments, pick, penalty) => {
      const terms = servicingTerms({ penalty: penalty ? { type: 'fixed', value: '20.00', cap: null, graceDays: 1 } : null });
      const loan = new ServicedLoan('L1', terms);
      const today = addDays('2024-01-15', 100);
      const accepted: { reference: string; amount: string; date: string }[] = [];
      for (const [i, p] of payments.entries()) {
        const date = addDays('2024-01-15', p.day);
        if (i === 1) loan.close(addDays('2024-01-15', 40));
        try {
          loan.repay((p.cents / 100).toFixed(2), `p${i}`, date);
          accepted.push({ reference: `p${i}`, amount: (p.cents / 100).toFixed(2), date });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      if (accepted.length === 0 || loan.state.status === 'overpaid') return;
      const target = accepted[pick % accepted.length]!;
      // Compared as the loan shows itself on `today` (owedOn): the reversal records the penalties owed by its date that
      // no close has charged yet (QA 12 Q1), which the loan before it owed as well, uncharged.
      const shown = () => {
        const owing = owedOn(loan.state, today);
        return { rows: owing.installments.map(({ due, paid, waived, settled }) => ({ due, paid, waived, settled })), ledger: loanFigures(owing).ledger };
      };
      const before = shown();
      loan.run(reverse(target.reference, today), today);
      // Without the payment the loan may owe nothing at all (it paid only interest earned later): then it stays closed.
      if (loan.state.status === 'closed') return;
      loan.repay(target.amount, `${target.reference}-again`, target.date);
      expect(shown()).toEqual(before);
      const { balances, balanced } = await loan.ledger();
      expect(balanced).toBe(true);
      expect(balances).toEqual(loan.figures().ledger);
    }), { numRuns: 300 });
  });
});

describe('four-eyes approval of large reversals (product reversalApprovalAbove)', () => {
  const approve = (reference: string, approvedBy: string): LoanCommand => ({ type: 'ApproveReversal', data: { reference, approvedBy } });

  it('above 1 000.00 a reversal of 1 020.07 waits, the requester cannot approve it, a second person reverses it as requested', async () => {
    const loan = new ServicedLoan('L1', servicingTerms({ reversalApprovalAbove: '1000.00' }));
    loan.repay('1020.07', 'p1', '2024-02-15');
    expect(loan.state.principalOutstanding).toBe('2009.93');
    expect(loan.run(reverse('p1', '2024-02-16'), '2024-02-16')).toEqual([{
      type: 'RepaymentReversalRequested', data: { reference: 'p1', amount: '1020.07', reason: 'bounced', effectiveDate: '2024-02-16', requestedBy: 'officer-1' },
    }]);
    // Nothing is reversed yet, and asking again changes nothing.
    expect(loan.state.principalOutstanding).toBe('2009.93');
    expect(loan.run(reverse('p1', '2024-02-17'), '2024-02-17')).toEqual([]);
    expect(() => loan.run(approve('p1', 'officer-1'), '2024-02-17')).toThrow(expect.objectContaining({ code: 'FOUR_EYES_REQUIRED', kind: 'rule' }));
    expect(loan.run(approve('p1', 'uw-1'), '2024-02-17')).toEqual([{
      type: 'RepaymentReversed', data: { reference: 'p1', amount: '1020.07', reason: 'bounced', effectiveDate: '2024-02-16', reversedBy: 'officer-1', approvedBy: 'uw-1' },
    }]);
    expect(loan.state.principalOutstanding).toBe('3000.00');
    expect(loan.state.reversalRequests).toEqual({});
    expect(loan.run(approve('p1', 'uw-1'), '2024-02-17')).toEqual([]);
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
  });

  it('at or below the threshold a reversal needs no approval; approving what was never requested is refused', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ reversalApprovalAbove: '1000.00' }));
    loan.repay('1000.00', 'p1', '2024-02-15');
    expect(loan.run(reverse('p1', '2024-02-16'), '2024-02-16').map((e) => e.type)).toEqual(['RepaymentReversed']);
    loan.repay('5.00', 'p2', '2024-02-16');
    expect(() => loan.run(approve('p2', 'uw-1'), '2024-02-16')).toThrow(expect.objectContaining({ code: 'REVERSAL_NOT_REQUESTED' }));
    expect(() => loan.run(approve('nope', 'uw-1'), '2024-02-16')).toThrow(expect.objectContaining({ code: 'REPAYMENT_NOT_FOUND' }));
    // Reversed at once, p1 had nothing to approve: the console said "approved" for it (QA), now refused.
    expect(() => loan.run(approve('p1', 'officer-1'), '2024-02-16')).toThrow(expect.objectContaining({ code: 'REVERSAL_NOT_REQUESTED', kind: 'conflict' }));
  });
});
