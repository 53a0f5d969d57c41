import { z } from 'zod';
import type { LedgerReconciliation } from '../../app/queries/ledger-reconciliation.js';
import type { PortfolioReport } from '../../app/queries/report-queries.js';
import { LEDGER_ACCOUNTS } from '../../projections/models/general-ledger/accounts.js';
import type { LargeValueRow } from '../../reports/aml-large-value.js';
import type { SuspiciousRow } from '../../reports/aml-suspicious.js';
import type { ClassificationSnapshot } from '../../reports/classification-report.js';
import type { FlowStatisticsRow } from '../../reports/flow-statistics.js';
import type { ParRow } from '../../reports/par-report.js';
import type { TrialBalance } from '../../reports/trial-balance.js';
import { classification } from './loan-views.js';

/**
 * JSON answers of the reports (`?format=csv` sends the same rows as text/csv instead). Amounts and
 * ratios are decimal strings. Each schema is checked against the report's own type below, so the
 * two cannot drift apart silently.
 */
const decimal = z.string().meta({ description: 'Decimal string' });
const period = { from: z.string().meta({ example: '2026-03-01' }), to: z.string().meta({ example: '2026-03-31' }) };

export const portfolioReportResponse = z.object({
  asOf: z.string(),
  byProductAndStatus: z.array(z.object({ productId: z.string(), status: z.string(), currency: z.string(), count: z.number().int(), principal: decimal, total: decimal }))
    .optional().meta({ description: 'The book as it stands on the business date; absent when asOf is before it (only vintage and collectionRate are computed as of a past date)' }),
  vintage: z.array(z.object({
    cohort: z.string(), monthOnBook: z.number().int(), observedOn: z.string(), loans: z.number().int(), delinquent30: z.number().int(), ratio: decimal,
  })),
  collectionRate: z.array(z.object({ month: z.string(), currency: z.string(), due: decimal, collected: decimal, rate: decimal.nullable() })),
}).meta({ id: 'PortfolioReport' });

export const classificationReportResponse = z.object({
  rows: z.array(z.object({ currency: z.string(), classification, count: z.number().int(), outstanding: decimal })),
  nplRatio: z.array(z.object({ currency: z.string(), ratio: decimal })),
}).meta({ id: 'ClassificationReport' });

export const parReportResponse = z.object({
  rows: z.array(z.object({ currency: z.string(), bucket: z.enum(['PAR30', 'PAR60', 'PAR90']), atRisk: decimal, total: decimal, ratio: decimal })),
}).meta({ id: 'ParReport' });

export const largeTransactionsResponse = z.object({
  ...period,
  rows: z.array(z.object({
    rule: z.enum(['single', 'daily-aggregate']), customerId: z.string(), date: z.string(), currency: z.string(), direction: z.enum(['in', 'out']),
    count: z.number().int(), total: decimal, transactionIds: z.string(),
  })),
}).meta({ id: 'AmlLargeTransactions' });

export const suspiciousResponse = z.object({
  ...period,
  rows: z.array(z.object({
    rule: z.enum(['structuring', 'fast-payoff']), customerId: z.string(), loanId: z.string().nullable(), currency: z.string(), from: z.string(), to: z.string(),
    count: z.number().int(), total: decimal, evidence: z.string(),
  })),
}).meta({ id: 'AmlSuspicious' });

export const trialBalanceResponse = z.object({
  asOf: z.string(),
  rows: z.array(z.object({ currency: z.string(), account: z.enum(LEDGER_ACCOUNTS), debit: decimal, credit: decimal, balance: decimal })),
  totals: z.array(z.object({ currency: z.string(), debit: decimal, credit: decimal, balanced: z.boolean() })),
}).meta({ id: 'TrialBalance' });

export const flowStatisticsResponse = z.object({
  ...period,
  granularity: z.enum(['day', 'month']),
  rows: z.array(z.object({ period: z.string(), kind: z.enum(['disbursement', 'repayment', 'recovery', 'refund']), channel: z.string(), currency: z.string(), count: z.number().int(), amount: decimal })),
}).meta({ id: 'FlowStatistics' });

export const ledgerReconciliationResponse = z.object({
  loansChecked: z.number().int(),
  items: z.array(z.object({
    loanId: z.string(), currency: z.string(), revision: z.string(),
    differences: z.array(z.object({ account: z.enum(LEDGER_ACCOUNTS), ledger: decimal, loan: decimal })),
  })).meta({ description: 'Loans whose ledger balances differ from their own figures (always empty)' }),
}).meta({ id: 'LedgerReconciliation' });

/** Compiles only while the report's type and its schema's output are assignable both ways (no field missing on either side). */
type Fits<Report, Schema extends z.ZodType> = [Report] extends [z.output<Schema>] ? ([z.output<Schema>] extends [Report] ? true : never) : never;
export const REPORT_SCHEMAS_FIT: [
  Fits<Omit<PortfolioReport, 'byProductAndStatus'> & Partial<Pick<PortfolioReport, 'byProductAndStatus'>>, typeof portfolioReportResponse>,
  Fits<ClassificationSnapshot, typeof classificationReportResponse>,
  Fits<{ rows: ParRow[] }, typeof parReportResponse>,
  Fits<{ from: string; to: string; rows: LargeValueRow[] }, typeof largeTransactionsResponse>,
  Fits<{ from: string; to: string; rows: SuspiciousRow[] }, typeof suspiciousResponse>,
  Fits<TrialBalance, typeof trialBalanceResponse>,
  Fits<{ from: string; to: string; granularity: 'day' | 'month'; rows: FlowStatisticsRow[] }, typeof flowStatisticsResponse>,
  Fits<LedgerReconciliation, typeof ledgerReconciliationResponse>,
] = [true, true, true, true, true, true, true, true];
