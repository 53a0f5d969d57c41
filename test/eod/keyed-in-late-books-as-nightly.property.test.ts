import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { Dec } from '../../src/domain/decimal.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { DISBURSED, everyDay, monthEnds, payments, type DatedPayment } from './close-history.js';

const product = (penalty: boolean) => servicingTerms({ writeOffDpd: 400, penalty: penalty ? { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } : null });

/** The loan serviced as it happens: each payment recorded on its date, a close every night. */
async function nightly(history: DatedPayment[], penalty: boolean): Promise<JournalEntry[]> {
  const loan = new ServicedLoan('L1', product(penalty), '100000.00', 12, DISBURSED);
  let next = 0;
  for (const day of everyDay()) {
    for (; next < history.length && history[next]!.date <= day; next++) loan.repay(history[next]!.amount, history[next]!.reference, history[next]!.date);
    loan.close(day);
  }
  return (await loan.ledger()).journal;
}

/** The same loan keyed in late: disbursed and every payment recorded with its own date, then its first close on `firstClose`, then nightly. */
async function keyedInLate(history: DatedPayment[], penalty: boolean, firstClose: string): Promise<JournalEntry[]> {
  const loan = new ServicedLoan('L1', product(penalty), '100000.00', 12, DISBURSED);
  for (const p of history) if (p.date <= firstClose) loan.repay(p.amount, p.reference, p.date);
  loan.close(firstClose);
  let next = history.findIndex((p) => p.date > firstClose);
  for (const day of everyDay().filter((d) => d > firstClose)) {
    for (; next >= 0 && next < history.length && history[next]!.date <= day; next++) loan.repay(history[next]!.amount, history[next]!.reference, history[next]!.date);
    loan.close(day);
  }
  return (await loan.ledger()).journal;
}

const rowsAsOf = (journal: JournalEntry[], date: string) => buildTrialBalance(journal, date).rows.map(({ account, balance }) => ({ account, balance }));

describe('a loan keyed in late books each month it missed on the month-end (QA 10 R8)', () => {
  it('over random payment histories, every account as of every month-end is the same whether the loan was closed nightly or keyed in with its history and closed for the first time months later', async () => {
    await fc.assert(fc.asyncProperty(payments, fc.boolean(), fc.constantFrom(...everyDay().filter((_, i) => i % 17 === 5)), async (history, penalty, firstClose) => {
      const [a, b] = [await nightly(history, penalty), await keyedInLate(history, penalty, firstClose)];
      for (const date of monthEnds()) expect(rowsAsOf(b, date), `as of ${date}, first close ${firstClose}`).toEqual(rowsAsOf(a, date));
    }), { numRuns: Number(process.env.KEYED_LATE_RUNS ?? 12) });
  }, 300_000);

  it('QA 10 R8: 12 000.00 over 12 months at 12 %, disbursed 06-30, rows 1–3 paid on their due dates, keyed in and first closed on 11-30, books July\'s 123.57 of income on 07-31', async () => {
    const loan = new ServicedLoan('K', servicingTerms({ writeOffDpd: 400 }), '12000.00', 12, '2026-06-30');
    const rowTotal = (n: number) => { const r = loan.state.installments[n]!.due; return new Dec(r.principal).plus(r.interest).toFixed(2); };
    expect(loan.state.installments[0]!.due.interest).toBe('120.00');
    loan.repay(rowTotal(0), 'r1', '2026-07-30');
    loan.repay(rowTotal(1), 'r2', '2026-08-30');
    loan.repay(rowTotal(2), 'r3', '2026-09-30');
    const accruals = loan.close('2026-11-30').filter((e) => e.type === 'InterestAccrued').map((e) => [e.data.date, e.data.amount]);
    expect(accruals.slice(0, 2)).toEqual([['2026-07-31', '123.57'], ['2026-08-31', '110.23']]);
    const { journal } = await loan.ledger();
    const july = Object.fromEntries(rowsAsOf(journal, '2026-07-31').map((r) => [r.account, r.balance]));
    expect(july).toMatchObject({ interest_income: '-123.57', interest_receivable: '3.57' });
    expect(july.received_in_advance ?? '0.00').toBe('0.00');
  });
});
