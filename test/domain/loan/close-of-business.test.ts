import { describe, expect, it } from 'vitest';
import { loanFigures } from '../../../src/domain/loan/figures.js';
import { classify, isNonPerforming } from '../../../src/domain/loan/classification.js';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import type { LoanCommand } from '../../../src/domain/loan/commands.js';
import { given } from '../decider-spec.js';
import { disbursedLoan, eod, eventsUntil, repay, terms } from './fixtures.js';

describe('close of business', () => {
  it('posts accrued interest only at month-end and on due dates', () => {
    const life = disbursedLoan();
    expect(life.run(eod('2026-01-20'))).toEqual([]);
    // 16 of installment 1's 31 days (01-15 → 02-15) have run by 01-31.
    expect(life.run(eod('2026-01-31'))).toEqual([{ type: 'InterestAccrued', data: { date: '2026-01-31', from: '2026-01-15', to: '2026-01-31', amount: '516.13' } }]);
    expect(life.run(eod('2026-02-10'))).toEqual([]);
    expect(life.run(eod('2026-02-15'))).toEqual([{ type: 'InterestAccrued', data: { date: '2026-02-15', from: '2026-01-31', to: '2026-02-15', amount: '483.87' } }]);
    expect(loanFigures(life.state).receivable.interest).toBe('1000.00');
  });

  it('books a missed month-end on its own date on the next run (QA 10 R8), and nothing more before the next posting day', () => {
    const life = disbursedLoan();
    // 16 of the first period's 31 days: 1 000.00 × 16 / 31.
    expect(life.run(eod('2026-02-05'))).toEqual([{ type: 'InterestAccrued', data: { date: '2026-01-31', from: '2026-01-15', to: '2026-01-31', amount: '516.13' } }]);
  });

  it('flags an installment that fell due unpaid, classifies, then charges the penalty after the grace days', () => {
    const life = disbursedLoan();
    life.run(eod('2026-02-15'));
    expect(life.run(eod('2026-02-16'))).toEqual([
      { type: 'InstallmentOverdue', data: { number: 1, dueDate: '2026-02-15', amountDue: '8884.88', date: '2026-02-16' } },
      { type: 'LoanClassified', data: { from: 'normal', to: 'special-mention', dpd: 1, date: '2026-02-16' } },
    ]);
    expect(life.state).toMatchObject({ status: 'overdue', daysPastDue: 1, classification: 'special-mention' });
    expect(life.state.installments[0]?.overdueSince).toBe('2026-02-16');
    expect(life.run(eod('2026-02-18'))).toEqual([]);
    expect(life.run(eod('2026-02-19'))).toEqual([{ type: 'PenaltyCharged', data: { number: 1, amount: '444.24', date: '2026-02-19' } }]);
    expect(life.run(eod('2026-02-20'))).toEqual([]);
  });

  it('caps the penalty and charges none without a penalty term', () => {
    const capped = disbursedLoan({ ...terms, penalty: { type: 'fixed', value: '800.00', cap: '500.00', graceDays: 0 } });
    capped.run(eod('2026-02-15'));
    expect(capped.run(eod('2026-02-16')).find((e) => e.type === 'PenaltyCharged')?.data).toMatchObject({ amount: '500.00' });
    const none = disbursedLoan({ ...terms, penalty: null });
    none.run(eod('2026-02-15'));
    expect(none.run(eod('2026-03-31')).map((e) => e.type)).not.toContain('PenaltyCharged');
  });

  it('emits nothing for the same date twice or for an earlier date', () => {
    const life = disbursedLoan();
    expect(life.run(eod('2026-02-16')).length).toBeGreaterThan(0);
    expect(life.run(eod('2026-02-16'))).toEqual([]);
    expect(life.run(eod('2026-02-10'))).toEqual([]);
  });

  it('returns the loan to active when the overdue installment is paid, and reclassifies it as normal', () => {
    const life = disbursedLoan();
    life.run(eod('2026-02-16'));
    life.run(repay('8884.88', 'r1', '2026-02-17'));
    expect(life.state).toMatchObject({ status: 'active', daysPastDue: 0 });
    expect(life.run(eod('2026-02-17'))).toEqual([{ type: 'LoanClassified', data: { from: 'special-mention', to: 'normal', dpd: 0, date: '2026-02-17' } }]);
  });

  it('raises the NPA flag beyond 90 days and stops accruing', () => {
    const life = disbursedLoan({ ...terms, penalty: null });
    life.run(eod('2026-02-16'));
    const events = life.run(eod('2026-05-17'));
    expect(events.find((e) => e.type === 'LoanClassified')?.data).toEqual({ from: 'special-mention', to: 'substandard', dpd: 91, date: '2026-05-17' });
    expect(life.state.flags).toEqual(['npa']);
    // The 05-17 close posted through the 05-15 due date only, as closing nightly does; the month-end books the one performing
    // day after it (05-15 → 05-16, 21.93) and suspends the rest, and later closes accrue nothing.
    expect(life.run(eod('2026-05-31'))).toEqual([{
      type: 'InterestAccrued',
      data: { date: '2026-05-31', from: '2026-05-15', to: '2026-05-31', amount: '21.93', suspended: { amount: '328.96', spans: [{ from: '2026-05-17', to: '2026-05-31' }] } },
    }]);
    expect(life.run(eod('2026-06-30')).filter((e) => e.type === 'InterestAccrued')).toEqual([]);
  });

  it('uses the thresholds it is given', () => {
    const command: LoanCommand = { type: 'CloseBusinessDay', data: { date: '2026-02-20', thresholds: { specialMention: 30, substandard: 60, doubtful: 90, loss: 120 } } };
    const events = loanDecider.decide(command, disbursedLoan().state);
    expect(events.map((e) => e.type)).not.toContain('LoanClassified');
  });

  it('ignores loans that are not being repaid and refuses unknown ones', () => {
    given(loanDecider, eventsUntil('approved')).when(eod('2026-02-20')).then([]);
    given(loanDecider, []).when(eod('2026-02-20')).thenThrows('LOAN_NOT_FOUND', 'not_found');
    given(loanDecider, eventsUntil('disbursed')).when(eod('2026-02-31')).thenThrows('INVALID_DATE', 'invalid');
  });
});

describe('five-category classification', () => {
  it('maps days past due to the default categories', () => {
    expect([0, 1, 90, 91, 270, 271, 360, 361].map((d) => classify(d))).toEqual([
      'normal', 'special-mention', 'special-mention', 'substandard', 'substandard', 'doubtful', 'doubtful', 'loss',
    ]);
    expect(['normal', 'special-mention', 'substandard', 'doubtful', 'loss'].map((c) => isNonPerforming(c as never))).toEqual([false, false, true, true, true]);
  });
});
