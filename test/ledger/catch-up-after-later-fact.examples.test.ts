import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import type { JournalEntry } from '../../src/projections/models/general-ledger/accounts.js';
import { buildTrialBalance } from '../../src/reports/trial-balance.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';

const balancesAsOf = (journal: JournalEntry[], date: string) => Object.fromEntries(buildTrialBalance(journal, date).rows.map((r) => [r.account, r.balance]));
const waiver = { type: 'WaiveCharge' as const, data: { kind: 'interest' as const, amount: null, reason: 'goodwill', effectiveDate: '2024-02-01' } };

describe('a catch-up close after a later-dated fact that booked nothing books its night as that night knew it', () => {
  it('3 000.00 at 12 % from 2024-01-15: an interest waiver dated 02-01 recorded before the closes of 01-15 … 01-31 run; as of 01-31 the ledger shows the 15.48 the month-end accrual says, as closing nightly does (before: 13.55), and 13.55 as of 02-01', async () => {
    const catchUp = new ServicedLoan('CU', servicingTerms());
    // Interest earned by 02-01 is waived: row 1's 30.00 × 17/31 = 16.45; nothing accrued yet, so the waiver books nothing.
    expect(catchUp.run(waiver, '2024-02-01')[0]).toMatchObject({ data: { amount: '16.45' } });
    for (let day = '2024-01-15'; day <= '2024-01-31'; day = addDays(day, 1)) catchUp.close(day);
    const accrual = catchUp.log.events.find((e) => e.type === 'InterestAccrued');
    // The month-end accrual, judged on the facts dated by 01-31: 30.00 × 16/31 = 15.48.
    expect(accrual?.data).toEqual({ date: '2024-01-31', from: '2024-01-15', to: '2024-01-31', amount: '15.48' });
    const nightly = new ServicedLoan('CU', servicingTerms());
    for (let day = '2024-01-15'; day <= '2024-01-31'; day = addDays(day, 1)) nightly.close(day);
    nightly.run(waiver, '2024-02-01');
    const [a, b] = [(await nightly.ledger()).journal, (await catchUp.ledger()).journal];
    expect(balancesAsOf(b, '2024-01-31')).toMatchObject({ interest_income: '-15.48', interest_receivable: '15.48' });
    // From 02-01 row 1 owes 30.00 - 16.45 = 13.55 of interest, all that is income.
    expect(balancesAsOf(b, '2024-02-01')).toMatchObject({ interest_income: '-13.55', interest_receivable: '13.55' });
    for (const date of ['2024-01-31', '2024-02-01']) expect(balancesAsOf(b, date), `as of ${date}`).toEqual(balancesAsOf(a, date));
    // What the accrual event says is what the ledger booked for it on its night.
    const night = b.filter((e) => e.eventId === accrual?.eventId && e.date === '2024-01-31').flatMap((e) => e.lines).filter((l) => l.account === 'interest_income');
    expect(night).toEqual([{ account: 'interest_income', side: 'credit', amount: '15.48' }]);
  });
});
