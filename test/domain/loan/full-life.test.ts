import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { Dec } from '../../../src/domain/decimal.js';
import type { LoanEvent, RepaymentReceived } from '../../../src/domain/loan/events.js';
import { payoffQuote } from '../../../src/domain/loan/payoff.js';
import { scheduleView } from '../../../src/domain/loan/schedule-view.js';
import { summarizeLoan } from '../../../src/domain/loan/summary.js';
import { disbursedLoan, eod, repay } from './fixtures.js';

const ofType = <T extends LoanEvent['type']>(events: LoanEvent[], type: T) =>
  events.filter((e): e is Extract<LoanEvent, { type: T }> => e.type === type);

describe('a 12-month loan from disbursement to payoff', () => {
  it('closes with every cent accounted for', () => {
    const life = disbursedLoan();
    // Payments arrive during the day; close of business runs at its end, every day of the loan.
    const payments: Record<string, [string, string][]> = {
      '2026-02-15': [['8884.88', 'r1']],
      '2026-03-15': [['8884.88', 'r2']],
      '2026-04-15': [['8884.88', 'r3']],
      // Installment 4 (due 05-15) paid 45 days late, with installment 5 and both penalties.
      '2026-06-29': [['18658.24', 'r4']],
      '2026-07-15': [['5000.00', 'r5-part']],
      '2026-07-17': [['3884.88', 'r5-rest']],
      // Installment 7 plus 20 000.00 in advance, which pays the bill of 09-15 (installment 8) first, whatever the
      // prepayment strategy, and then the last installments' principal.
      '2026-08-15': [['28884.88', 'r6-prepay']],
    };
    const perDay: Record<string, LoanEvent[]> = {};
    for (let date = '2026-01-16'; date <= '2026-09-10'; date = addDays(date, 1)) {
      for (const [amount, reference] of payments[date] ?? []) life.run(repay(amount, reference, date));
      if (date === '2026-09-10') break;
      perDay[date] = life.run(eod(date));
      expect(life.run(eod(date)), `EOD ${date} twice`).toEqual([]);
    }
    expect(perDay['2026-05-16']).toEqual([
      { type: 'InstallmentOverdue', data: { number: 4, dueDate: '2026-05-15', amountDue: '8884.88', date: '2026-05-16' } },
      { type: 'LoanClassified', data: { from: 'normal', to: 'special-mention', dpd: 1, date: '2026-05-16' } },
    ]);
    expect(perDay['2026-05-19']).toEqual([{ type: 'PenaltyCharged', data: { number: 4, amount: '444.24', date: '2026-05-19' } }]);
    expect(ofType(perDay['2026-06-29'] ?? [], 'LoanClassified')).toEqual([
      { type: 'LoanClassified', data: { from: 'special-mention', to: 'normal', dpd: 0, date: '2026-06-29' } },
    ]);
    // Installment 6 was late two days (within penalty grace): overdue, but no penalty.
    expect(ofType(life.events, 'PenaltyCharged').map((e) => e.data.number)).toEqual([4, 5]);
    expect(life.state.installments[7]?.settled).toBe(true);
    expect(life.state.installments[8]?.paid.principal).toBe('0.00');
    expect(life.state.installments[11]?.paid.principal).toBe(life.state.installments[11]?.due.principal);

    const quote = payoffQuote(life.state, '2026-09-10');
    // Installment 8 runs 08-15 → 09-15 on the principal left (1 % of 23 355.69 = 233.56), paid ahead on 08-15: 26 of its
    // 31 days earned by 09-10, so the payoff takes back the interest of the 5 days not run (a negative interest part).
    const interest8 = new Dec(life.state.installments[7]?.due.interest ?? '0');
    expect(interest8.toFixed(2)).toBe('233.56');
    const earned = interest8.times(26).dividedBy(31).toDecimalPlaces(2);
    expect(quote.interest).toBe(earned.minus(interest8).toFixed(2));
    expect(quote.penalties).toBe('0.00');
    const closing = life.run(repay(quote.total, 'payoff', '2026-09-10'));
    expect(closing.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
    expect(life.state.status).toBe('closed');

    const repayments = ofType(life.events, 'RepaymentReceived');
    const paidIn = repayments.reduce((sum, e) => sum.plus(e.data.amount), new Dec(0));
    const allocated = repayments.reduce((sum, { data: { allocation: a } }: RepaymentReceived) =>
      sum.plus(a.penalty).plus(a.fee).plus(a.interest).plus(a.principal).plus(a.excess), new Dec(0));
    expect(allocated.toFixed(2)).toBe(paidIn.toFixed(2));
    const principalPaid = repayments.reduce((sum, e) => sum.plus(e.data.allocation.principal), new Dec(0));
    expect(principalPaid.toFixed(2)).toBe('100000.00');
    const penaltiesPaid = repayments.reduce((sum, e) => sum.plus(e.data.allocation.penalty), new Dec(0));
    expect(penaltiesPaid.toFixed(2)).toBe('888.48');
    expect(repayments.every((e) => e.data.allocation.excess === '0.00')).toBe(true);

    const summary = summarizeLoan(life.state);
    expect(summary.outstanding).toEqual({ principal: '0.00', interest: '0.00', fees: '0.00', penalties: '0.00', total: '0.00' });
    expect(summary.nextDue).toBeNull();
    expect(scheduleView(life.state).rows.every((row) => row.status === 'paid')).toBe(true);
    expect(life.run(repay(quote.total, 'payoff', '2026-09-10'))).toEqual([]);
    // Staff cannot key money onto a closed loan (money a channel reports lands as credit: channel-money-after-close.test.ts).
    const keyed = repay('1.00', 'after-close', '2026-09-11');
    expect(() => life.run({ ...keyed, data: { ...keyed.data, keyed: { overpaymentConfirmed: true } } } as typeof keyed)).toThrow(/not active/);
  });
});
