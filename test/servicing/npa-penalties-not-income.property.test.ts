import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { LEDGER_ACCOUNTS } from '../../src/domain/loan/ledger-accounts.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { minorOf } from '../../src/domain/money.js';
import { daysPastDueOn } from './days-past-due-on.js';
import { runHistory } from './run-history.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, DISBURSED, step } from './servicing-history.js';

const cents = (v: string) => minorOf(v, 2);
const total = (state: LoanState, pick: (row: LoanState['installments'][number]) => string) => state.installments.reduce((sum, row) => sum + cents(pick(row)), 0n);

/**
 * Whether the loan was non-performing on the last day its income was judged (the later of the day accruals are posted
 * through and its latest penalty's date): at that day's close some row was owed more than 90 days after it fell due (a
 * row is owed through the day before the fact that settled it; one settled with no date never was).
 */
function npaWhenJudged(state: LoanState): boolean {
  const days = [state.interestAccruedThrough, ...state.penalties.map((p) => p.date), ...state.charges.filter((c) => c.component === 'penalty').map((c) => c.date)];
  const judged = days.filter((d): d is string => d !== null).sort().pop();
  return judged !== undefined && npaOn(state, judged);
}

/**
 * Non-performing at the close of `day`: more than 90 days past due as the history now stands, the class's count
 * (days-past-due-on.ts: from a row's due date, or for a row owing only officer charges applied after it fell due, from
 * the charge, unpaidSince, QA 12 Q5). A day the loan's interest is suspended for, and its fees falling due then are not booked.
 */
function npaOn(state: LoanState, day: string): boolean {
  return daysPastDueOn(state, day) > 90;
}

/**
 * DOMAIN.md "NPA loans stop accruing" (RBI IRAC: penalties and charges accrued and unrealised are reversed once an
 * account turns NPA; Fineract stops accruing penalties on NPA loans). Written out from the rows, apart from the code
 * under test: while an open loan is non-performing on the last day its income was judged (npaWhenJudged) its penalty
 * income is exactly the penalties cash has paid and it carries no penalty receivable; while it performs it carries every penalty it owes (charged, less waived and paid);
 * a write-off loses only the penalties its loan carried (none when it was non-performing when last judged).
 */
function penaltiesFollowNpa(loan: ServicedLoan, what: string): void {
  const state = loan.state;
  const ledger = loan.figures().ledger;
  const paid = total(state, (row) => row.paid.penalty);
  const owed = total(state, (row) => row.due.penalty) - total(state, (row) => row.waived.penalty) - paid;
  const label = `${what}: ${state.status}, ${state.classification}, penalties paid ${paid}, owed ${owed}`;
  if (state.status === 'active' || state.status === 'overdue') {
    // A fee is receivable once its row falls due within the accruals posted, unless the loan was non-performing that
    // day (npaOn).
    const through = state.interestAccruedThrough;
    const feesBooked = state.installments
      .filter((row) => through !== null && row.dueDate <= through && !npaOn(state, row.dueDate))
      .reduce((sum, row) => {
        // An officer's fee applied after the row fell due, on a day the loan was non-performing, is not booked either.
        const whileNpa = state.charges.filter((c) => c.number === row.number && c.component === 'fee' && c.date > row.dueDate && npaOn(state, c.date))
          .reduce((total, c) => total + cents(c.amount), 0n);
        const left = cents(row.due.fee) - cents(row.waived.fee) - whileNpa - cents(row.paid.fee);
        return sum + (left > 0n ? left : 0n);
      }, 0n);
    expect(cents(ledger.fee_receivable), `${label}: fees receivable`).toBe(feesBooked);
    const npa = npaWhenJudged(state);
    expect(cents(ledger.penalty_receivable), `${label}: receivable`).toBe(npa ? 0n : owed);
    expect(-cents(ledger.penalty_income), `${label}: income`).toBe(npa ? paid : paid + owed);
  } else if (state.writtenOff !== null) {
    const w = state.writtenOff;
    const npaThen = npaWhenJudged(state);
    if (npaThen) expect(cents(w.penalty), `${label}: written off on ${w.date} while NPA when last judged, its penalties were not on the books`).toBe(0n);
    expect(cents(w.penalty) + cents(w.notBooked.penalties), `${label}: the claim's penalties`).toBe(owed);
    expect(-cents(ledger.penalty_income), `${label}: income`).toBe(paid + cents(w.penalty));
  }
}

