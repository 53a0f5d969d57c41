import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { DISBURSED, everyDay, monthEnds, payments, type DatedPayment } from '../eod/close-history.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

const product = (penalty: boolean) => servicingTerms({ writeOffDpd: 400, penalty: penalty ? { type: 'fixed', value: '50.00', cap: '500.00', graceDays: 3 } : null });

/** Each payment recorded on its own date before that night's close, and a close every night. */
async function nightly(history: DatedPayment[], penalty: boolean): Promise<JournalEntry[]> {
  const loan = new ServicedLoan('L1', product(penalty), '100000.00', 12, DISBURSED);
  let next = 0;
  for (const day of everyDay()) {
    for (; next < history.length && (history[next] as DatedPayment).date <= day; next++) loan.repay(history[next]!.amount, history[next]!.reference, history[next]!.date);
    loan.close(day);
  }
  return (await loan.ledger()).journal;
}

/** One close after the disbursement day, every payment recorded, then the missed dates closed in order (a catch-up). */
async function catchUp(history: DatedPayment[], penalty: boolean): Promise<JournalEntry[]> {
  const loan = new ServicedLoan('L1', product(penalty), '100000.00', 12, DISBURSED);
  const [first, ...missed] = everyDay();
  loan.close(first as string);
  for (const p of history) loan.repay(p.amount, p.reference, p.date);
  for (const day of missed) loan.close(day);
  return (await loan.ledger()).journal;
}

/** Each account's balance as of `date` (turnover may differ: a catch-up routes a payment it had not yet accrued through received_in_advance). */
const rowsAsOf = (journal: JournalEntry[], date: string) => buildTrialBalance(journal, date).rows.map(({ account, balance }) => ({ account, balance }));

describe('a catch-up close books each missed date\'s entries as closing that night would have (QA 8 N2)', () => {
  it('over random payment histories, each account balance as of every month-end and payment date is the same from a catch-up as from nightly closes', async () => {
    await fc.assert(fc.asyncProperty(payments, fc.boolean(), async (history, penalty) => {
      const [a, b] = [await nightly(history, penalty), await catchUp(history, penalty)];
      for (const date of new Set([...monthEnds(), ...history.map((p) => p.date)])) {
        expect(rowsAsOf(b, date), `as of ${date}`).toEqual(rowsAsOf(a, date));
      }
    }), { numRuns: Number(process.env.LEDGER_RUNS ?? 15) });
  }, 300_000);
});
