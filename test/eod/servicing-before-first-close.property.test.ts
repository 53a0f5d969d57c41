import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { runHistory } from '../servicing/run-history.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { step, type Step } from '../servicing/servicing-history.js';

/**
 * A lender's staff key in the servicing of a loan (payments, document fees, waivers), each on its own business date, before the book's first close has run. That first close,
 * judging every night since the disbursement, must book what closing each night would have: the same
 * balances at every month-end, and the same class history (the class of qa21 #5, #6 for the facts besides them).
 *
 * The first property charges no penalty (the product has none, and late and collection fees are
 * penalties: only document fees are applied), so it can compare the class history too; the last one
 * adds them and compares the books: a penalty a payment or waiver records first for a night no close
 * judged is booked on that night (qa21 #7). Left open (README): penalties a non-performing loan owes
 * come off the books on the first posting that finds it so, which a first close makes on a month-end
 * where the nightly book's closes post nothing (the histories here rarely reach 91 days past due).
 *
 * Balances were compared only while the loan performed until the catch-up posted the due dates the
 * nightly closes post on: posting month-ends only, it booked a loan 91 days past due and paid on
 * 06-01 with 90.55 of interest income where the nightly book held 90.54 and 0.01 in advance (the
 * payment's cent of non-performing days' interest, booked as income by the catch-up's 04-30 → 05-31
 * posting, which held the performing 05-01 → 05-15 the nightly book posted on 05-15).
 */
const product = () => servicingTerms({ writeOffDpd: 400, penalty: null });
const rowsAsOf = (journal: JournalEntry[], date: string) => buildTrialBalance(journal, date).rows.map(({ account, balance }) => ({ account, balance }));

/**
 * The class the loan ends each date in, from the day it changes (the last move of each date), before the day it ended:
 * a payoff records no class (payments curing the loan before it on the same day do, when the closes ran nightly).
 */
const classes = (loan: ServicedLoan) => {
  const ended = loan.log.events.find((e) => e.type === 'LoanClosed' || e.type === 'LoanOverpaid')?.data as { date: string } | undefined;
  return loan.log.events.filter((e) => e.type === 'LoanClassified').map((e) => e.data as { to: string; date: string })
    .filter((m) => ended === undefined || m.date < ended.date)
    .filter((m, i, all) => !all.slice(i + 1).some((later) => later.date === m.date))
  .filter((m, i, all) => m.to !== (all[i - 1]?.to ?? 'normal')).map((m) => `${m.to}@${m.date}`);
};

/** Month-ends from the disbursement month through `last`. */
function monthEndsThrough(first: string, last: string): string[] {
  const ends: string[] = [];
  for (let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))]; ; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (end > last) return ends;
    ends.push(end);
  }
}

/** Each fact dated its business date (nothing back-dated: a correction after a close is booked when recorded, by design). */
const onItsDate = (s: Step): Step => ('back' in s ? { ...s, back: 0 } : s);
// Late and collection fees are penalties (charge.ts): left out with the product's, document fees kept. A reschedule or
// reversal among payments keyed in between closes can date a class move a night apart from the nightly book (left
// open: README); history-rewritten-before-close.test.ts compares one such change over random payments.
const servicing = fc.array(step.filter((s) => s.op !== 'writeOff' && s.op !== 'recover' && s.op !== 'reschedule' && s.op !== 'reverse' && (s.op !== 'charge' || s.kind === 'document-fee')), { minLength: 4, maxLength: 30 });

/** The same steps run twice: closed every night, and keyed in before a first close on the last date. */
function bothWays(steps: readonly Step[], terms = product()) {
  const nightly = new ServicedLoan('L1', terms, '3000.00', 6);
  nightly.context = { lastClose: nightly.state.disbursement!.date };
  const end = runHistory(nightly, steps, { nights: 'each-day-left', reshape: onItsDate });
  nightly.close(end);
  const first = new ServicedLoan('L1', terms, '3000.00', 6);
  first.context = { lastClose: null };
  runHistory(first, steps, { nights: 'none', reshape: onItsDate });
  first.run({ type: 'CloseBusinessDay', data: { date: end, firstClose: true } }, end);
  return { nightly, first, end };
}

describe('servicing keyed in before the book\'s first close is booked as closing each night books it', () => {
  it('seed -569850781: 3 000.00 over 6 months at 12 % from 2024-01-15, nothing paid until 06-01 (次级 from 05-16), then 696.97 and 1 373.64: as of 06-01 both books hold 90.54 of interest income and 0.01 in advance (before: the first close booked 90.55 of income)', async () => {
    const steps: Step[] = [
      { op: 'advance', days: 13 }, { op: 'advance', days: 33 }, { op: 'advance', days: 7 }, { op: 'advance', days: 17 }, { op: 'advance', days: 40 }, { op: 'advance', days: 28 },
      { op: 'repay', cents: 69697, back: 0, prepayment: null }, { op: 'repay', cents: 137364, back: 0, prepayment: null },
    ];
    const { nightly, first, end } = bothWays(steps);
    expect(end).toBe('2024-06-01');
    // Rows 1–4's interest, 30.00 + 25.12 + 20.20 + 15.22 = 90.54, posted by 05-15; the payments paid 90.55, a cent of it row 5's
    // interest of days the loan was non-performing, which no posting has reached yet.
    const rows = rowsAsOf((await first.ledger()).journal, end);
    expect(rows).toEqual(expect.arrayContaining([{ account: 'interest_income', balance: '-90.54' }, { account: 'received_in_advance', balance: '-0.01' }]));
    expect(rows).toEqual(rowsAsOf((await nightly.ledger()).journal, end));
  });

  it('over random histories of payments, document fees and waivers, each recorded on its date: every account as of every month-end and the class history are the same whether the book closed every night or first closed after the last of them', async () => {
    await fc.assert(fc.asyncProperty(servicing, async (steps) => {
      const { nightly, first, end } = bothWays(steps);
      const [a, b] = [(await nightly.ledger()).journal, (await first.ledger()).journal];
      for (const date of [...monthEndsThrough(nightly.state.disbursement!.date, end), end]) expect(rowsAsOf(b, date), `as of ${date}`).toEqual(rowsAsOf(a, date));
      expect(classes(first), 'class history').toEqual(classes(nightly));
    }), { numRuns: Number(process.env.FIRST_CLOSE_SERVICING_RUNS ?? 60) });
  }, 300_000);

  it('with a 50.00 penalty after 3 grace days, and late and collection fees: every account as of every month-end is the same either way, the penalties a payment or waiver records first for nights no close judged booked on those nights (qa21 #7)', async () => {
    const withPenalties = fc.array(step.filter((s) => s.op !== 'writeOff' && s.op !== 'recover' && s.op !== 'reschedule' && s.op !== 'reverse'), { minLength: 4, maxLength: 30 });
    const terms = servicingTerms({ writeOffDpd: 400, penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 } });
    await fc.assert(fc.asyncProperty(withPenalties, async (steps) => {
      const { nightly, first, end } = bothWays(steps, terms);
      const [a, b] = [(await nightly.ledger()).journal, (await first.ledger()).journal];
      for (const date of [...monthEndsThrough(nightly.state.disbursement!.date, end), end]) expect(rowsAsOf(b, date), `as of ${date}`).toEqual(rowsAsOf(a, date));
    }), { numRuns: Number(process.env.FIRST_CLOSE_SERVICING_RUNS ?? 60) });
  }, 300_000);
});
