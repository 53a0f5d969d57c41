import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLoanSummaryView, type LoanSummaryView } from '../../src/app/queries/loan-summary-view.js';
import { addDays } from '../../src/domain/calendar.js';
import { classify, isNonPerforming } from '../../src/domain/loan/classification.js';
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
 * run on the date the loan's view is as of, records exactly that standing.
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
      // The first close, on the date the view is as of, records the standing the view showed.
      loan.close(doc.asOf);
      const closed = toLoanSummaryView(await summaryOf(loan), doc.asOf);
      expect(standing(closed), label).toEqual(standing(shown));
    }), { numRuns: Number(process.env.FIRST_CLOSE_RUNS ?? 80) });
  }, 600_000);
});
