import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateAtEndOf } from '../../src/app/queries/loan-time-travel.js';
import { addDays } from '../../src/domain/calendar.js';
import type { LoanCommand } from '../../src/domain/loan/commands.js';
import { decideLoan, loanDecider } from '../../src/domain/loan/decider.js';
import { needsLastClose } from '../../src/domain/loan/reclassification.js';
import { scheduleView } from '../../src/domain/loan/schedule-view.js';
import type { LoanState } from '../../src/domain/loan/state.js';
import { summarizeLoan } from '../../src/domain/loan/summary.js';
import type { ProductTerms } from '../../src/domain/product/events.js';
import { EventLog } from '../projections/models/fake-context.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';

const TERMS = servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 }, writeOffDpd: 400 });
const DISBURSED = '2026-01-15';
const END = '2026-06-30';

interface Paid { date: string; amount: string; reference: string }

/** Up to 6 payments dated from the disbursement to END, never enough to close the 6 000.00 loan. */
const paid: fc.Arbitrary<Paid[]> = fc.array(fc.record({ day: fc.integer({ min: 0, max: 166 }), cents: fc.integer({ min: 1, max: 90_000 }) }), { maxLength: 6 })
  .map((rows) => rows.map((r, i) => ({ date: addDays(DISBURSED, r.day), amount: (r.cents / 100).toFixed(2), reference: `p${i}` })).sort((a, b) => a.date.localeCompare(b.date)));

const repay = (p: Paid): LoanCommand => ({ type: 'ReceiveRepayment', data: { amount: p.amount, channel: 'online', reference: p.reference, effectiveDate: p.date } });

/** The loan serviced as it happened: each payment recorded on its date after the close of the day before, and a close every night. */
function nightly(payments: Paid[]): EventLog {
  const loan = new ServicedLoan('L1', TERMS, '6000.00', 6, DISBURSED);
  let next = 0;
  for (let day = DISBURSED; day <= END; day = addDays(day, 1)) {
    loan.context = { lastClose: addDays(day, -1) };
    for (; next < payments.length && (payments[next] as Paid).date === day; next++) loan.run(repay(payments[next] as Paid), day);
    loan.close(day);
  }
  return loan.log;
}

/** The same loan keyed in after the close of END: application, approval, disbursement and payments all recorded on the day after, back-dated. */
function keyedInLate(payments: Paid[], terms: ProductTerms = TERMS): EventLog {
  const log = new EventLog();
  let state: LoanState = loanDecider.initialState();
  const today = addDays(END, 1);
  const run = (command: LoanCommand) => {
    for (const event of decideLoan(command, state, needsLastClose(command, state) ? { lastClose: END } : {})) {
      state = loanDecider.evolve(state, event);
      log.append('loan-L1', event.type, event.data, `${today}T04:00:00.000Z`);
    }
  };
  run({
    type: 'SubmitApplication',
    data: {
      loanId: 'L1', customerId: 'C1', customer: { exists: true, kycStatus: 'verified', erased: false },
      product: { productId: 'P1', version: 1, terms, retired: false }, principal: '6000.00', term: 6, purpose: 'test', submittedBy: 'officer-1', submittedOn: DISBURSED,
    },
  });
  run({ type: 'RecordAssessment', data: { assessment: { score: 700, grade: 'B', decision: 'approve', reasons: [], scorecardVersion: 'v1', inputs: { monthlyIncome: 'enc:income' } } } });
  run({ type: 'Approve', data: { approver: 'uw-1', approverRole: 'underwriter', note: null, kycVerified: true, date: DISBURSED } });
  run({ type: 'Disburse', data: { effectiveDate: DISBURSED, channel: 'bank_transfer' } });
  for (const p of payments) run(repay(p));
  return log;
}

/** What time travel shows of the loan at the end of `date` (GET /v1/loans/:id/state?asOf=). */
function shown(log: EventLog, date: string) {
  const at = stateAtEndOf(log.events, date, 'UTC');
  if (at === null) return null;
  const { status, flags, outstanding, nextDue, daysPastDue, classification } = summarizeLoan(at.state, date);
  return { status, flags, outstanding, nextDue, daysPastDue, classification, rows: scheduleView(at.state).rows };
}

/**
 * QA 11 S6: time travel folded events by the time they were recorded, so a loan keyed in late showed
 * overdue and 次级 the day after disbursement (the catch-up the disbursement appended carried its
 * time) and no penalty on the dates they were owed. The invariant: a loan closed every night and the
 * same loan keyed in late read the same at the end of every business date.
 */
describe('time travel shows the loan by the dates its facts speak for (QA 11 S6)', () => {
  it('for random payment histories, the loan closed nightly and the same loan keyed in late read the same at the end of every date (status, class, DPD, outstanding, schedule)', () => {
    const dates: string[] = [];
    for (let day = DISBURSED; day <= END; day = addDays(day, 1)) dates.push(day);
    fc.assert(fc.property(paid, fc.subarray(dates, { minLength: 1, maxLength: 12 }), (payments, days) => {
      const a = nightly(payments);
      const b = keyedInLate(payments);
      for (const day of days) expect(shown(b, day), `as of ${day}`).toEqual(shown(a, day));
    }), { numRuns: Number(process.env.TIME_TRAVEL_RUNS ?? 40) });
  }, 600_000);

  /**
   * The QA example's shape: 6 000.00 over 6 months at 12 % keyed in after the close of 06-30, disbursed
   * 01-15, nothing paid. By hand, at the end of 01-16 nothing has fallen due: active, 正常, DPD 0, no
   * penalty. At the end of 03-20: rows 1 (due 02-15) and 2 (due 03-15) unpaid; row 1 past its 3 grace
   * days (50.00 owed from 02-19), row 2's grace ends 03-18 (50.00 owed from 03-19): 100.00 of penalties,
   * 33 days past due (02-15 → 03-20) → 关注, overdue.
   */
  it('given a loan keyed in late with nothing paid, at the end of 01-16 it is active and 正常 with nothing owed late, and at the end of 03-20 it owes two penalties, 33 days past due, 关注', () => {
    const log = keyedInLate([]);
    expect(shown(log, '2026-01-16')).toMatchObject({ status: 'active', classification: 'normal', daysPastDue: 0, flags: [], outstanding: expect.objectContaining({ penalties: '0.00' }) });
    expect(shown(log, '2026-03-20')).toMatchObject({ status: 'overdue', classification: 'special-mention', daysPastDue: 33, outstanding: expect.objectContaining({ penalties: '100.00' }) });
  });
});
