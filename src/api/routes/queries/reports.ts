import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  classificationReport, disbursementsReport, largeTransactionsReport, parReport, portfolioReport, suspiciousReport, trialBalanceReport,
  type OwedOn, type Period,
} from '../../../app/queries/report-queries.js';
import { LARGE_VALUE_COLUMNS } from '../../../reports/aml-large-value.js';
import { SUSPICIOUS_COLUMNS } from '../../../reports/aml-suspicious.js';
import { CLASSIFICATION_COLUMNS } from '../../../reports/classification-report.js';
import { COLLECTION_RATE_COLUMNS } from '../../../reports/collection-rate.js';
import { FLOW_STATISTICS_COLUMNS } from '../../../reports/flow-statistics.js';
import { PAR_COLUMNS } from '../../../reports/par-report.js';
import { PORTFOLIO_COLUMNS } from '../../../reports/portfolio-report.js';
import { VINTAGE_COLUMNS } from '../../../reports/vintage.js';
import { reconcileLedger } from '../../../app/queries/ledger-reconciliation.js';
import { summaryOwedOn } from '../../../app/queries/owed-today.js';
import type { ApiPlugin } from '../../deps.js';
import {
  classificationReportResponse, flowStatisticsResponse, largeTransactionsResponse, parReportResponse, portfolioReportResponse, suspiciousResponse,
  trialBalanceResponse,
  ledgerReconciliationResponse,
} from '../../schemas/report-views.js';
import { HttpError } from '../../http-error.js';
import { asOfNotAfterToday, businessDate, guard, reportFormat, sendReport, today } from './query-schemas.js';
import { awaitPosition, awaitProjections, checkMinPosition, minPositionParam } from './read-your-writes.js';

const snapshotQuery = z.object({ format: reportFormat, minPosition: minPositionParam }).strict();
const asOfQuery = z.object({ asOf: businessDate.optional(), format: reportFormat, minPosition: minPositionParam }).strict();
const periodFields = { from: businessDate.optional(), to: businessDate.optional(), format: reportFormat, minPosition: minPositionParam };
const periodQuery = z.object(periodFields).strict();
// The portfolio holds three tables; CSV carries one, picked by `table`.
const portfolioQuery = asOfQuery.extend({ table: z.enum(['byProductAndStatus', 'vintage', 'collectionRate']).default('byProductAndStatus') }).strict();

/** A reporting window: `from` defaults to the start of the month of `to`, `to` to today; from after to is refused. */
function periodOf(query: { from?: string; to?: string }, now: Date, timeZone?: string): Period {
  const to = query.to ?? today(now, timeZone);
  const from = query.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw new HttpError(400, 'INVALID_PERIOD', `from ${from} is after to ${to}`);
  return { from, to };
}

