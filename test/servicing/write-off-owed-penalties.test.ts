import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { Dec } from '../../src/domain/decimal.js';
import { cutBackTo } from '../../src/domain/loan/evolve.js';
import type { LoanWrittenOff } from '../../src/domain/loan/events.js';
import { LEDGER_ACCOUNTS } from '../../src/domain/loan/ledger-accounts.js';
import { payoffOwedOn, penaltiesOwedBy } from '../../src/domain/loan/penalties-owed-by.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, step, type Step } from './servicing-history.js';

const terms = (type: 'fixed' | 'percent', graceDays: number) => servicingTerms({
  writeOffDpd: 0,
  penalty: type === 'fixed' ? { type, value: '25.00', cap: null, graceDays } : { type, value: '5', cap: '60.00', graceDays },
});

/** Histories before the write-off (which the property approves itself, at the end). */
const historyStep = step.filter((s): s is Exclude<Step, { op: 'writeOff' | 'recover' }> => s.op !== 'writeOff' && s.op !== 'recover');

const sum = (...amounts: string[]) => amounts.reduce((total, a) => total.plus(a), new Dec(0)).toFixed(2);

describe('a write-off takes the payoff owed on its date, penalties owed by then included, and records them first', () => {
  it('over random histories, closed on random nights or not, written off on a random earlier date: the penalties owed by that date are recorded first (PenaltyCharged, reason LoanWrittenOff), the claim written off is payoffOwedOn that date part by part, and the ledger equals the loan\'s figures (random histories)', async () => {
    let written = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(historyStep, { minLength: 1, maxLength: 25 }), fc.constantFrom('fixed' as const, 'percent' as const), fc.integer({ min: 0, max: 4 }),
      fc.boolean(), fc.constantFrom(0, 0, 1, 5, 20, 35),
      async (steps, type, grace, closeNightly, back) => {
        const loan = new ServicedLoan('WO', terms(type, grace));
        let today = DISBURSED;
        loan.context = { lastClose: null };
        for (const [n, s] of steps.entries()) {
          if (s.op === 'advance') {
            for (let d = 0; d < s.days; d++) {
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
        const date = addDays(today, -back) < DISBURSED ? DISBURSED : addDays(today, -back);
        if (!attempt(loan, { type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'uncollectable', date } }, today)) return;
        // What the borrower owed that day: the quote a payment of that date would close the loan with, on the loan cut back to it.
        const cut = structuredClone(loan.state);
        cutBackTo(cut, date);
        const owed = payoffOwedOn(cut, date);
        const penalties = penaltiesOwedBy(loan.state, date, 'LoanWrittenOff');
        const before = loan.log.events.length;
        if (!attempt(loan, { type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date } }, today)) return;
        written += 1;
        const recorded = loan.log.events.slice(before);
        expect(recorded.map((e) => e.type)).toEqual([...penalties.map(() => 'PenaltyCharged'), 'LoanWrittenOff']);
        expect(recorded.slice(0, -1).map((e) => e.data), 'owed penalties recorded first').toEqual(penalties.map((e) => e.data));
        const data = (recorded[recorded.length - 1] as { data: LoanWrittenOff['data'] }).data;
        const notBooked = data.notBooked ?? { interest: '0.00', fees: '0.00' };
        expect({
          principal: data.principal, interest: sum(data.interest, notBooked.interest), fees: sum(data.fees, notBooked.fees),
          penalties: data.penalties, refundDue: data.refundDue ?? '0.00',
        }, 'written off = owed that day, part by part').toEqual({
          principal: owed.principal, interest: owed.interest, fees: owed.fees, penalties: owed.penalties, refundDue: owed.refundDue,
        });
        expect(loan.state.writtenOff?.claim, 'the claim is the quote owed').toBe(owed.total);
        const ledger = await loan.ledger();
        expect(ledger.balanced).toBe(true);
        const figures = loan.figures();
        for (const account of LEDGER_ACCOUNTS) expect(ledger.balances[account], account).toBe(figures.ledger[account]);
      },
    ), { numRuns: Number(process.env.WRITE_OFF_RUNS ?? 150) });
    expect(written).toBeGreaterThan(0);
  }, 600_000);
});

describe('a write-off of a loan no close has charged records the penalties owed by its date', () => {
  it('3 000.00 from 2024-01-15, a fixed 25.00 penalty after 2 grace days, never paid, no close run: written off on 03-20 for 3 101.73, both rows\' penalties recorded first (before: 3 051.73 and no penalty)', async () => {
    const loan = new ServicedLoan('WOx', terms('fixed', 2));
    loan.run({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'uncollectable', date: '2024-03-20' } }, '2024-03-20');
    const events = loan.run({ type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: '2024-03-20' } }, '2024-03-20');
    // Row 1 (due 02-15) and row 2 (due 03-15) were unpaid at the end of their grace (02-17, 03-17): 25.00 each, dated 02-18 and 03-18.
    expect(events.slice(0, 2)).toEqual([
      { type: 'PenaltyCharged', data: { number: 1, amount: '25.00', date: '2024-02-18', reason: 'LoanWrittenOff' } },
      { type: 'PenaltyCharged', data: { number: 2, amount: '25.00', date: '2024-03-18', reason: 'LoanWrittenOff' } },
    ]);
    // Interest: rows 1 and 2 (30.00 + 20.10) and row 3's 10.10 for 5 of its 31 days (03-15 → 04-15): 1.63; 51.73, none of it
    // accrued (no close ran), so not booked. Penalties 50.00, booked as they are recorded. 3 000.00 + 51.73 + 50.00 = 3 101.73.
    expect(events[2]).toMatchObject({ type: 'LoanWrittenOff', data: { principal: '3000.00', interest: '0.00', fees: '0.00', penalties: '50.00', notBooked: { interest: '51.73', fees: '0.00' } } });
    expect(loan.state.writtenOff).toMatchObject({ total: '3050.00', claim: '3101.73' });
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    expect(balances).toMatchObject({ losses_written_off: '3050.00', penalty_income: '-50.00', penalty_receivable: '0.00', loan_portfolio: '0.00' });
  });
});
