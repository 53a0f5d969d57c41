import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { DISBURSED, monthEnds, payments } from './close-history.js';

/**
 * qa21 #5, #6: a reschedule replaces the loan's rows and a reversal takes a payment out of the
 * replay, as of every date. Recorded before the closes of the nights before its date had run (the
 * book's first close not run yet, or the closes lagging behind), the catch-up then judged those
 * nights on the rewritten history: January showed a debit in received in advance and March's
 * interest and penalty moved to April under a reschedule dated 04-01; May was priced without a
 * payment reversed on 06-20, and the loan went 关注 five weeks before the reversal.
 */

const penalty = { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } as const;
const product = () => servicingTerms({ writeOffDpd: 90, penalty });
const rowsAsOf = (journal: JournalEntry[], date: string) => buildTrialBalance(journal, date).rows.map(({ account, balance }) => ({ account, balance }));

type Rewrite = { kind: 'reschedule'; term: number } | { kind: 'reversal'; of: number };

function rewriteCommand(rewrite: Rewrite, date: string, reference: string | undefined): LoanCommand | null {
  if (rewrite.kind === 'reschedule') return { type: 'Reschedule', data: { reason: 'hardship', effectiveDate: date, term: rewrite.term, annualRate: null } };
  return reference === undefined ? null : { type: 'ReverseRepayment', data: { reference, reason: 'bounced', effectiveDate: date, reversedBy: 'officer-1' } };
}

/**
 * The class the loan ends each date in, as `to@date` from the day it changes: the last move of each date (a payment and
 * the close of its day may both move it, 关注 → 正常 → 关注), where it differs from the day before.
 */
const classes = (loan: ServicedLoan) => loan.log.events.filter((e) => e.type === 'LoanClassified').map((e) => e.data as { to: string; date: string })
  .filter((m, i, all) => !all.slice(i + 1).some((later) => later.date === m.date))
  .filter((m, i, all) => m.to !== (all[i - 1]?.to ?? 'normal')).map((m) => `${m.to}@${m.date}`);

