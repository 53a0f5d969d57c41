import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findLoans } from '../../src/app/lists/loan-list.js';
import { toLoanSummaryView, type LoanSummaryView } from '../../src/app/queries/loan-summary-view.js';
import { mayOweUnchargedPenalty } from '../../src/app/queries/owed-today.js';
import { owedNowOf } from '../../src/app/queries/owed-now.js';
import { classificationReport, parReport, portfolioReport } from '../../src/app/queries/report-queries.js';
import { addDays } from '../../src/domain/calendar.js';
import { EOD_RUNS, ensureRunRecords, saveRun } from '../../src/eod/run-record.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../src/projections/models/loan-summary/documents.js';
import { loanSummaryProjection } from '../../src/projections/models/loan-summary/loan-summary.js';
import { REGULATORY_TRANSACTIONS } from '../../src/projections/models/regulatory/documents.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { buildClassificationSnapshot } from '../../src/reports/classification-report.js';
import { buildParReport } from '../../src/reports/par-report.js';
import { buildPortfolioByProductAndStatus } from '../../src/reports/portfolio-report.js';
import { FakeContext, project } from '../projections/models/fake-context.js';
import { ServicedLoan, servicingTerms } from '../servicing/serviced-loan.js';
import { attempt, commandFor, DISBURSED, step } from '../servicing/servicing-history.js';

const dir = mkdtempSync(path.join(tmpdir(), 'reports-as-shown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let stores = 0;

/** The loan's summary document as the loan-summary projection builds it from the loan's log. */
async function summaryOf(loan: ServicedLoan): Promise<LoanSummaryDoc> {
  const ctx = await project(loanSummaryProjection, loan.log.events, new FakeContext());
  return ctx.all<LoanSummaryDoc>(LOAN_SUMMARY)[0] as LoanSummaryDoc;
}

/** A read store holding the loans' summaries, closed through `lastClose`. */
async function bookStore(loans: readonly ServicedLoan[], lastClose: string): Promise<SqliteReadStore> {
  const store = SqliteReadStore.open({ path: path.join(dir, `book-${stores++}.db`) });
  await store.ensureCollection(loanSummaryProjection.collections[0]!);
  await ensureRunRecords(store);
  // The portfolio report's collection-rate table reads them; this book has no regulatory model.
  await store.ensureCollection({ name: REGULATORY_TRANSACTIONS, indexes: [] });
  const docs = await Promise.all(loans.map(summaryOf));
  await store.commit(docs.map((doc) => ({ op: 'put' as const, collection: LOAN_SUMMARY, doc })), { projection: 'loan-summary', version: 1, position: 1n, updatedAt: '2026-01-01T00:00:00Z' });
  await saveRun(store, { id: lastClose, status: 'completed', startedAt: '', completedAt: '', resumeAt: null, loansScanned: 0, loansChanged: 0, eventsAppended: 0 }, 1n, new Date());
  expect((await store.find(EOD_RUNS, {})).items).toHaveLength(1);
  return store;
}

/**
 * The summary document as GET /v1/loans/:id and the loan list read it on `today` (summaryOwedOn): its
 * figures with the penalties owed by then that no close has charged, from the loan as its log holds it.
 */
const owedOnFor = (loans: readonly ServicedLoan[], today: string) => async (doc: LoanSummaryDoc): Promise<LoanSummaryDoc> => {
  if (!mayOweUnchargedPenalty(doc, today)) return doc;
  const loan = loans.find((l) => l.loanId === doc.id) as ServicedLoan;
  const owed = owedNowOf(loan.state, today).figures;
  return owed ? { ...doc, ...owed } : doc;
};

/** The two loans of the book: QA 11's 50.00 penalty after 3 grace days, so a back-dated reversal leaves a penalty owed that no close charged. */
function book(): ServicedLoan[] {
  const penalty = { type: 'fixed' as const, value: '50.00', cap: null, graceDays: 3 };
  return [
    new ServicedLoan('L1', servicingTerms({ penalty, writeOffDpd: 400 }), '6000.00', 12, DISBURSED),
    new ServicedLoan('L2', servicingTerms({ penalty, writeOffDpd: 400 }), '3000.00', 6, DISBURSED),
  ];
}

/**
 * QA 11 S9 left the regulator reports behind: PAR read each loan's days past due from the stored
 * document, which leaves out a penalty owed that no close has charged, so after a back-dated reversal
 * (or a back-dated payment) it bucketed a loan by other days past due than the loan list and the loan's
 * own summary showed, until the night's close. The invariant: at any moment between closes, the PAR,
 * five-category and portfolio reports are sums over the rows the loan list shows, and each loan is in
 * the PAR buckets its own summary's days past due put it in.
 */
describe('the portfolio reports are sums over the loans as the list and each loan\'s summary show them', () => {
  it('over random servicing histories of a two-loan book recorded between nightly closes, PAR, the five categories and outstanding by product and status sum the list\'s rows, and each loan is at risk in PAR exactly as its summary\'s days past due say', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(1), step), { minLength: 1, maxLength: 14 }), async (steps) => {
      const loans = book();
      let today = addDays(DISBURSED, 1);
      for (const loan of loans) loan.close(DISBURSED);
      for (const [n, [which, s]] of steps.entries()) {
        if (s.op === 'advance') {
          for (let d = 0; d < s.days * 2; d++) {
            for (const loan of loans) loan.close(today);
            today = addDays(today, 1);
          }
        }
        const lastClose = addDays(today, -1);
        const loan = loans[which] as ServicedLoan;
        for (const each of loans) each.context = { lastClose };
        const command = commandFor(s, today, n, loan.state);
        if (command) attempt(loan, command, today);
        const store = await bookStore(loans, lastClose);
        try {
          const owedOn = owedOnFor(loans, today);
          const list = (await findLoans(store, { sort: 'id', limit: 10 }, owedOn)).items;
          const details = await Promise.all(loans.map(async (l) => toLoanSummaryView(await owedOn(await summaryOf(l)), lastClose)));
          expect(list).toEqual(details);
          const at = `${command?.type ?? 'close'} on ${today}: DPD ${details.map((d) => d.daysPastDue).join(', ')}`;
          expect(await parReport(store, owedOn), at).toEqual(buildParReport(list));
          expect(await classificationReport(store, owedOn), at).toEqual(buildClassificationSnapshot(list));
          expect((await portfolioReport(store, today, owedOn)).byProductAndStatus, at).toEqual(buildPortfolioByProductAndStatus(list));
          // Each loan alone: at risk in PAR30/60/90 exactly when its summary's days past due exceed 30/60/90.
          for (const detail of details) {
            const atRisk = (await parReport(store, async (doc) => (doc.id === detail.id ? owedOn(doc) : { ...doc, status: 'closed' })))
              .filter((row) => row.atRisk !== '0.00').map((row) => row.bucket);
            expect(atRisk, `${at}: ${detail.id}`).toEqual(onBookBuckets(detail));
          }
        } finally {
          await store.close();
        }
      }
    }), { numRuns: Number(process.env.VIEWS_RUNS ?? 40) });
  }, 600_000);
});

