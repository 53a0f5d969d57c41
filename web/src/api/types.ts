import type { ApiRequest, ApiResponse, Schema } from './schema';

/**
 * Response shapes of the /v1 API the console reads, taken from the server's /openapi.json (./schema.ts).
 * Amounts are decimal strings computed by the server; the console only formats them.
 */
/** Who a token names (src/api/auth/token.ts TOKEN_ROLES), as the development login takes it. */
export type Role = ApiRequest<'postDevSession'>['role'];
/** A repayment's channel. */
export type Channel = ApiRequest<'loans.repay'>['channel'];
/** The five-category loan classification. */
export type Classification = LoanSummary['classification'];

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
