import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLoanSummaryView, type LoanSummaryView } from '../../src/app/queries/loan-summary-view.js';
import { loanOwnDateOf } from '../../src/app/queries/loan-own-date.js';
import { addDays, daysBetween } from '../../src/domain/calendar.js';
import { classify, isNonPerforming } from '../../src/domain/loan/classification.js';
import { owedOn } from '../../src/domain/loan/penalties-owed-by.js';
import { scheduleView } from '../../src/domain/loan/schedule-view.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../src/projections/models/loan-summary/documents.js';
import { loanSummaryProjection } from '../../src/projections/models/loan-summary/loan-summary.js';
import { buildClassificationSnapshot } from '../../src/reports/classification-report.js';
import { buildParReport } from '../../src/reports/par-report.js';
import { FakeContext, project } from '../projections/models/fake-context.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { attempt, commandFor, DISBURSED, step } from '../servicing/servicing-history.js';

async function summaryOf(loan: ServicedLoan): Promise<LoanSummaryDoc> {
  const ctx = await project(loanSummaryProjection, loan.log.events, new FakeContext());
  return ctx.all<LoanSummaryDoc>(LOAN_SUMMARY)[0] as LoanSummaryDoc;
}

const standing = (view: LoanSummaryView) => ({ status: view.status, npa: view.flags.includes('npa'), classification: view.classification, daysPastDue: view.daysPastDue });

/**
 * qa17: before the lender's first close of business nothing records a loan's class, overdue status or
 * NPA flag, and a loan keyed in back-dated showed 154 days past due as 正常 and active. The invariant,
 * over random servicing histories on a book no close has run on (payments back-dated or not,
 * reversals, waivers, charges, reschedules, write-off requests): a loan on the book shows
 * classify(the days past due it shows), overdue exactly while some day is past due, NPA exactly for
 * the last three categories; the five-category report and PAR count it there; and the first close,
 * run on the date the loan's view is as of, records exactly that standing. And (qa18 D4) the schedule,
 * its rows aged to the loan's own date as GET /v1/loans/:id/schedule ages them then, agrees: that
 * date is the one the summary is as of, a row is overdue exactly while some day is past due, and
 * the days past due run from no earlier than the oldest overdue row's due date.
 */
describe('before the first close, a loan shows the standing that close records (qa17)', () => {
  it('over random histories recorded with no close run, the shown class is classify(shown DPD), status and NPA follow, the reports agree, and the first close changes none of it', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
      const loan = new ServicedLoan('L1', servicingTerms({ penalty: { type: 'fixed', value: '50.00', cap: null, graceDays: 3 }, writeOffDpd: 400 }), '6000.00', 12, DISBURSED);
      let today = addDays(DISBURSED, 1);
      for (const [n, s] of steps.entries()) {
        if (s.op === 'advance') today = addDays(today, s.days * 3);
        const command = commandFor(s, today, n, loan.state);
        if (command) attempt(loan, command, today);
      }
      const doc = await summaryOf(loan);
      const shown = toLoanSummaryView(doc, null);
      if (shown.status !== 'active' && shown.status !== 'overdue') return;
      const label = `on ${doc.asOf}: DPD ${shown.daysPastDue}, recorded ${doc.status} ${doc.classification}`;
      expect(shown.classification, label).toBe(classify(shown.daysPastDue));
      expect(shown.status, label).toBe(shown.daysPastDue > 0 ? 'overdue' : doc.status);
      expect(shown.flags.includes('npa'), label).toBe(isNonPerforming(shown.classification));
      expect(buildClassificationSnapshot([shown]).rows.find((row) => row.count === 1)?.classification, label).toBe(shown.classification);
      const par90 = buildParReport([shown]).find((row) => row.bucket === 'PAR90');
      expect(par90?.atRisk !== '0.00' && par90?.atRisk !== '0', label).toBe(shown.daysPastDue > 90 && shown.outstanding.principal !== '0.00');
      const ownDate = loanOwnDateOf(loan.log.events);
      expect(ownDate, label).toBe(doc.asOf);
      const overdueRows = scheduleView(owedOn(loan.state, doc.asOf, loan.memo), ownDate).rows.filter((row) => row.status === 'overdue');
      expect(overdueRows.length > 0, `${label}, overdue rows ${overdueRows.map((row) => row.dueDate).join(' ')}`).toBe(shown.daysPastDue > 0);
      if (overdueRows[0] !== undefined) expect(shown.daysPastDue, label).toBeLessThanOrEqual(daysBetween(overdueRows[0].dueDate, doc.asOf));
      // The first close, on the date the view is as of, records the standing the view showed.
      loan.close(doc.asOf);
      const closed = toLoanSummaryView(await summaryOf(loan), doc.asOf);
      expect(standing(closed), label).toEqual(standing(shown));
    }), { numRuns: Number(process.env.FIRST_CLOSE_RUNS ?? 80) });
  }, 600_000);
});
