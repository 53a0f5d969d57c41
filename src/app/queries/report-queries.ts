import { LEDGER_JOURNAL } from '../../projections/models/general-ledger/general-ledger.js';
import type { JournalEntry } from '../../projections/models/general-ledger/accounts.js';
import { LOAN_SUMMARY, type LoanSummaryDoc } from '../../projections/models/loan-summary/documents.js';
import {
  REGULATORY_LOANS, REGULATORY_TRANSACTIONS, type RegulatoryLoan, type RegulatoryTransaction,
} from '../../projections/models/regulatory/documents.js';
import type { Doc, ReadStore } from '../../readstore/port.js';
import { closedThrough, daysPastDueAt } from './loan-summary-view.js';
import { findLargeValueTransactions, type LargeValueRow } from '../../reports/aml-large-value.js';
import { findSuspiciousActivity, type SuspiciousRow } from '../../reports/aml-suspicious.js';
import { buildClassificationSnapshot, type ClassificationSnapshot } from '../../reports/classification-report.js';
import { buildCollectionRate, type CollectionRateRow } from '../../reports/collection-rate.js';
import { buildFlowStatistics, type FlowStatisticsRow, type Granularity } from '../../reports/flow-statistics.js';
import { buildParReport, type ParRow } from '../../reports/par-report.js';
import { buildPortfolioByProductAndStatus, type PortfolioRow } from '../../reports/portfolio-report.js';
import { buildTrialBalance, type TrialBalance } from '../../reports/trial-balance.js';
import { buildVintage, type VintageRow } from '../../reports/vintage.js';

/** A business-date window, both ends inclusive (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

async function all<T extends Doc>(readStore: ReadStore, collection: string): Promise<T[]> {
  const docs: T[] = [];
  for await (const doc of readStore.scan<T>(collection)) docs.push(doc);
  return docs;
}

async function transactionsIn(readStore: ReadStore, period: Period): Promise<RegulatoryTransaction[]> {
  return (await all<RegulatoryTransaction>(readStore, REGULATORY_TRANSACTIONS)).filter((tx) => tx.date >= period.from && tx.date <= period.to);
}

export interface PortfolioReport {
  asOf: string;
  byProductAndStatus: PortfolioRow[];
  vintage: VintageRow[];
  collectionRate: CollectionRateRow[];
}

/** Outstanding by product and status (now), vintage curves and monthly collection rate up to `asOf`. */
export async function portfolioReport(readStore: ReadStore, asOf: string): Promise<PortfolioReport> {
  const loans = await all<LoanSummaryDoc>(readStore, LOAN_SUMMARY);
  const transactions = await all<RegulatoryTransaction>(readStore, REGULATORY_TRANSACTIONS);
  return {
    asOf,
    byProductAndStatus: buildPortfolioByProductAndStatus(loans),
    vintage: buildVintage(loans, asOf),
    collectionRate: buildCollectionRate(loans, transactions, asOf),
  };
}

export async function classificationReport(readStore: ReadStore): Promise<ClassificationSnapshot> {
  return buildClassificationSnapshot(await all<LoanSummaryDoc>(readStore, LOAN_SUMMARY));
}

/** Portfolio at risk with each loan's days past due aged to the last closed business date. */
export async function parReport(readStore: ReadStore): Promise<ParRow[]> {
  const closed = await closedThrough(readStore);
  const loans = await all<LoanSummaryDoc>(readStore, LOAN_SUMMARY);
  return buildParReport(loans.map((doc) => ({ ...doc, daysPastDue: daysPastDueAt(doc, closed) })));
}

export async function largeTransactionsReport(readStore: ReadStore, period: Period): Promise<LargeValueRow[]> {
  return findLargeValueTransactions(await transactionsIn(readStore, period));
}

/** Suspicious patterns among the period's transactions and the loans disbursed in it. */
export async function suspiciousReport(readStore: ReadStore, period: Period): Promise<SuspiciousRow[]> {
  const loans = (await all<RegulatoryLoan>(readStore, REGULATORY_LOANS))
    .filter((loan) => loan.disbursedOn !== null && loan.disbursedOn >= period.from && loan.disbursedOn <= period.to);
  return findSuspiciousActivity(await transactionsIn(readStore, period), loans);
}

export async function trialBalanceReport(readStore: ReadStore, asOf: string): Promise<TrialBalance> {
  return buildTrialBalance(await all<JournalEntry>(readStore, LEDGER_JOURNAL), asOf);
}

/** Disbursement and repayment statistics per period and channel. */
export async function disbursementsReport(readStore: ReadStore, period: Period, granularity: Granularity): Promise<FlowStatisticsRow[]> {
  return buildFlowStatistics(await transactionsIn(readStore, period), granularity);
}