describe('an NPA loan books no penalty or fee it has not been paid (DOMAIN.md "NPA loans stop accruing")', () => {
  it('after every close and command of any history (long gaps past 90 days, back-dated payments that cure it, waivers, charges, reversals, reschedules, write-off, recovery): penalty and fee receivable and income follow the days the loan was non-performing, and the general ledger equals the loan\'s figures (random histories)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 18 }), fc.constantFrom('fixed' as const, 'percent' as const), async (steps, type) => {
      const loan = new ServicedLoan('NPA', servicingTerms({
        writeOffDpd: 30, fees: [{ kind: 'service', type: 'fixed', value: '5.00' }],
        penalty: type === 'fixed' ? { type, value: '25.00', cap: null, graceDays: 2 } : { type, value: '5', cap: '60.00', graceDays: 2 },
      }), '3000.00', 6, DISBURSED);
      loan.context = { lastClose: null };
      runHistory(loan, steps, {
        nights: 'each-day-left',
        dayScale: 4,
        onClose: (date) => penaltiesFollowNpa(loan, `close of ${date}`),
        record: (command, today) => {
          if (!attempt(loan, command, today)) return false;
          if (command.type === 'RequestWriteOff' && loan.state.writeOffRequest !== null && loan.state.status !== 'written_off') {
            attempt(loan, { type: 'ApproveWriteOff', data: { approvedBy: 'uw-1', date: loan.state.writeOffRequest.date } }, today);
          }
          return true;
        },
        onStep: ({ command, recorded }) => {
          if (command && recorded) penaltiesFollowNpa(loan, command.type);
        },
      });
      const { balances, balanced } = await loan.ledger();
      expect(balanced).toBe(true);
      const figures = loan.figures();
      for (const account of LEDGER_ACCOUNTS) expect(balances[account], account).toBe(figures.ledger[account]);
    }), { numRuns: Number(process.env.NPA_RUNS ?? 120) });
  }, 600_000);

  it('given 3 000.00 at 12 % from 2024-01-15, a fixed 25.00 penalty after 2 grace days, never paid and closed every night: the penalties are income while the loan performs, taken off the books by the first penalty charged once it is non-performing (05-18; NPA from 05-16, row 1 due 02-15 91 days past due), and income again only as cash pays them', async () => {
    const loan = new ServicedLoan('NPA1', servicingTerms({ writeOffDpd: 400, penalty: { type: 'fixed', value: '25.00', cap: null, graceDays: 2 } }), '3000.00', 6, DISBURSED);
    const closeThrough = (last: string) => {
      for (let day = addDays(loan.state.lastEodDate ?? DISBURSED, 1); day <= last; day = addDays(day, 1)) loan.close(day);
    };
    const penalties = () => [loan.figures().outstanding.penalties, loan.figures().ledger.penalty_receivable, loan.figures().ledger.penalty_income];
    // Rows 1-3 (02-15, 03-15, 04-15) each charged 25.00 on the third day after (02-18, 03-18, 04-18): 75.00 owed and booked.
    closeThrough('2024-05-14');
    expect([loan.state.classification, ...penalties()]).toEqual(['special-mention', '75.00', '75.00', '-75.00']);
    // 05-15: row 1 is 90 days past due (02-15 → 05-15), not yet NPA; 05-16: 91 days, 次级 and NPA. Its income was last
    // judged on 05-15 (row 4's due-date posting), when it performed: the 75.00 stays booked until the next judgement.
    const turned = loan.close('2024-05-16');
    expect(turned.filter((e) => e.type === 'LoanClassified').map((e) => e.data)).toEqual([{ from: 'special-mention', to: 'substandard', dpd: 91, date: '2024-05-16' }]);
    expect(penalties()).toEqual(['75.00', '75.00', '-75.00']);
    // 05-18: row 4 (due 05-15) is charged 25.00 while the loan is non-performing: the 100.00 it owes is off the books.
    closeThrough('2024-05-20');
    expect(penalties()).toEqual(['100.00', '0.00', '0.00']);
    // A payment of 30.00 on 05-20 pays row 1 first, its penalty first (penalty, fee, interest, principal): 25.00 of
    // penalties is income now, received in cash; the other 5.00 pays row 1's interest.
    loan.repay('30.00', 'p1', '2024-05-20');
    expect(penalties()).toEqual(['75.00', '0.00', '-25.00']);
    const { balances, balanced, journal } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
    // The journal says when: 75.00 booked on 02-18/03-18/04-18, taken off by 05-18's penalty, 25.00 received on 05-20.
    const penaltyIncome = journal.flatMap((entry) => entry.lines.filter((line) => line.account === 'penalty_income').map((line) => `${entry.date} ${entry.kind} ${line.side} ${line.amount}`)).sort();
    expect(penaltyIncome).toEqual([
      '2024-02-18 penalty_charge credit 25.00', '2024-03-18 penalty_charge credit 25.00', '2024-04-18 penalty_charge credit 25.00',
      '2024-05-18 penalty_charge debit 75.00', '2024-05-20 repayment credit 25.00',
    ]);
  });

  it('qa19 Q3: 3 000.00 at 12 % from 2024-02-06 with a 5.00 service fee per row, never paid, closed every night: rows 1-3\'s fees (03-06, 04-06, 05-06) are income as they fall due; row 4\'s (06-06) is owed but not booked, the loan being non-performing from 06-05 (row 1 91 days past due), though the 06-06 posting reaches it (before: booked, as the fees inside the last posting were, whatever the day)', async () => {
    const loan = new ServicedLoan('FEE', servicingTerms({ writeOffDpd: 400, fees: [{ kind: 'service', type: 'fixed', value: '5.00' }] }), '3000.00', 6, '2024-02-06');
    for (let day = '2024-02-07'; day <= '2024-06-30'; day = addDays(day, 1)) loan.close(day);
    // The 06-06 posting books the performing days 06-01 … 06-04, so accruals reach row 4's due date.
    expect(loan.state.interestAccruedThrough).toBe('2024-06-06');
    const figures = loan.figures();
    // The schedule still owes 30.00 of fees (six rows); 15.00 is booked (before: 20.00, row 4's included).
    expect([figures.outstanding.fees, figures.ledger.fee_receivable, figures.ledger.fee_income]).toEqual(['30.00', '15.00', '-15.00']);
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(figures.ledger);
  });

  it('qa20 R5: 12 000.00 at 12 % from 2026-06-01, rows 1-5 paid on their due dates and closed every night: a 100.00 late fee applied on 12-01 to row 1 is a performing loan\'s penalty, booked as income at once (before: read as owed since row 1\'s due date, non-performing, never booked)', async () => {
    const loan = new ServicedLoan('R5', servicingTerms({ writeOffDpd: 400 }), '12000.00', 12, '2026-06-01');
    for (let day = '2026-06-02'; day <= '2026-12-01'; day = addDays(day, 1)) {
      if (['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'].includes(day)) loan.repay('1066.19', `p-${day}`, day);
      loan.close(day);
      loan.context = { lastClose: day };
    }
    loan.run({ type: 'ApplyCharge', data: { kind: 'late-fee', amount: '100.00', dueDate: '2026-06-15', reason: 'qa', date: '2026-12-01', appliedBy: 'officer-1' } }, '2026-12-01');
    expect([loan.state.classification, loan.figures('2026-12-01').daysPastDue]).toEqual(['normal', 0]);
    expect([loan.figures().ledger.penalty_receivable, loan.figures().ledger.penalty_income]).toEqual(['100.00', '-100.00']);
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
  });

  it('qa20 R4: 12 000.00 at 12 % from 2026-05-01, never paid, closed every night through 12-01 (non-performing from 08-31): a 30.00 document fee applied on 12-01 to row 1 (due 06-01, a performing day) is owed but not booked (before: income at once)', async () => {
    const loan = new ServicedLoan('R4', servicingTerms({ writeOffDpd: 400 }), '12000.00', 12, '2026-05-01');
    for (let day = '2026-05-02'; day <= '2026-12-01'; day = addDays(day, 1)) {
      loan.close(day);
      loan.context = { lastClose: day };
    }
    const before = loan.figures().ledger;
    loan.run({ type: 'ApplyCharge', data: { kind: 'document-fee', amount: '30.00', dueDate: '2026-06-01', reason: 'qa', date: '2026-12-01', appliedBy: 'officer-1' } }, '2026-12-01');
    expect(loan.figures().outstanding.fees).toBe('30.00');
    expect([loan.figures().ledger.fee_receivable, loan.figures().ledger.fee_income]).toEqual([before.fee_receivable, before.fee_income]);
    const { balances, balanced } = await loan.ledger();
    expect(balanced).toBe(true);
    expect(balances).toEqual(loan.figures().ledger);
  });
});
