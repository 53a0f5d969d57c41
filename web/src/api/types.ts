import type { ApiResponse, Schema } from './schema';

/**
 * Response shapes of the /v1 API the console reads, taken from the server's /openapi.json (./schema.ts).
 * Amounts are decimal strings computed by the server; the console only formats them.
 */
export type Role = 'borrower' | 'officer' | 'underwriter' | 'compliance' | 'admin';
export type Channel = 'online' | 'bank_transfer' | 'alipay' | 'wechat';
export type Classification = 'normal' | 'special-mention' | 'substandard' | 'doubtful' | 'loss';

/** What every command answers: the entity, its stream revision and the log position (pass as ?minPosition=). */
export type CommandResult = ApiResponse<'loans.apply'>;

export type LoanSummary = Schema<'LoanSummary'>;
export type Outstanding = LoanSummary['outstanding'];

export type Schedule = Schema<'LoanSchedule'>;
export type ScheduleRow = Schedule['rows'][number];

export type LoanHistory = Schema<'LoanHistory'>;
export type HistoryEvent = LoanHistory['events'][number];

export type LoanStateAt = Schema<'LoanStateAt'>;

export type Payoff = Schema<'PayoffQuote'>;

export type Product = Schema<'Product'>;
export type ProductTerms = Product['terms'];

export type CustomerAccount = Schema<'CustomerAccount'>;
export type CustomerLoanLine = CustomerAccount['loans'][number];

export type ProjectionStatus = Schema<'ProjectionStatusList'>['items'][number];

export type CloseOfBusinessReport = ApiResponse<'operations.closeOfBusiness'>;

/** A report's JSON: its rows (objects of strings and counts) and whatever the report adds (asOf, period...). */
export interface ReportRows {
  rows: Record<string, string | number | null>[];
}