/** The PAR buckets a loan's own days past due put it in, when it is on the book with principal outstanding. */
function onBookBuckets(view: LoanSummaryView): string[] {
  if (!['active', 'overdue', 'overpaid'].includes(view.status) || Number(view.outstanding.principal) === 0) return [];
  return ([['PAR30', 30], ['PAR60', 60], ['PAR90', 90]] as const).filter(([, days]) => view.daysPastDue > days).map(([bucket]) => bucket);
}

/**
 * The worked example: 6 000.00 × 12 monthly at 12 % (EMI 533.09; row 1 = 473.09 principal + 60.00
 * interest), a 50.00 penalty after 3 grace days, disbursed 2024-01-15 and closed nightly through
 * 03-24; row 1 (due 02-15) paid 533.09 on 02-15, row 2 (due 03-15) paid 533.09 on 03-17, in its grace.
 * On 03-25, before that night's close, the 02-15 payment is reversed. By hand: the 03-17 payment now
 * pays row 1 after its grace (which ended 02-18), so row 1 owes its 50.00 penalty, which takes the
 * payment's first 50.00 (penalty first), then 60.00 of interest and 423.09 of principal: row 1 still
 * owes 50.00 of principal, the oldest row owed, due 02-15: 38 days past due at the last close (03-24),
 * principal outstanding 6 000.00 − 423.09 = 5 576.91 — what the loan and the list show. PAR30 is all of
 * it, PAR60 and PAR90 nothing. The reversal records that penalty itself since QA 12 Q1, so the stored
 * document says so too; before, it said row 2, 9 days, 5 526.91, and PAR30 was 0.00 until the night's close.
 */
describe('PAR after a back-dated reversal, before the night\'s close (worked example)', () => {
  it('puts the loan in PAR30 with the 5 576.91 of principal its summary shows 38 days past due', async () => {
    const [loan] = book() as [ServicedLoan, ServicedLoan];
    for (let day = DISBURSED; day <= '2024-03-24'; day = addDays(day, 1)) {
      if (day === '2024-02-15') loan.repay('533.09', 'row-1', day);
      if (day === '2024-03-17') loan.repay('533.09', 'row-2', day);
      loan.close(day);
    }
    loan.context = { lastClose: '2024-03-24' };
    loan.run({ type: 'ReverseRepayment', data: { reference: 'row-1', reason: 'bounced', effectiveDate: '2024-03-25', reversedBy: 'officer-1' } }, '2024-03-25');
    const store = await bookStore([loan], '2024-03-24');
    try {
      const owedOn = owedOnFor([loan], '2024-03-25');
      const stored = await summaryOf(loan);
      const shown = toLoanSummaryView(await owedOn(stored), '2024-03-24');
      expect(shown).toMatchObject({ daysPastDue: 38, nextDue: { date: '2024-02-15', amount: '50.00' }, outstanding: { principal: '5576.91', penalties: '50.00' }, classification: 'special-mention' });
      expect(toLoanSummaryView(stored, '2024-03-24'), 'the reversal recorded the penalty it made owed (QA 12 Q1)').toEqual(shown);
      expect((await findLoans(store, { sort: 'id', limit: 10 }, owedOn)).items).toEqual([shown]);
      expect(await parReport(store, owedOn)).toEqual([
        { currency: 'CNY', bucket: 'PAR30', atRisk: '5576.91', total: '5576.91', ratio: '1' },
        { currency: 'CNY', bucket: 'PAR60', atRisk: '0.00', total: '5576.91', ratio: '0' },
        { currency: 'CNY', bucket: 'PAR90', atRisk: '0.00', total: '5576.91', ratio: '0' },
      ]);
    } finally {
      await store.close();
    }
  });
});
