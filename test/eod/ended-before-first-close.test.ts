import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { DISBURSED, everyDay, monthEnds, payments } from './close-history.js';

/**
 * QA 12 Q2: no close of business runs on a loan once it is paid off or written off, so a loan keyed
 * in late and ended before its first close never had the month-ends it missed booked: a write-off
 * left the interest earned while performing out of income and the loss, a payoff booked it all as
 * income on its own date. The ending command now records what the closes it missed would have first.
 */

const penalty = { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } as const;
const product = () => servicingTerms({ writeOffDpd: 90, penalty });
const rowsAsOf = (journal: JournalEntry[], date: string) => buildTrialBalance(journal, date).rows.map(({ account, balance }) => ({ account, balance }));
const balancesOf = (journal: JournalEntry[]) => Object.fromEntries(rowsAsOf(journal, '9999-12-31').map((r) => [r.account, r.balance]));

/** Writes the loan off on `date` (requested and approved by two people), the pipeline knowing the last close. */
function writeOff(loan: ServicedLoan, date: string) {
  loan.run({ type: 'RequestWriteOff', data: { requestedBy: 'officer-1', reason: 'uncollectable', date } }, date);
  return loan.run({ type: 'ApproveWriteOff', data: { approvedBy: 'checker-1', date } }, date);
}

describe('a loan ended before its first close books what the closes it missed would have (QA 12 Q2)', () => {
  it('QA 12 Q2: 100 000.00 over 12 months at 12 %, disbursed 2026-01-15, nothing paid, keyed in and written off on 2026-12-01 (last close 11-30) books 3 545.67 of interest earned to the 90th day past due and a 104 045.67 loss, as the loan first closed does', async () => {
    const caughtUp = new ServicedLoan('B', product(), '100000.00', 12, '2026-01-15');
    caughtUp.context = { lastClose: '2026-11-30' };
    caughtUp.close('2026-11-30');
    writeOff(caughtUp, '2026-12-01');
    const keyedIn = new ServicedLoan('A', product(), '100000.00', 12, '2026-01-15');
    keyedIn.context = { lastClose: '2026-11-30' };
    const events = writeOff(keyedIn, '2026-12-01');
    expect(events.filter((e) => e.type === 'InterestAccrued').length, 'the month-ends it missed, recorded first').toBeGreaterThan(0);
    expect(events.at(-1)?.type).toBe('LoanWrittenOff');
    const [a, b] = [(await keyedIn.ledger()).journal, (await caughtUp.ledger()).journal];
    // By hand: interest to the 90th day past due (row 1 due 02-15 → 05-16): rows 1–4 1 000.00 + 921.15 + 841.51 + 761.08, and row 5's 679.84 × 1/31 = 21.93.
    expect(balancesOf(a)).toMatchObject({ interest_income: '-3545.67', losses_written_off: '104045.67' });
    expect(balancesOf(a)).toEqual(balancesOf(b));
    for (const date of ['2026-02-28', '2026-05-31', '2026-06-30', '2026-11-30']) expect(rowsAsOf(a, date), `as of ${date}`).toEqual(rowsAsOf(b, date));
  });

  it('a loan never closed whose disbursement is after the last close records nothing more when it is ended', () => {
    const loan = new ServicedLoan('C', product(), '3000.00', 3, '2026-12-01');
    loan.context = { lastClose: '2026-11-30' };
    const events = loan.repay(loan.payoff('2026-12-01').total, 'p', '2026-12-01');
    expect(events.map((e) => e.type)).toEqual(['RepaymentReceived', 'LoanClosed']);
  });

  it('over random payment histories ended by a payoff or a write-off on a random day, every account as of every month-end is the same whether the loan was closed nightly or keyed in with its history and ended before any close', async () => {
    const ends = everyDay().filter((_, i) => i % 23 === 7);
    await fc.assert(fc.asyncProperty(payments, fc.constantFrom(...ends), fc.boolean(), async (history, end, writtenOff) => {
      const lastClose = addDays(end, -1);
      const paid = history.filter((p) => p.date <= end);
      const nightly = new ServicedLoan('L1', product(), '100000.00', 12, DISBURSED);
      let next = 0;
      for (const day of everyDay().filter((d) => d < end)) {
        nightly.context = { lastClose: addDays(day, -1) };
        for (; next < paid.length && paid[next]!.date <= day; next++) nightly.repay(paid[next]!.amount, paid[next]!.reference, paid[next]!.date);
        nightly.context = { lastClose: day };
        nightly.close(day);
      }
      for (; next < paid.length; next++) nightly.repay(paid[next]!.amount, paid[next]!.reference, paid[next]!.date);
      const keyedIn = new ServicedLoan('L1', product(), '100000.00', 12, DISBURSED);
      keyedIn.context = { lastClose };
      for (const p of paid) keyedIn.repay(p.amount, p.reference, p.date);
      if (nightly.state.status !== 'active' && nightly.state.status !== 'overdue') return;
      const endLoan = (loan: ServicedLoan) => (writtenOff ? writeOff(loan, end) : loan.repay(loan.payoff(end).total, 'payoff', end));
      try {
        endLoan(nightly);
      } catch {
        return; // not yet past the write-off threshold
      }
      const ended = endLoan(keyedIn);
      expect(ended.some((e) => e.type === (writtenOff ? 'LoanWrittenOff' : 'LoanClosed')), 'the loan is ended').toBe(true);
      const a = (await nightly.ledger()).journal;
      const b = (await keyedIn.ledger()).journal;
      for (const date of [...monthEnds().filter((d) => d < end), end]) expect(rowsAsOf(b, date), `as of ${date}, ended ${end}`).toEqual(rowsAsOf(a, date));
    }), { numRuns: Number(process.env.KEYED_LATE_RUNS ?? 12) });
  }, 300_000);
});
