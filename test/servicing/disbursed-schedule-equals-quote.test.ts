import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mainlandChinaCalendar } from '../../src/app/working-days/mainland-china-calendar.js';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { decideLoan, loanDecider } from '../../src/domain/loan/decider.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import type { ProductTerms } from '../../src/domain/product/events.js';
import { quoteLoan } from '../../src/domain/quote/quote-loan.js';
import type { WorkingCalendar } from '../../src/domain/working-days/working-calendar.js';
import { isWorkingDay } from '../../src/domain/working-days/working-calendar.js';
import { productTerms } from '../domain/product-terms.fixture.js';

/** The mainland China calendar plus `lender` holidays, as the application builds it (lender-calendar.ts). */
function calendarWith(lender: string[]): WorkingCalendar {
  const official = mainlandChinaCalendar();
  return { holidays: new Set([...official.holidays.keys(), ...lender]), workingWeekends: new Set([...official.workingWeekends.keys()].filter((d) => !lender.includes(d))) };
}

function run(state: LoanState, command: LoanCommand): LoanState {
  return decideLoan(command, state).reduce(loanDecider.evolve, state);
}

/** A loan applied for, approved and disbursed on `date` through the real decider, the calendar given to the disbursement as the app gives it. */
function disbursed(terms: ProductTerms, principal: string, term: number, date: string, calendar: WorkingCalendar, firstRepaymentDate: string | null = null): LoanState {
  let state = loanDecider.initialState();
  state = run(state, {
    type: 'SubmitApplication',
    data: {
      loanId: 'H1', customerId: 'C1', customer: { exists: true, kycStatus: 'verified', erased: false },
      product: { productId: 'P1', version: 1, terms, retired: false }, principal, term, purpose: 'test', submittedBy: 'officer-1', submittedOn: date,
      ...(firstRepaymentDate ? { firstRepaymentDate } : {}),
    },
  });
  state = run(state, { type: 'RecordAssessment', data: { assessment: { score: 700, grade: 'B', decision: 'approve', reasons: [], scorecardVersion: 'v1', inputs: { monthlyIncome: 'enc:income' } } } });
  state = run(state, { type: 'Approve', data: { approver: 'uw-1', approverRole: 'underwriter', note: null, kycVerified: true, date } });
  return run(state, { type: 'Disburse', data: { effectiveDate: date, channel: 'bank_transfer', calendar } });
}

const scheduleOf = (state: LoanState) => state.contract.map(({ dueDate, due }) => ({ dueDate, principal: due.principal, interest: due.interest, fee: due.fee }));
const quoted = (rows: ReturnType<typeof quoteLoan>['rows']) => rows.map((r) => ({ dueDate: r.dueDate, principal: r.principal, interest: r.interest, fee: r.fee }));

describe('the disbursed schedule is the quote for the same disbursement date (holidays included)', () => {
  it('QA s7: next-working-day product, disbursed 2026-09-01: row 1 falls due 10-08 after the National Day holidays, as quoted (it was 10-01, a holiday)', () => {
    const terms = productTerms({ nonWorkingDayRule: 'next-working-day' });
    const calendar = calendarWith([]);
    const quote = quoteLoan({ productId: 'P1', version: 1, terms, retired: false }, { principal: '12000.00', term: 12, startDate: '2026-09-01', firstRepaymentDate: null, calendar });
    const loan = disbursed(terms, '12000.00', 12, '2026-09-01', calendar);
    expect(quote.rows[0]?.dueDate).toBe('2026-10-08');
    expect(loan.contract[0]?.dueDate).toBe('2026-10-08');
    expect(scheduleOf(loan)).toEqual(quoted(quote.rows));
  });

  it('a reschedule moves its new due dates off holidays by the same calendar', () => {
    const terms = productTerms({ nonWorkingDayRule: 'next-working-day', penalty: null });
    const calendar = calendarWith([]);
    let loan = disbursed(terms, '12000.00', 12, '2026-08-15', calendar);
    loan = run(loan, { type: 'Reschedule', data: { reason: 'hardship', effectiveDate: '2026-09-01', term: 6, annualRate: '12', calendar } });
    const dates = loan.contract.map((row) => row.dueDate);
    // 2026-10-01 is National Day: the row that would fall due on it falls due 10-08, the first working day after.
    expect(dates[0]).toBe('2026-10-08');
    expect(dates.every((d) => isWorkingDay(d, calendar))).toBe(true);
  });

  it('for random products (rule, frequency, method), amounts, terms, dates and lender holidays, the disbursed loan\'s schedule equals its quote', () => {
    const day = fc.integer({ min: 0, max: 365 * 3 }).map((n) => addDays('2024-01-01', n));
    fc.assert(fc.property(
      fc.constantFrom('keep' as const, 'next-working-day' as const, 'previous-working-day' as const),
      fc.constantFrom('monthly' as const, 'biweekly' as const, 'weekly' as const),
      fc.constantFrom('equal-installment' as const, 'equal-principal' as const),
      fc.integer({ min: 100_000, max: 5_000_000 }), fc.integer({ min: 3, max: 24 }), day, fc.array(day, { maxLength: 6 }),
      (rule, frequency, amortization, cents, term, date, lender) => {
        const terms = productTerms({ nonWorkingDayRule: rule, frequency, amortization });
        const calendar = calendarWith(lender);
        const principal = (cents / 100).toFixed(2);
        const quote = quoteLoan({ productId: 'P1', version: 1, terms, retired: false }, { principal, term, startDate: date, firstRepaymentDate: null, calendar });
        expect(scheduleOf(disbursed(terms, principal, term, date, calendar))).toEqual(quoted(quote.rows));
      },
    ), { numRuns: 150 });
  });
});
