import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { Dec } from '../../src/domain/decimal.js';
import { LEDGER_ACCOUNTS } from '../../src/domain/loan/ledger-accounts.js';
import { payoffQuote } from '../../src/domain/loan/payoff.js';
import { chargedPenaltyRows, penaltiesOwed } from '../../src/domain/loan/late-paid-penalty.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, step, type Step } from './servicing-history.js';

const penaltyTerms = (type: 'fixed' | 'percent', graceDays: number) => servicingTerms({
  penalty: type === 'fixed' ? { type, value: '25.00', cap: null, graceDays } : { type, value: '5', cap: '60.00', graceDays },
});

/** Histories that change what was paid when (no reschedule, write-off or recovery: their own rules). */
const historyStep = step.filter((s): s is Exclude<Step, { op: 'reschedule' | 'writeOff' | 'recover' }> => s.op !== 'reschedule' && s.op !== 'writeOff' && s.op !== 'recover');

async function ledgerEqualsFigures(loan: ServicedLoan): Promise<void> {
  const ledger = await loan.ledger();
  expect(ledger.balanced).toBe(true);
  const figures = loan.figures();
  for (const account of LEDGER_ACCOUNTS) expect(ledger.balances[account], account).toBe(figures.ledger[account]);
}

describe('a penalty is owed from the first day after its grace, whether or not a close has charged it (QA 9 Q5)', () => {
  it('over random histories, closed on random nights: paying the payoff quote on the business date, before that night\'s close, closes the loan with every penalty the rule makes owed by then charged, and nothing is left for a close; paying 0.01 less leaves exactly 0.01 owed after the close (random histories)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(historyStep, { minLength: 1, maxLength: 25 }), fc.constantFrom('fixed' as const, 'percent' as const), fc.integer({ min: 0, max: 4 }), fc.boolean(), fc.boolean(),
      async (steps, type, grace, closeNightly, short) => {
        const loan = new ServicedLoan('Q5', penaltyTerms(type, grace));
        let today = DISBURSED;
        loan.context = { lastClose: null };
        for (const [n, s] of steps.entries()) {
          if (s.op === 'advance') {
            for (let d = 0; d < s.days; d++) {
              // Nights may be missed: a loan keyed in late, or a close that has not run yet.
              if (closeNightly) {
                loan.close(today);
                loan.context = { lastClose: today };
              }
              today = addDays(today, 1);
            }
          }
          const command = commandFor(s, today, n, loan.state);
          if (command) attempt(loan, command, today);
        }
        if (loan.state.status !== 'active' && loan.state.status !== 'overdue') return;
        const owedBefore = penaltiesOwed(loan.state, today, chargedPenaltyRows(loan.state));
        const quote = loan.payoff(today);
        const amount = short ? new Dec(quote.total).minus('0.01').toFixed(2) : quote.total;
        if (!new Dec(amount).gt(0)) return;
        const recorded = loan.repay(amount, 'PAYOFF', today);
        expect(recorded.filter((e) => e.type === 'PenaltyCharged').map((e) => e.data), 'charged before the payment, in its append')
          .toEqual(owedBefore.map((e) => ({ ...(e.data as object), reason: 'RepaymentReceived' })));
        const closed = loan.close(today);
        expect(closed.filter((e) => e.type === 'PenaltyCharged'), 'nothing left for the close to charge').toEqual([]);
        if (short) {
          expect(loan.state.status === 'active' || loan.state.status === 'overdue', 'still open').toBe(true);
          expect(loan.payoff(today).total, 'owes the shortfall only').toBe('0.01');
        } else {
          expect(loan.state.status, 'the quote closes the loan').toBe('closed');
        }
        await ledgerEqualsFigures(loan);
      },
    ), { numRuns: Number(process.env.PENALTY_RULE_RUNS ?? 150) });
  }, 600_000);

  // QA 9 Q5: 12 000.00 over 12 months, a fixed 50.00 penalty after 3 grace days; row 1 due 2026-07-30 (grace ends 08-02).
  const qaLoan = () => {
    const loan = new ServicedLoan('QA9', servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } }), '12000.00', 12, '2026-06-30');
    for (let day = '2026-06-30'; day <= '2026-08-02'; day = addDays(day, 1)) loan.close(day);
    loan.context = { lastClose: '2026-08-02' };
    return loan;
  };

  it('QA 9 Q5: the quote of 08-03, before that night\'s close, is the quote without the penalty plus the 50.00 of row 1, and paying it closes the loan; the close of 08-03 then has nothing to charge', () => {
    const a = qaLoan();
    expect(a.state.penalties).toEqual([]);
    const without = payoffQuote(a.state, '2026-08-03');
    const quote = a.payoff('2026-08-03');
    expect(quote.penalties).toBe('50.00');
    expect(new Dec(quote.total).minus(without.total).toFixed(2)).toBe('50.00');
    const events = a.repay(quote.total, 'A-PAYOFF', '2026-08-03');
    expect(events[0]).toEqual({ type: 'PenaltyCharged', data: { number: 1, amount: '50.00', date: '2026-08-03', reason: 'RepaymentReceived' } });
    expect(a.state.status).toBe('closed');
    expect(a.close('2026-08-03')).toEqual([]);
  });

  it('QA 9 Q5: paying the quote less 0.01 costs the same penalty, not 50.00 more than paying the quote: 0.01 is left', () => {
    const b = qaLoan();
    const quote = b.payoff('2026-08-03');
    b.repay(new Dec(quote.total).minus('0.01').toFixed(2), 'B-PART', '2026-08-03');
    b.close('2026-08-03');
    expect(b.state.penalties.map((p) => [p.number, p.amount, p.date])).toEqual([[1, '50.00', '2026-08-03']]);
    expect(b.payoff('2026-08-03').total).toBe('0.01');
  });

  it('QA 9 Q5: a loan keyed in late (no close since the disbursement) quoted on 09-10 owes both rows\' penalties (07-30 and 08-30 past their grace), 100.00', () => {
    const loan = new ServicedLoan('QA9b', servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } }), '12000.00', 12, '2026-06-30');
    const quote = loan.payoff('2026-09-10');
    expect(quote.penalties).toBe('100.00');
    loan.repay(quote.total, 'PAYOFF', '2026-09-10');
    expect(loan.state.status).toBe('closed');
    expect(loan.state.penalties.map((p) => [p.number, p.date])).toEqual([[1, '2026-08-03'], [2, '2026-09-03']]);
  });
});
