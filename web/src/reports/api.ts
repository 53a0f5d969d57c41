import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse, Schema } from '../api/schema';
import type { ReportRows } from '../api/types';
import type { MessageKey } from '../i18n/i18n';

/** The regulator and portfolio reports the console lists; each is JSON for the page and CSV (`?format=csv`) for download. */
export interface ReportDef {
  id: string;
  title: MessageKey;
  path: string;
  /** Which JSON field holds the rows shown (CSV carries the same table). */
  rowsField: string;
}

export const REPORTS: ReportDef[] = [
  { id: 'portfolio', title: 'report.portfolio', path: '/v1/reports/portfolio', rowsField: 'byProductAndStatus' },
  { id: 'classification', title: 'report.classification', path: '/v1/reports/classification', rowsField: 'rows' },
  { id: 'par', title: 'report.par', path: '/v1/reports/par', rowsField: 'rows' },
  { id: 'trial-balance', title: 'report.trialBalance', path: '/v1/reports/ledger/trial-balance', rowsField: 'rows' },
  { id: 'aml-large', title: 'report.amlLarge', path: '/v1/reports/aml/large-transactions', rowsField: 'rows' },
  { id: 'aml-suspicious', title: 'report.amlSuspicious', path: '/v1/reports/aml/suspicious', rowsField: 'rows' },
];

/** Disbursements, repayments, recoveries and refunds per month since `from` (the dashboard's flow chart). */
export function useMonthlyFlows(from: string | undefined) {
  return useQuery({
    queryKey: ['report', 'flows', from],
    queryFn: async () => (await getJson<ApiResponse<'reports.disbursements'>>('/v1/reports/disbursements', { granularity: 'month', from })).rows,
    // `from` comes from the business date: nothing to ask until it is known.
    enabled: from !== undefined,
  });
}

export function useReport(report: ReportDef, enabled = true) {
  return useQuery({
    queryKey: ['report', report.id],
    queryFn: async () => {
      const body = await getJson<Record<string, unknown>>(report.path);
      return (body[report.rowsField] ?? []) as ReportRows['rows'];
    },
    enabled,
  });
}

/** One month of GET /v1/reports/portfolio's `collectionRate`: due and collected (decimal strings) and collected ÷ due (four places; null when nothing fell due). */
export type CollectionRateRow = Schema<'PortfolioReport'>['collectionRate'][number];

/** The portfolio report's monthly collection rate, as the server computed it from its read models. */
export function useCollectionRate() {
  return useQuery({
    queryKey: ['report', 'collection-rate'],
    queryFn: async () => (await getJson<ApiResponse<'reports.portfolio'>>('/v1/reports/portfolio')).collectionRate,
  });
}
