import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { earnedInterest } from '../../src/domain/loan/accrual.js';
import { loanContext } from '../../src/domain/loan/payoff.js';
import { stateAsOf } from '../../src/domain/loan/state-as-of.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

describe('a close that charges a back-dated penalty accrues on the loan as the penalty leaves it', () => {
  it('a bounced in-time payment reversed on 02-29, dated 02-15: the reversal charges row 1\'s 51.00 (dated 02-19, as the closes through 02-28 would have), the 02-20 payment pays it first and nothing ahead, so row 2 earns 9.70 to 02-29 — the event says 9.70, as the ledger books (before: 9.71)', async () => {
    // 3 000.00 at 12 % over 3 months from 2024-01-15, a 5 % penalty (cap 60.00) after 3 grace days, closed every night.
    const loan = new ServicedLoan('AC1', servicingTerms({ penalty: { type: 'percent', value: '5', cap: '60.00', graceDays: 3 } }));
    let day = '2024-01-15';
    const closeBefore = (date: string) => {
      for (; day < date; day = addDays(day, 1)) {
        loan.close(day);
        loan.context = { lastClose: day };
      }
    };
    closeBefore('2024-02-15');
    loan.repay('1020.07', 'p1', '2024-02-15'); // row 1 in full, on its due date
    closeBefore('2024-02-20');
    loan.repay('1040.18', 'p2', '2024-02-20');
    closeBefore('2024-02-29');
    // Dated 02-15 (the bounce's value date), the reversal records the penalties owed by then (none, QA 12 Q1) and those the
    // closes through the last one (02-28) would have charged on the history without p1: row 1's, dated 02-19.
    const reversal = loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-02-15', reversedBy: 'officer-1' } }, '2024-02-29');
    expect(reversal.find((e) => e.type === 'PenaltyCharged')?.data).toEqual({ number: 1, amount: '51.00', date: '2024-02-19', reason: 'RepaymentReversed' });
    const closed = loan.close('2024-02-29');
    // Without p1, row 1 (1 020.07) was unpaid at the end of 02-18: 5 % = 51.00, dated 02-19. p2 (02-20) pays it, row 1's
    // 30.00 interest and 959.18 of its principal, and nothing of row 2. Row 2 (02-15 → 03-15, 29 days, 20.10) earned
    // 20.10 × 14/29 = 9.70 by 02-29. Priced without the penalty, p2 paid row 2 ahead from 02-20 and its interest split
    // there: 20.10 × 5/29 = 3.47, then 16.63 × 9/24 = 6.24, 9.71 — what the event said while the ledger booked 9.70.
    expect(closed.find((e) => e.type === 'PenaltyCharged'), 'charged once, by the reversal').toBeUndefined();
    expect(closed.find((e) => e.type === 'InterestAccrued')?.data).toEqual({ date: '2024-02-29', from: '2024-02-15', to: '2024-02-29', amount: '9.70' });
    const { journal, balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    const accrual = loan.log.events.find((e) => e.type === 'InterestAccrued' && (e.data as { date: string }).date === '2024-02-29');
    const lines = journal.filter((j) => j.eventId === accrual?.eventId).flatMap((j) => j.lines).filter((l) => l.account === 'interest_income');
    expect(lines).toEqual([{ account: 'interest_income', side: 'credit', amount: '9.70' }]);
  });

  it('a prepayment dated 03-01, recorded before a catch-up, re-bases row 2 a second time: its 02-29 accrual (recorded by the catch-up close of 02-29, the only close of that night) is the 4.93 it earned, in the event and the ledger (before: the ledger 4.92)', async () => {
    // The accrual-event-as-posted property's seed 365697679: 3 000.00 at 12 % over 3 months from 2024-01-15, no penalty.
    const loan = new ServicedLoan('AC2', servicingTerms());
    loan.repay('1020.06', 'p1', '2024-02-04');
    loan.repay('1999.94', 'p2', '2024-02-05'); // with p1 the loan is paid off (LoanClosed)
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-03-01', reversedBy: 'officer-1' } }, '2024-03-01');
    loan.run({ type: 'ReceiveRepayment', data: { amount: '0.01', channel: 'online', reference: 'p3', effectiveDate: '2024-03-01' } }, '2024-03-01');
    loan.run({ type: 'ReceiveRepayment', data: { amount: '33.15', channel: 'online', reference: 'p4', effectiveDate: '2024-02-27' } }, '2024-03-01');
    // Closed only now, every night since the disbursement (a catch-up).
    const accrued: Record<string, unknown>[] = [];
    for (let day = '2024-01-15'; day < '2024-04-05'; day = addDays(day, 1)) {
      accrued.push(...loan.close(day).filter((e) => e.type === 'InterestAccrued').map((e) => e.data));
      loan.context = { lastClose: day };
    }
    // Without p1, p2 (02-05) pays row 1 and leaves 1 023.68 of principal on rows 2 and 3: row 2 owes 1 % of it, 10.24, over
    // 02-15 → 03-15 (29 days). By 02-27 it earned 10.24 × 12/29 = 4.24; p4 pays its interest and 23.05 of principal, and
    // re-bases the rest, 6.00 × 1 000.63 / 1 023.68 = 5.86 (interest 10.10), earned evenly over the 17 days left: by 02-29
    // 4.24 + 5.86 × 2/17 = 4.93. p3 (03-01) re-bases it again (by 03-01: 4.24 + 5.86 × 3/17 = 5.27), and nothing before
    // 03-01 moves. Before, the second re-basing forgot the first and re-spread 5.27 evenly from 02-15: 5.27 × 14/15 = 4.92
    // by 02-29, which the ledger booked, the close (on the loan as of 02-29, without p3) having priced 4.93.
    expect(accrued.find((a) => a.date === '2024-02-29')).toEqual({ date: '2024-02-29', from: '2024-02-15', to: '2024-02-29', amount: '4.93' });
    expect(accrued.find((a) => a.date === '2024-03-15')).toEqual({ date: '2024-03-15', from: '2024-02-29', to: '2024-03-15', amount: '5.17' });
    const row2 = loan.state.installments[1];
    expect(row2?.due.interest).toBe('10.10');
    const ctx = loanContext(loan.state);
    for (const [date, earned] of [['2024-02-27', '4.24'], ['2024-02-29', '4.93'], ['2024-03-01', '5.27']] as const) {
      expect(row2 && earnedInterest(row2, date, ctx).toFixed(2), date).toBe(earned);
      const asOf = stateAsOf(loan.state, date).installments[1];
      expect(asOf && earnedInterest(asOf, date, ctx).toFixed(2), `${date} as of then`).toBe(earned);
    }
    const { journal, balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    const income = (date: string) => {
      const event = loan.log.events.find((e) => e.type === 'InterestAccrued' && (e.data as { date: string }).date === date);
      return journal.filter((j) => j.eventId === event?.eventId).flatMap((j) => j.lines).filter((l) => l.account === 'interest_income');
    };
    expect(income('2024-02-29')).toEqual([{ account: 'interest_income', side: 'credit', amount: '4.93' }]);
    expect(income('2024-03-15')).toEqual([{ account: 'interest_income', side: 'credit', amount: '5.17' }]);
  });
});

describe('a catch-up close of a night a reversal reopened is booked on that night, as closing nightly books it', () => {
  it('the accrual-event-as-posted property\'s seed -1547811517: paid off on 02-05, reopened by a reversal on 02-29, all interest waived on 03-02, then closed as a catch-up: the 02-29 accrual says 4.94 and the ledger books 4.94 on 02-29 and takes back 0.35 on 03-02 (before: 4.59, booked on 03-02 as a correction)', async () => {
    // 3 000.00 at 12 % over 3 months from 2024-01-15, no penalty; no close has run yet.
    const build = () => {
      const loan = new ServicedLoan('AC3', servicingTerms());
      loan.repay('1020.06', 'p1', '2024-02-04');
      loan.repay('1999.94', 'p2', '2024-02-05'); // with p1 the loan is paid off (LoanClosed)
      return loan;
    };
    const reversal = { type: 'ReverseRepayment' as const, data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-02-29', reversedBy: 'officer-1' } };
    const waiver = { type: 'WaiveCharge' as const, data: { kind: 'interest' as const, amount: null, reason: 'goodwill', effectiveDate: '2024-03-02' } };
    const closeThrough = (loan: ServicedLoan, from: string, to: string) => {
      for (let day = from; day <= to; day = addDays(day, 1)) {
        loan.close(day);
        loan.context = { lastClose: day };
      }
    };
    const catchUp = build();
    catchUp.run(reversal, '2024-02-29');
    // Without p1, row 2 owes 10.24 of interest over 02-15 → 03-15 (29 days); by 03-02 it earned 10.24 × 16/29 = 5.65, all waived.
    expect(catchUp.run(waiver, '2024-03-02')[0]).toMatchObject({ data: { amount: '5.65', installments: [{ number: 2, amount: '5.65' }] } });
    closeThrough(catchUp, '2024-01-15', '2024-04-05');
    const accrual = catchUp.log.events.find((e) => e.type === 'InterestAccrued' && (e.data as { date: string }).date === '2024-02-29');
    // The close of 02-29 judges the facts dated by then: row 2 earned 10.24 × 14/29 = 4.94 by 02-29.
    expect(accrual?.data).toEqual({ date: '2024-02-29', from: '2024-02-15', to: '2024-02-29', amount: '4.94' });
    const { journal } = await catchUp.ledger();
    const lines = journal.filter((j) => j.eventId === accrual?.eventId).map((j) => [j.date, j.lines.filter((l) => l.account === 'interest_income')]);
    // On its night what that night knew; on 03-02 the waiver leaves 10.24 − 5.65 = 4.59 to collect, so 0.35 of it is no income.
    expect(lines).toEqual(expect.arrayContaining([
      ['2024-02-29', [{ account: 'interest_income', side: 'credit', amount: '4.94' }]],
      ['2024-03-02', [{ account: 'interest_income', side: 'debit', amount: '0.35' }]],
    ]));
    expect(lines).toHaveLength(2);
    // Closing nightly: the 02-29 close accrues after the reversal, and the waiver takes back the 0.35.
    const nightly = build();
    closeThrough(nightly, '2024-01-15', '2024-02-28');
    nightly.run(reversal, '2024-02-29');
    closeThrough(nightly, '2024-02-29', '2024-03-01');
    nightly.run(waiver, '2024-03-02');
    closeThrough(nightly, '2024-03-02', '2024-04-05');
    const [a, b] = [(await nightly.ledger()).journal, (await catchUp.ledger()).journal];
    for (const date of ['2024-02-29', '2024-03-02', '2024-03-31']) {
      expect(Object.fromEntries(buildTrialBalance(b, date).rows.map((r) => [r.account, r.balance])), `as of ${date}`)
        .toEqual(Object.fromEntries(buildTrialBalance(a, date).rows.map((r) => [r.account, r.balance])));
    }
  });
});

describe('an accrual a history change records is priced on the loan as it stands, as the ledger books it', () => {
  it('seedhunt14 N1 (seed 732196730): a loan non-performing since 05-16 (rescheduled on 05-01 to one row due 06-01) is paid 887.94 dated 06-02, then 1 555.09 dated 06-01, which cures it as of 06-01: the second payment records the 06-01 posting 0.32 — the 887.94 had paid 4.58 of the row\'s interest, 0.01 more than its performing days earned to 05-31, income already — and the ledger books 0.32 (before: the event said 0.33, priced as of 06-01 without the 887.94)', async () => {
    const loan = new ServicedLoan('AC2', servicingTerms({ writeOffDpd: 400, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 1 } }));
    let day = '2024-01-15';
    const closeBefore = (date: string) => {
      for (; day < date; day = addDays(day, 1)) {
        loan.close(day);
        loan.context = { lastClose: day };
      }
    };
    closeBefore('2024-02-04');
    loan.repay('500.00', 'p1', '2024-02-04');
    closeBefore('2024-02-05');
    loan.repay('10.00', 'p2', '2024-02-05');
    closeBefore('2024-02-15');
    loan.run({ type: 'ReverseRepayment', data: { reference: 'p1', reason: 'bounced', effectiveDate: '2024-02-15', reversedBy: 'officer-1' } }, '2024-02-15');
    loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2024-02-15', annualRate: '6', term: 3 } }, '2024-02-15');
    closeBefore('2024-05-01');
    loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2024-05-01', annualRate: '18', term: 1 } }, '2024-05-01');
    closeBefore('2024-06-02');
    expect(loan.state.classification).toBe('substandard');
    expect(loan.state.interestAccruedThrough).toBe('2024-05-31');
    const before = (await loan.ledger()).journal;
    loan.repay('887.94', 'p5', '2024-06-02');
    const cure = loan.run({ type: 'ReceiveRepayment', data: { amount: '1555.09', channel: 'online', reference: 'p6', effectiveDate: '2024-06-01' } }, '2024-06-02');
    const accrued = cure.filter((e) => e.type === 'InterestAccrued');
    expect(accrued.map((e) => e.data)).toEqual([{ date: '2024-06-01', from: '2024-05-31', to: '2024-06-01', amount: '0.32', reason: 'RepaymentReceived' }]);
    const { journal } = await loan.ledger();
    const income = journal.filter((e) => !before.some((b) => b.id === e.id)).map((e) => [e.kind, e.lines.find((l) => l.account === 'interest_income')?.amount ?? null]);
    expect(income).toEqual([['repayment', null], ['repayment', '0.01'], ['interest_accrual', '0.32']]);
  });
});
