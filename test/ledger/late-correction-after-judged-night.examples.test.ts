import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

const balancesAsOf = (journal: JournalEntry[], date: string) => Object.fromEntries(buildTrialBalance(journal, date).rows.map((r) => [r.account, r.balance]));

describe('a late correction on a non-performing loan is booked no earlier than the last night a close judged it (qa19 R1)', () => {
  it('12 000.00 at 12 % from 2026-05-01, never paid, closed every night through 10-20 (non-performing from 08-31, its 09-05 and 10-05 penalties owed but not booked); 3 300.00 dated 08-20 recorded on 10-21 is booked on the last judged night, and no trial balance as of 08-31 or 09-30 moves (before: booked on 08-31, the last day with an entry)', async () => {
    const loan = new ServicedLoan('B1', servicingTerms({ writeOffDpd: 400, penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 } }), '12000.00', 12, '2026-05-01');
    for (let day = '2026-05-02'; day <= '2026-10-20'; day = addDays(day, 1)) {
      loan.close(day);
      loan.context = { lastClose: day };
    }
    expect(loan.state.flags).toContain('npa');
    const before = (await loan.ledger()).journal;
    const judged = loan.state.lastEodDate as string;
    expect(judged >= '2026-10-05').toBe(true);
    loan.repay('3300.00', 'B1-1', '2026-08-20');
    const after = (await loan.ledger()).journal;
    for (const date of ['2026-08-31', '2026-09-30', addDays(judged, -1)]) expect(balancesAsOf(after, date), `as of ${date}`).toEqual(balancesAsOf(before, date));
    const payment = after.filter((entry) => !before.some((b) => b.id === entry.id));
    expect(payment.length).toBeGreaterThan(0);
    for (const entry of payment) expect(entry.date >= judged, `${entry.kind} booked ${entry.date}`).toBe(true);
  });
});