describe('a reschedule or reversal recorded before the closes of the nights before it ran is judged as closing nightly judges it (qa21 #5, #6)', () => {

  const balances = (journal: JournalEntry[], date: string) => Object.fromEntries(buildTrialBalance(journal, date).rows.filter((r) => r.balance !== '0.00').map((r) => [r.account, r.balance]));
  const moves = (loan: ServicedLoan) => loan.log.events.filter((e) => e.type === 'LoanClassified').map((e) => e.data as { to: string; dpd: number; date: string }).map(({ to, dpd, date }) => ({ to, dpd, date }));

  it('qa21 #5: 12 000.00 over 12 months at 12 %, disbursed 2026-01-15, row 1 paid on 02-15, rescheduled over 12 months from 04-01 before the book\'s first close (04-30): January books 61.94 interest receivable, not a debit in received in advance, and March its 162.66 receivable and the 50.00 penalty on row 2', async () => {
    const loan = new ServicedLoan('L1', product(), '12000.00', 12, '2026-01-15');
    loan.context = { lastClose: null };
    loan.repay('1066.19', 'r1', '2026-02-15');
    loan.run({ type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2026-04-01', term: 12, annualRate: null } }, '2026-04-01');
    loan.run({ type: 'CloseBusinessDay', data: { date: '2026-04-30', firstClose: true } }, '2026-04-30');
    const { journal } = await loan.ledger();
    expect(balances(journal, '2026-01-31')).toEqual({ fund_source: '-12000.00', loan_portfolio: '12000.00', interest_receivable: '61.94', interest_income: '-61.94' });
    expect(balances(journal, '2026-03-31')).toEqual({ fund_source: '-10933.81', loan_portfolio: '11053.81', interest_receivable: '162.66', penalty_receivable: '50.00', interest_income: '-282.66', penalty_income: '-50.00' });
    expect(moves(loan)).toEqual([{ to: 'special-mention', dpd: 1, date: '2026-03-16' }]);
  });

  it('qa21 #6: the same loan paid 1 066.19 on each due date from 02-15 to 06-15, the 05-15 payment reversed on 06-20 before the book\'s first close (06-30): May is priced with the payment (42.11 receivable, nothing in received in advance) and the loan goes 关注 as of 06-19 at 35 days past due, as closing nightly records it, not from 05-16', async () => {
    const loan = new ServicedLoan('L1', product(), '12000.00', 12, '2026-01-15');
    loan.context = { lastClose: null };
    ['02-15', '03-15', '04-15', '05-15', '06-15'].forEach((day, i) => loan.repay('1066.19', `r${i + 1}`, `2026-${day}`));
    loan.run({ type: 'ReverseRepayment', data: { reference: 'r4', reason: 'bounced', effectiveDate: '2026-06-20', reversedBy: 'officer-1' } }, '2026-06-20');
    loan.run({ type: 'CloseBusinessDay', data: { date: '2026-06-30', firstClose: true } }, '2026-06-30');
    const { journal } = await loan.ledger();
    expect(balances(journal, '2026-05-31')).toEqual({ fund_source: '-7735.24', loan_portfolio: '8158.09', interest_receivable: '42.11', interest_income: '-464.96' });
    expect(balances(journal, '2026-06-30')).toEqual({ fund_source: '-7735.24', loan_portfolio: '8208.09', interest_receivable: '117.44', penalty_receivable: '50.00', interest_income: '-540.29', penalty_income: '-100.00' });
    expect(moves(loan)).toEqual([{ to: 'special-mention', dpd: 35, date: '2026-06-19' }]);
  });
  it('over random payments, then a reschedule or the reversal of one of them on a random day, recorded before the book\'s first close or while its closes lag behind: every account as of every month-end and the class history are the same as for the loan closed nightly', async () => {
    const rewrite: fc.Arbitrary<Rewrite> = fc.oneof(fc.record({ kind: fc.constant('reschedule' as const), term: fc.integer({ min: 3, max: 18 }) }), fc.record({ kind: fc.constant('reversal' as const), of: fc.nat(11) }));
    await fc.assert(fc.asyncProperty(payments, rewrite, fc.integer({ min: 20, max: 300 }), fc.integer({ min: 1, max: 120 }), fc.constantFrom<number | null>(null, 3, 40), async (history, change, day, after, lag) => {
      const date = addDays(DISBURSED, day);
      const paid = history.filter((p) => p.date <= date);
      const command = rewriteCommand(change, date, change.kind === 'reversal' ? paid[change.of % Math.max(paid.length, 1)]?.reference : undefined);
      if (command === null) return;
      const end = addDays(date, after);
      const recordAll = (loan: ServicedLoan, through: string) => {
        for (const p of paid.filter((q) => q.date <= through)) loan.repay(p.amount, p.reference, p.date);
      };
      // Closed nightly: each fact recorded on its date before that night's close.
      const nightly = new ServicedLoan('L1', product(), '100000.00', 12, DISBURSED);
      let next = 0;
      for (let night = addDays(DISBURSED, 1); night <= end; night = addDays(night, 1)) {
        nightly.context = { lastClose: addDays(night, -1) };
        for (; next < paid.length && paid[next]!.date <= night; next++) nightly.repay(paid[next]!.amount, paid[next]!.reference, paid[next]!.date);
        if (night === date) {
          try {
            nightly.run(command, date);
          } catch {
            return; // refused (a reschedule changing nothing, after interest paid ahead, or of a loan paid off)
          }
        }
        nightly.context = { lastClose: night };
        nightly.close(night);
      }
      // Caught up: the book's first close not run yet (lag null), or its closes standing `lag` days before the change.
      const caughtUp = new ServicedLoan('L1', product(), '100000.00', 12, DISBURSED);
      const closedThrough = lag === null ? null : addDays(date, -lag);
      if (closedThrough !== null && closedThrough <= DISBURSED) return;
      if (closedThrough !== null) {
        let i = 0;
        for (let night = addDays(DISBURSED, 1); night <= closedThrough; night = addDays(night, 1)) {
          caughtUp.context = { lastClose: addDays(night, -1) };
          for (; i < paid.length && paid[i]!.date <= night; i++) caughtUp.repay(paid[i]!.amount, paid[i]!.reference, paid[i]!.date);
          caughtUp.context = { lastClose: night };
          caughtUp.close(night);
        }
        caughtUp.context = { lastClose: closedThrough };
        for (; i < paid.length; i++) caughtUp.repay(paid[i]!.amount, paid[i]!.reference, paid[i]!.date);
      } else {
        caughtUp.context = { lastClose: null };
        recordAll(caughtUp, date);
      }
      caughtUp.run(command, date);
      if (closedThrough === null) {
        caughtUp.run({ type: 'CloseBusinessDay', data: { date: end, firstClose: true } }, end);
      } else {
        for (let night = addDays(closedThrough, 1); night <= end; night = addDays(night, 1)) {
          caughtUp.context = { lastClose: night };
          caughtUp.close(night);
        }
      }
      const a = (await nightly.ledger()).journal;
      const b = (await caughtUp.ledger()).journal;
      const what = `${command.type} on ${date}, closes through ${closedThrough ?? 'none'}`;
      for (const monthEnd of [...monthEnds().filter((d) => d <= end), end]) expect(rowsAsOf(b, monthEnd), `as of ${monthEnd}, ${what}`).toEqual(rowsAsOf(a, monthEnd));
      expect(classes(caughtUp), `class history, ${what}`).toEqual(classes(nightly));
    }), { numRuns: Number(process.env.REWRITE_RUNS ?? 12) });
  }, 300_000);
});
