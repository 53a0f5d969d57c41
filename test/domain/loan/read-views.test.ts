import { describe, expect, it } from 'vitest';
import { payoffQuote } from '../../../src/domain/loan/payoff.js';
import { scheduleView } from '../../../src/domain/loan/schedule-view.js';
import { summarizeLoan } from '../../../src/domain/loan/summary.js';
import { loanDecider } from '../../../src/domain/loan/decider.js';
import { disbursedLoan, eod, eventsUntil, repay } from './fixtures.js';

describe('loan summary, schedule view and payoff quote', () => {
  it('summarizes an overdue loan as of a date', () => {
    const life = disbursedLoan();
    life.run(repay('8884.88', 'r1', '2026-02-15'));
    life.run(eod('2026-03-20'));
    const summary = summarizeLoan(life.state, '2026-03-20');
    expect(summary).toMatchObject({
      status: 'overdue', flags: [], currency: 'CNY', principal: '100000.00', daysPastDue: 5, classification: 'special-mention',
      // The oldest installment still owed is what falls due next: installment 2 with its 5 % penalty.
      nextDue: { date: '2026-03-15', amount: '9329.12' },
    });
    // Outstanding is what remains on the schedule (Fineract's summary): all interest still scheduled.
    expect(summary.outstanding).toMatchObject({ principal: '92115.12', penalties: '444.24' });
    // The payoff on 2026-03-20 is installment 2 (921.15 interest) plus 5 of installment 3's 31 days (841.51 × 5 / 31 = 135.73).
    // Installment 2 was still unpaid at the end of its last grace day (03-18), so the 5 % penalty the close of
    // 03-20 charged stands, priced on what it owed then (8 884.88 × 5 % = 444.24): a payment dated 03-20 pays it too.
    expect(payoffQuote(life.state, '2026-03-20')).toEqual({ date: '2026-03-20', principal: '92115.12', interest: '1056.88', fees: '0.00', penalties: '444.24', refundDue: '0.00', total: '93616.24' });
    expect(payoffQuote(life.state, '2026-03-21')).toMatchObject({ penalties: '444.24' });
  });

  it('summarizes an application before disbursement', () => {
    const state = eventsUntil('approved').reduce(loanDecider.evolve, loanDecider.initialState());
    expect(summarizeLoan(state)).toMatchObject({ status: 'approved', principal: '100000.00', nextDue: null, daysPastDue: 0, outstanding: { total: '0.00' } });
  });

  it('shows each schedule row with its balance, what was paid and its status', () => {
    const life = disbursedLoan();
    life.run(repay('8884.88', 'r1', '2026-02-15'));
    life.run(repay('100.00', 'r2', '2026-03-15'));
    life.run(eod('2026-04-16'));
    const view = scheduleView(life.state);
    expect(view.currency).toBe('CNY');
    expect(view.rows.map((r) => r.status)).toEqual(['paid', 'overdue', 'overdue', 'due', ...Array(8).fill('future')]);
    expect(view.rows[0]).toEqual({
      number: 1, dueDate: '2026-02-15', principal: '7884.88', interest: '1000.00', fee: '0.00', penalty: '0.00', total: '8884.88', balance: '92115.12', paid: '8884.88', status: 'paid',
    });
    expect(view.rows[1]).toMatchObject({ penalty: '439.24', total: '9324.12', paid: '100.00' });
    expect(view.rows[11]?.balance).toBe('0.00');
  });

  it('marks a partly paid row that is not yet overdue', () => {
    const life = disbursedLoan();
    life.run(repay('500.00', 'r1', '2026-02-15'));
    expect(scheduleView(life.state).rows[0]?.status).toBe('partially-paid');
  });

  it('as of a date, marks rows still owed and due before it overdue though no close of business has run, as the days past due count them', () => {
    const life = disbursedLoan();
    life.run(repay('500.00', 'r1', '2026-02-15'));
    // Installments fall due on the 15th; no close of business has marked any row.
    expect(scheduleView(life.state).rows.slice(0, 3).map((r) => r.status)).toEqual(['partially-paid', 'future', 'future']);
    expect(scheduleView(life.state, '2026-03-20').rows.slice(0, 5).map((r) => r.status)).toEqual(['overdue', 'overdue', 'due', 'future', 'future']);
    // Due on the date itself is not yet past due.
    expect(scheduleView(life.state, '2026-03-15').rows.slice(0, 3).map((r) => r.status)).toEqual(['overdue', 'due', 'future']);
  });

  it('as of a date, a row owing only a late fee charged after it fell due counts overdue from the charge\'s date, as days past due and close of business count it (qa18)', () => {
    const life = disbursedLoan();
    // Row 1 (due 2026-02-15, 8 884.88) paid in full on its date; a 1.00 late fee for it charged on 2026-02-20.
    life.run(repay('8884.88', 'r1', '2026-02-15'));
    life.run({ type: 'ApplyCharge', data: { kind: 'late-fee', amount: '1.00', dueDate: '2026-02-15', reason: 'returned cheque', date: '2026-02-20', appliedBy: 'officer-1' } });
    // On 02-20 the fee counts from 02-20 itself: 0 days past due, row 1 not overdue; on 02-21, 1 day and overdue.
    expect(summarizeLoan(life.state, '2026-02-20').daysPastDue).toBe(0);
    expect(scheduleView(life.state, '2026-02-20').rows.slice(0, 3).map((r) => r.status)).toEqual(['partially-paid', 'future', 'future']);
    expect(summarizeLoan(life.state, '2026-02-21').daysPastDue).toBe(1);
    expect(scheduleView(life.state, '2026-02-21').rows.slice(0, 3).map((r) => r.status)).toEqual(['overdue', 'due', 'future']);
  });

  it('keeps the state plain JSON so it can be snapshotted', () => {
    const life = disbursedLoan();
    life.run(repay('8884.88', 'r1', '2026-02-15'));
    life.run(eod('2026-03-20'));
    expect(JSON.parse(JSON.stringify(life.state))).toEqual(life.state);
  });
});
