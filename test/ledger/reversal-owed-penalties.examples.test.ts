import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { owedOn } from '../../src/domain/loan/penalties-owed-by.js';
import { loanFigures } from '../../src/domain/loan/figures.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

const reverse = (loan: ServicedLoan, reference: string, date: string) =>
  loan.run({ type: 'ReverseRepayment', data: { reference, reason: 'bounced', effectiveDate: date, reversedBy: 'officer-1' } }, date);

describe('QA 12 Q1: a reversal that leaves later payments paying penalties records those penalties, so the ledger shows the loan at once', () => {
  it('given 12 000.00 / 12 % / 12 (fixed penalty 50.00, grace 3) paid 1 066.19 on each due date 07-01 … 11-01, when the 08-01 payment is reversed on 12-01, then principal is 8 308.09 in the loan and in the GL, and penalty income 200.00', async () => {
    const loan = new ServicedLoan('QA12-Q1', servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } }), '12000.00', 12, '2026-06-01');
    for (const due of ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01']) loan.repay('1066.19', `p-${due}`, due);
    const events = reverse(loan, 'p-2026-08-01', '2026-12-01');
    // By hand (penalty → interest → principal, oldest row first): 07-01 pays row 1 120.00 + 946.19; 09-01 row 2
    // 50 + 110.54 + 905.65; 10-01 row 2 50.00, row 3 50 + 100.98 + 865.21; 11-01 row 3 100.00, row 4 50 + 91.33 +
    // 824.86: principal repaid 3 691.91, 8 308.09 left; rows 2–4's penalties (150.00) paid, row 5's (11-05) owed.
    expect(events.map((e) => e.type)).toEqual(['RepaymentReversed', 'PenaltyCharged', 'PenaltyCharged', 'PenaltyCharged', 'PenaltyCharged']);
    expect(events.slice(1).map((e) => e.data)).toEqual([2, 3, 4, 5].map((number, i) => ({
      number, amount: '50.00', date: ['2026-08-05', '2026-09-05', '2026-10-05', '2026-11-05'][i], reason: 'RepaymentReversed',
    })));
    const shown = loanFigures(owedOn(loan.state, '2026-12-01'));
    expect(shown.outstanding).toMatchObject({ principal: '8308.09', penalties: '50.00' });
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances.loan_portfolio).toBe('8308.09');
    expect(balances.penalty_income).toBe('-200.00');
    expect(balances.penalty_receivable).toBe('50.00');
    expect(balances).toEqual(shown.ledger);
  });
});

describe('QA 12 Q4: penalties recorded after the fact are booked on the loan\'s latest booking date, never in a closed month', () => {
  const personal = servicingTerms({
    annualRate: '14.4', dayCount: 'ACT/365', fees: [{ kind: 'origination', type: 'percent', value: '1' }],
    penalty: { type: 'percent', value: '5', cap: '300.00', graceDays: 3 }, principal: { min: '5000.00', max: '200000.00' }, term: { min: 12, max: 36 },
  });

  it('given a 75 000.00 / 14.4 % / 36 loan closed nightly from 06-02, paid 2 577.92 on each due date, when the 08-02 payment is reversed on 12-01 and 12-01 is closed, then the 128.90 penalties keep their value dates and are booked 2026-12-01, and no past trial balance moves', async () => {
    const loan = new ServicedLoan('QA12-Q4', personal, '75000.00', 36, '2026-06-02');
    for (let day = '2026-06-03'; day <= '2026-11-30'; day = addDays(day, 1)) {
      if (day.endsWith('-02')) loan.repay('2577.92', `p-${day}`, day);
      loan.close(day);
      loan.context = { lastClose: day };
    }
    expect(loan.state.penalties).toEqual([]);
    const monthEnds = ['2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30'];
    const before = buildBalances((await loan.ledger()).journal, monthEnds);
    reverse(loan, 'p-2026-08-02', '2026-12-01');
    loan.close('2026-12-01');
    const { journal, balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    // 5 % × 2 577.92 = 128.896 → 128.90 on rows 2 … 5, each dated the first day after its grace (due 02 + 3 days).
    const penalties = journal.filter((e) => e.kind === 'penalty_charge');
    expect(penalties.map((e) => [e.valueDate, e.date])).toEqual([['2026-08-06', '2026-12-01'], ['2026-09-06', '2026-12-01'], ['2026-10-06', '2026-12-01'], ['2026-11-06', '2026-12-01']]);
    expect(loan.state.penalties.map((p) => p.amount)).toEqual(['128.90', '128.90', '128.90', '128.90']);
    expect(journal.filter((e) => Number(e.position) > Number(before.position) && e.date !== '2026-12-01')).toEqual([]);
    expect(buildBalances(journal, monthEnds).asOf).toEqual(before.asOf);
    expect(balances).toEqual(loanFigures(owedOn(loan.state, '2026-12-01')).ledger);
  });

  it('a penalty waiver dated 11-14 recorded on 12-01, after a late fee booked 12-01, books the row-5 penalty it records first on 12-01, not on its 11-05 value date', async () => {
    const loan = new ServicedLoan('QA12-Q4b', servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } }), '12000.00', 12, '2026-06-01');
    for (const due of ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01']) loan.repay('1066.19', `p-${due}`, due);
    loan.run({ type: 'ApplyCharge', data: { kind: 'late-fee', amount: '30.00', dueDate: '2026-11-20', reason: 'test', date: '2026-12-01', appliedBy: 'officer-1' } }, '2026-12-01');
    const booked = (await loan.ledger()).journal;
    expect(booked.map((e) => e.date).sort().at(-1)).toBe('2026-12-01');
    const events = loan.run({ type: 'WaiveCharge', data: { kind: 'penalty', amount: null, reason: 'goodwill', effectiveDate: '2026-11-14' } }, '2026-12-01');
    // Row 5 (due 11-01) unpaid at the end of its grace (11-04): its 50.00 is owed from 11-05, recorded by the waiver first.
    expect(events.map((e) => e.type)).toEqual(['PenaltyCharged', 'ChargeWaived']);
    expect(events[0]?.data).toEqual({ number: 5, amount: '50.00', date: '2026-11-05', reason: 'ChargeWaived' });
    const { journal } = await loan.ledger();
    const added = journal.filter((e) => !booked.some((b) => b.id === e.id));
    expect(added.map((e) => [e.kind, e.valueDate, e.date])).toEqual([['penalty_charge', '2026-11-05', '2026-12-01'], ['waiver', '2026-11-14', '2026-12-01']]);
    expect(buildTrialBalance(journal, '2026-11-30').rows).toEqual(buildTrialBalance(booked, '2026-11-30').rows);
  });
});

/** The trial balance rows as of each date, and the last journal position so far. */
function buildBalances(journal: { position: string; date: string }[] & Parameters<typeof buildTrialBalance>[0], dates: string[]) {
  return {
    position: journal.map((e) => e.position).sort((a, b) => Number(a) - Number(b)).at(-1) ?? '0',
    asOf: Object.fromEntries(dates.map((d) => [d, buildTrialBalance(journal, d).rows])),
  };
}
