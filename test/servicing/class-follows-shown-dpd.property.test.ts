import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLoanSummaryView } from '../../src/app/queries/loan-summary-view.js';
import { addDays } from '../../src/domain/calendar.js';
import { classify } from '../../src/domain/loan/classification.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../src/projections/models/loan-summary/documents.js';
import { loanSummaryProjection } from '../../src/projections/models/loan-summary/loan-summary.js';
import { buildClassificationSnapshot } from '../../src/reports/classification-report.js';
import { FakeContext, project } from '../projections/models/fake-context.js';
import { ServicedLoan, servicingTerms } from './serviced-loan.js';
import { attempt, commandFor, DISBURSED, step } from './servicing-history.js';

/** The loan's summary document as the loan-summary projection builds it from the loan's log. */
async function summaryOf(loan: ServicedLoan): Promise<LoanSummaryDoc> {
  const ctx = await project(loanSummaryProjection, loan.log.events, new FakeContext());
  return ctx.all<LoanSummaryDoc>(LOAN_SUMMARY)[0] as LoanSummaryDoc;
}

/**
 * QA 11 S1: a loan paid current during the day (after the last close) showed DPD 0 and stayed 关注
 * until the night's close. The invariant: after any command between closes, the class the summary,
 * the list's class filter and the five-category report show is classify(the days past due the
 * summary and the list's dpd filter show), counted to the last close, at once in both directions.
 */
describe('the class is always classify(the days past due shown), between closes too (QA 11 S1)', () => {
  it('over random servicing histories recorded between nightly closes (payments back-dated or not, reversals, waivers, charges), an open loan\'s summary class is classify(its shown DPD) and the report counts it there', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
      const loan = new ServicedLoan('L1', servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 }, writeOffDpd: 400 }), '6000.00', 12, DISBURSED);
      let today = addDays(DISBURSED, 1);
      loan.close(DISBURSED);
      for (const [n, s] of steps.entries()) {
        if (s.op === 'advance') {
          for (let d = 0; d < s.days * 2; d++) {
            loan.close(today);
            today = addDays(today, 1);
          }
        }
        const lastClose = addDays(today, -1);
        loan.context = { lastClose };
        const command = commandFor(s, today, n, loan.state);
        if (command) attempt(loan, command, today);
        if (loan.state.status !== 'active' && loan.state.status !== 'overdue') continue;
        const doc = await summaryOf(loan);
        const shown = toLoanSummaryView(doc, lastClose);
        expect(shown.classification, `${command?.type ?? 'close'} on ${today}: DPD ${shown.daysPastDue}`).toBe(classify(shown.daysPastDue));
        const report = buildClassificationSnapshot([doc]).rows.find((row) => row.count === 1);
        expect(report?.classification).toBe(shown.classification);
      }
    }), { numRuns: Number(process.env.CLASS_SHOWN_RUNS ?? 60) });
  }, 600_000);

  /**
   * The QA example (QA 11 S1): 12 000.00, 12 monthly at 12 % (EMI 1 066.19), 50.00 fixed penalty after 3
   * grace days, disbursed 2026-07-26; rows 1–3 paid on their due dates, closed nightly through 11-30. By
   * hand: row 4 (due 11-26) is unpaid at the close of 11-30, 4 days past due → 关注, its 50.00 penalty owed.
   * On 12-01 before its close, 1 116.19 (= 1 066.19 + 50.00) pays row 4 whole: the oldest row owed is row
   * 5 (due 12-26), DPD 0 → 正常 at once, dated 12-01 (the payment's date); the close of 12-01 moves nothing.
   */
  it('given a loan 关注 at the close of 11-30 (row 4 four days past due), when 1 116.19 dated 12-01 is recorded before the close of 12-01, then it is 正常 at once, dated 12-01, and that close moves nothing', () => {
    const loan = new ServicedLoan('L1', servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 } }), '12000.00', 12, '2026-07-26');
    const paidOn = new Set(['2026-08-26', '2026-09-26', '2026-10-26']);
    for (let day = '2026-07-26'; day <= '2026-11-30'; day = addDays(day, 1)) {
      if (paidOn.has(day)) loan.repay('1066.19', `p${day}`, day);
      loan.close(day);
    }
    expect(loan.state.classification).toBe('special-mention');
    loan.context = { lastClose: '2026-11-30' };
    const events = loan.repay('1116.19', 'cure', '2026-12-01');
    expect(events.filter((e) => e.type === 'LoanClassified').map((e) => e.data)).toEqual([{ from: 'special-mention', to: 'normal', dpd: 0, date: '2026-12-01', reason: 'RepaymentReceived' }]);
    expect(loan.close('2026-12-01').filter((e) => e.type === 'LoanClassified')).toEqual([]);
    expect(loan.state.classification).toBe('normal');
  });
});