/** GET /v1/reports/* — regulator and portfolio reports as JSON or CSV (`?format=csv`). */
export const reportRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  // The book reports read each loan as the loan list and its summary do: what a payment on the business date finds owed (QA 10 R1, QA 11 S9).
  const owedOn = (businessDate: string): OwedOn => (doc) => summaryOwedOn(deps.eventStore, doc, businessDate);

  app.get('/v1/reports/portfolio', {
    preValidation: guard('reports.portfolio'),
    schema: {
      tags, summary: 'Outstanding by product and status, vintage (share > 30 DPD per cohort and month on book), monthly collection rate', querystring: portfolioQuery,
      description: 'Outstanding by product and status is the book as it stands on the business date (the read models hold no past book): an asOf before the business date '
        + 'is 422 PORTFOLIO_AS_OF_PAST unless table is vintage or collectionRate, which are computed as of it; the JSON then leaves byProductAndStatus out.',
      response: { 200: portfolioReportResponse },
    },
  }, async (request, reply) => {
    const { asOf, format, minPosition, table } = request.query;
    const businessDay = today(deps.clock.now(), deps.clock.timeZone);
    if (asOf !== undefined) asOfNotAfterToday(asOf, 'asOf', deps.clock.now(), deps.clock.timeZone);
    // QA 11 S8: today's outstanding was answered under a past date.
    const past = asOf !== undefined && asOf < businessDay;
    if (past && table === 'byProductAndStatus') {
      throw new HttpError(422, 'PORTFOLIO_AS_OF_PAST',
        `outstanding by product and status is only known as of the business date ${businessDay}, not ${asOf}: leave asOf out, or ask table=vintage or table=collectionRate for ${asOf}`);
    }
    await awaitProjections(deps, ['loan-summary', 'regulatory'], minPosition);
    const full = await portfolioReport(deps.readStore, asOf ?? businessDay, owedOn(businessDay));
    const { byProductAndStatus: _now, ...asOfOnly } = full;
    const report = past ? asOfOnly : full;
    if (table === 'vintage') return sendReport(reply, format, 'portfolio-vintage', { rows: full.vintage, columns: VINTAGE_COLUMNS }, report);
    if (table === 'collectionRate') {
      return sendReport(reply, format, 'portfolio-collection-rate', { rows: full.collectionRate, columns: COLLECTION_RATE_COLUMNS }, report);
    }
    return sendReport(reply, format, 'portfolio', { rows: full.byProductAndStatus, columns: PORTFOLIO_COLUMNS }, report);
  });

  app.get('/v1/reports/classification', {
    preValidation: guard('reports.classification'),
    schema: { tags, summary: 'Five-category classification: count and outstanding principal per category, NPL ratio', querystring: snapshotQuery, response: { 200: classificationReportResponse } },
  }, async (request, reply) => {
    await awaitProjections(deps, ['loan-summary'], request.query.minPosition);
    const report = await classificationReport(deps.readStore, owedOn(today(deps.clock.now(), deps.clock.timeZone)));
    return sendReport(reply, request.query.format, 'classification', { rows: report.rows, columns: CLASSIFICATION_COLUMNS }, report);
  });

  app.get('/v1/reports/par', {
    preValidation: guard('reports.par'),
    schema: { tags, summary: 'Portfolio at risk PAR30/60/90 per currency', querystring: snapshotQuery, response: { 200: parReportResponse } },
  }, async (request, reply) => {
    await awaitProjections(deps, ['loan-summary'], request.query.minPosition);
    const rows = await parReport(deps.readStore, owedOn(today(deps.clock.now(), deps.clock.timeZone)));
    return sendReport(reply, request.query.format, 'par', { rows, columns: PAR_COLUMNS }, { rows });
  });

  app.get('/v1/reports/aml/large-transactions', {
    preValidation: guard('reports.amlLargeTransactions'),
    schema: { tags, summary: 'AML large-value transactions (single or same-day aggregate ≥ threshold) in the period', querystring: periodQuery, response: { 200: largeTransactionsResponse } },
  }, async (request, reply) => {
    await awaitProjections(deps, ['regulatory'], request.query.minPosition);
    const period = periodOf(request.query, deps.clock.now(), deps.clock.timeZone);
    const rows = await largeTransactionsReport(deps.readStore, period);
    return sendReport(reply, request.query.format, 'aml-large-transactions', { rows, columns: LARGE_VALUE_COLUMNS }, { ...period, rows });
  });

  app.get('/v1/reports/aml/suspicious', {
    preValidation: guard('reports.amlSuspicious'),
    schema: { tags, summary: 'AML suspicious patterns: structuring just under the threshold, fast borrow-and-repay', querystring: periodQuery, response: { 200: suspiciousResponse } },
  }, async (request, reply) => {
    await awaitProjections(deps, ['regulatory'], request.query.minPosition);
    const period = periodOf(request.query, deps.clock.now(), deps.clock.timeZone);
    const rows = await suspiciousReport(deps.readStore, period);
    return sendReport(reply, request.query.format, 'aml-suspicious', { rows, columns: SUSPICIOUS_COLUMNS }, { ...period, rows });
  });

  app.get('/v1/reports/ledger/trial-balance', {
    preValidation: guard('reports.trialBalance'),
    schema: { tags, summary: 'Trial balance of the general ledger as of a business date; debits equal credits per currency', querystring: asOfQuery, response: { 200: trialBalanceResponse } },
  }, async (request, reply) => {
    await awaitProjections(deps, ['general-ledger'], request.query.minPosition);
    const asOf = request.query.asOf === undefined
      ? today(deps.clock.now(), deps.clock.timeZone)
      : asOfNotAfterToday(request.query.asOf, 'asOf', deps.clock.now(), deps.clock.timeZone);
    const report = await trialBalanceReport(deps.readStore, asOf);
    return sendReport(reply, request.query.format, 'trial-balance', { rows: report.rows, columns: ['currency', 'account', 'debit', 'credit', 'balance'] }, report);
  });

  app.get('/v1/reports/ledger/reconciliation', {
    preValidation: guard('reports.ledgerReconciliation'),
    schema: {
      tags,
      summary: 'Loans whose general-ledger balances differ from their own figures, per account (always empty)',
      description: 'For every loan the ledger has posted, the sum of its journal lines per account against the loan\'s figures folded from the event log at the same revision. Without minPosition it first waits for the general ledger to post everything the log held when asked (503 PROJECTION_BEHIND after 5 s), so every loan is folded from its newest snapshot rather than from its first event.',
      querystring: snapshotQuery,
      response: { 200: ledgerReconciliationResponse },
    },
  }, async (request, reply) => {
    // A ledger behind a loan's newest snapshot leaves only the loan's first event to fold the figures from: on a
    // long loan just after a burst of payments that took 25 s of the server's one thread (qa15), so the report
    // waits for the ledger to reach the log's head as it stood when asked.
    await awaitPosition(deps, ['general-ledger'], request.query.minPosition === undefined
      ? await deps.eventStore.headPosition()
      : await checkMinPosition(deps, request.query.minPosition));
    const report = await reconcileLedger(deps.eventStore, deps.readStore);
    const rows = report.items.flatMap((item) => item.differences.map((d) => ({ loanId: item.loanId, currency: item.currency, revision: item.revision, ...d })));
    return sendReport(reply, request.query.format, 'ledger-reconciliation', { rows, columns: ['loanId', 'currency', 'revision', 'account', 'ledger', 'loan'] }, report);
  });

  app.get('/v1/reports/disbursements', {
    preValidation: guard('reports.disbursements'),
    schema: {
      tags,
      summary: 'Disbursements, repayments, recoveries and refunds per day or month, kind and channel',
      querystring: z.object({ ...periodFields, granularity: z.enum(['day', 'month']).default('day') }).strict(),
      response: { 200: flowStatisticsResponse },
    },
  }, async (request, reply) => {
    await awaitProjections(deps, ['regulatory'], request.query.minPosition);
    const period = periodOf(request.query, deps.clock.now(), deps.clock.timeZone);
    const rows = await disbursementsReport(deps.readStore, period, request.query.granularity);
    return sendReport(reply, request.query.format, 'disbursements', { rows, columns: FLOW_STATISTICS_COLUMNS }, { ...period, granularity: request.query.granularity, rows });
  });
};
