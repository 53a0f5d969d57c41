import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

/** 3 000.00 over 3 months at 12 % from 2024-01-15 (row 1: 1 020.07 due 02-15), a fixed 50.00 penalty per row unpaid 3 days after its due date. */
const terms = servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 }, writeOffDpd: 400 });
const rowsAsOf = (journal: JournalEntry[], date: string) => buildTrialBalance(journal, date).rows.map(({ account, balance }) => ({ account, balance }));
const penaltyEntries = (journal: JournalEntry[]) => journal.filter((e) => e.kind === 'penalty_charge').map((e) => ({ date: e.date, valueDate: e.valueDate }));

/** The officer's 30.00 collection fee (a penalty, booked when applied) applied on 03-01, then 1 020.07 paid on 03-02: row 1 was unpaid past its grace from 02-19. */
function service(loan: ServicedLoan): void {
  loan.run({ type: 'ApplyCharge', data: { kind: 'collection-fee', amount: '30.00', dueDate: '2024-03-01', reason: 'collection visit', date: '2024-03-01', appliedBy: 'officer-1' } }, '2024-03-01');
  loan.repay('1020.07', 'row-1', '2024-03-02');
}

/**
 * qa21 #7: on a book whose first close has not run, the penalty a payment records first for a night
 * no close judged was booked as a late correction on the loan's latest booking date (the fee's, 03-01),
 * so February's trial balance left it out where closing each night books it on 02-19. The payment now
 * carries the book's last close it was told (none), and the ledger books such a penalty on its night.
 */
describe('a penalty a payment records first for a night no close judged is booked on that night (qa21 #7)', () => {
  it('before the book\'s first close: the 50.00 penalty for 02-19 recorded by the 03-02 payment is in February\'s trial balance, as closing nightly books it; after the first close of 03-02 every account as of 02-29 and 03-02 is the nightly book\'s', async () => {
    const first = new ServicedLoan('L1', terms);
    first.context = { lastClose: null };
    service(first);
    const penalty = first.log.events.find((e) => e.type === 'PenaltyCharged');
    expect(penalty?.data).toMatchObject({ date: '2024-02-19', amount: '50.00', reason: 'RepaymentReceived', lastClose: null });
    expect(penaltyEntries((await first.ledger()).journal)).toEqual([{ date: '2024-02-19', valueDate: '2024-02-19' }]);
    expect(rowsAsOf((await first.ledger()).journal, '2024-02-29')).toEqual(expect.arrayContaining([
      { account: 'penalty_receivable', balance: '50.00' }, { account: 'penalty_income', balance: '-50.00' },
    ]));
    first.run({ type: 'CloseBusinessDay', data: { date: '2024-03-02', firstClose: true } }, '2024-03-02');

    const nightly = new ServicedLoan('L1', terms);
    for (let day = '2024-01-15'; day <= '2024-02-29'; day = addDays(day, 1)) {
      nightly.close(day);
      nightly.context = { lastClose: day };
    }
    service(nightly);
    nightly.close('2024-03-01');
    nightly.close('2024-03-02');
    expect(penaltyEntries((await nightly.ledger()).journal)).toEqual([{ date: '2024-02-19', valueDate: '2024-02-19' }]);
    for (const date of ['2024-02-29', '2024-03-01', '2024-03-02']) {
      expect(rowsAsOf((await first.ledger()).journal, date), `as of ${date}`).toEqual(rowsAsOf((await nightly.ledger()).journal, date));
    }
  });

  it('on a book closed through 03-01, a penalty for 02-19 a reversal makes owed is a late correction, booked with the loan\'s latest entries: February is closed', async () => {
    const loan = new ServicedLoan('L1', terms);
    loan.repay('1020.07', 'row-1', '2024-02-15');
    for (let day = '2024-01-15'; day <= '2024-03-01'; day = addDays(day, 1)) {
      loan.close(day);
      loan.context = { lastClose: day };
    }
    loan.run({ type: 'ReverseRepayment', data: { reference: 'row-1', reason: 'bounced', effectiveDate: '2024-03-02', reversedBy: 'officer-1' } }, '2024-03-02');
    const penalty = loan.log.events.find((e) => e.type === 'PenaltyCharged' && (e.data as { date: string }).date === '2024-02-19');
    expect(penalty?.data).toMatchObject({ amount: '50.00', lastClose: '2024-03-01' });
    const journal = (await loan.ledger()).journal;
    expect((penaltyEntries(journal).find((e) => e.valueDate === '2024-02-19')?.date ?? '') > '2024-02-29').toBe(true);
    expect(rowsAsOf(journal, '2024-02-29').find((r) => r.account === 'penalty_receivable')?.balance ?? '0.00').toBe('0.00');
  });
});
