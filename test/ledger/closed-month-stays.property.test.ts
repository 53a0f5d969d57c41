import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { attempt, commandFor, step } from '../servicing/servicing-history.js';

const terms = servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 }, writeOffDpd: 400 });
const rowsAsOf = (journal: JournalEntry[], date: string) => buildTrialBalance(journal, date).rows.map(({ account, balance }) => ({ account, balance }));

/**
 * Loans in one log (one ledger), closed together each night through `through` as close of business
 * closes them (closeDay): each loan, then the book's BusinessDayClosed; each loan is told that close.
 */
function closeBook(loans: readonly ServicedLoan[], from: string, through: string): void {
  for (let day = from; day <= through; day = addDays(day, 1)) {
    for (const loan of loans) loan.close(day);
    loans[0]!.log.append('closes-book', 'BusinessDayClosed', { date: day }, `${day}T23:59:59.999Z`);
    for (const loan of loans) loan.context = { lastClose: day };
  }
}

/** Month-ends from January 2024 through `last`. */
function monthEndsThrough(last: string): string[] {
  const ends: string[] = [];
  for (let m = 1; ; m++) {
    const end = new Date(Date.UTC(2024, m, 0)).toISOString().slice(0, 10);
    if (end > last) return ends;
    ends.push(end);
  }
}

/**
 * qa-audit: a fact a command records after the book's closes have passed a month-end, dated before
 * it, was booked on the loan's own latest booking date, which can lie in that month when the closes
 * since found nothing to record for that loan (they recorded for others): a payment dated 10-20
 * recorded on 12-04 was booked 11-30 and moved November's trial balance. The book's closes are now in
 * the log (BusinessDayClosed), and the ledger books such a fact no earlier than the first night still
 * open. The invariant: once the book has closed a night, no trial balance as of it or before moves.
 */
describe('a month the book\'s closes have passed keeps its trial balance', () => {
  it('given loan A last judged on its 02-29 month-end and the book closed through 03-05 (B\'s closes recorded, A\'s found nothing), when a payment to A dated 02-20 is recorded on 03-06, then it is booked on 03-06, the first night still open, not 02-29, and February\'s trial balance does not move', async () => {
    const a = new ServicedLoan('A', terms, '3000.00', 3, '2024-01-15');
    const b = new ServicedLoan('B', terms, '3000.00', 3, '2024-02-04', undefined, a.log);
    a.repay('1020.07', 'A-1', '2024-02-15');
    closeBook([a, b], '2024-01-15', '2024-02-03');
    closeBook([a, b], '2024-02-04', '2024-03-05');
    const february = rowsAsOf((await a.ledger()).journal, '2024-02-29');
    const paid = a.repay('500.00', 'A-2', '2024-02-20');
    expect(paid.map((e) => e.type)).toContain('RepaymentReceived');
    const entry = (await a.ledger()).journal.find((e) => e.kind === 'repayment' && e.valueDate === '2024-02-20');
    expect(entry?.date).toBe('2024-03-06');
    expect(rowsAsOf((await a.ledger()).journal, '2024-02-29')).toEqual(february);
  });

  it('a loan keyed in late, after the book closed the nights it was disbursed and paid on, is still booked as closing nightly would have: its disbursement on 01-15 and its payment on 02-15, not on the first open night; what is recorded for it after the book\'s next close is booked from the night after that close', async () => {
    const a = new ServicedLoan('A', terms, '3000.00', 3, '2024-01-10');
    closeBook([a], '2024-01-10', '2024-03-31');
    // B, disbursed on 01-15 and paid on 02-15, is keyed in on 04-01: the closes through 03-31 ran without it.
    const b = new ServicedLoan('B', terms, '3000.00', 3, '2024-01-15', '2024-03-31', a.log);
    b.repay('1020.07', 'B-1', '2024-02-15');
    const entries = (await a.ledger()).journal.filter((e) => e.loanId === 'B');
    expect(entries.find((e) => e.kind === 'disbursement')?.date).toBe('2024-01-15');
    expect(entries.find((e) => e.kind === 'repayment')?.date).toBe('2024-02-15');
    closeBook([a, b], '2024-04-01', '2024-04-01');
    b.repay('100.00', 'B-2', '2024-03-20');
    const late = (await a.ledger()).journal.find((e) => e.loanId === 'B' && e.kind === 'repayment' && e.valueDate === '2024-03-20');
    expect(late?.date).toBe('2024-04-02');
  });

  it('over random histories of two loans in one book closed nightly: after every command, the trial balance as of every month-end the book has closed, and as of each night it last closed, is what it was once that close ran', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(1), step), { minLength: 1, maxLength: 16 }), async (steps) => {
      const a = new ServicedLoan('A', terms, '6000.00', 6, '2024-01-15');
      const b = new ServicedLoan('B', terms, '6000.00', 6, '2024-01-31', undefined, a.log);
      const loans = [a, b];
      closeBook([a], '2024-01-15', '2024-01-30');
      let today = '2024-01-31';
      closeBook(loans, today, today);
      today = addDays(today, 1);
      const closedMonths = new Map<string, ReturnType<typeof rowsAsOf>>();
      const remember = async () => {
        const journal = (await a.ledger()).journal;
        // Every month-end the book has closed, and its last closed night.
        for (const end of [...monthEndsThrough(addDays(today, -1)), addDays(today, -1)]) if (!closedMonths.has(end)) closedMonths.set(end, rowsAsOf(journal, end));
      };
      await remember();
      for (const [n, [which, s]] of steps.entries()) {
        if (s.op === 'advance') {
          closeBook(loans, today, addDays(today, s.days * 2 - 1));
          today = addDays(today, s.days * 2);
          await remember();
        }
        const loan = loans[which] as ServicedLoan;
        const command = commandFor({ ...s, ...('back' in s ? { back: s.back * 3 } : {}) } as typeof s, today, n, loan.state);
        if (command === null || !attempt(loan, command, today)) continue;
        const journal = (await a.ledger()).journal;
        for (const [end, rows] of closedMonths) expect(rowsAsOf(journal, end), `${command.type} on ${today}: as of ${end}`).toEqual(rows);
      }
    }), { numRuns: Number(process.env.CLOSED_MONTH_RUNS ?? 40) });
  }, 600_000);
});
