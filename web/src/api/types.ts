/**
 * Response shapes of the /v1 API the console reads, as the server sends them (see /openapi.json
 * and docs/DESIGN.md). Amounts are decimal strings computed by the server; the console only formats them.
 */
export type Role = 'borrower' | 'officer' | 'underwriter' | 'compliance' | 'admin';
export type Channel = 'online' | 'bank_transfer' | 'alipay' | 'wechat';
export type Classification = 'normal' | 'special-mention' | 'substandard' | 'doubtful' | 'loss';

export interface CommandResult {
  id: string;
  revision: string;
  position: string;
}

export interface Outstanding {
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
  total: string;
}

export interface LoanSummary {
  id: string;
  customerId: string;
  productId: string;
  status: string;
  flags: string[];
  currency: string;
  principal: string;
  outstanding: Outstanding;
  nextDue: { date: string; amount: string } | null;
  daysPastDue: number;
  classification: Classification | null;
  asOf?: string;
}

export interface ScheduleRow {
  number: number;
  dueDate: string;
  principal: string;
  interest: string;
  fee: string;
  penalty: string;
  total: string;
  balance: string;
  paid: string;
  status: string;
}

export interface Schedule {
  currency: string;
  rows: ScheduleRow[];
}

export interface HistoryEvent {
  revision: string;
  position: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { sub: string; role: string };
  correlationId: string;
  causationId: string | null;
  prevHash: string;
  hash: string;
  data: unknown;
}

export interface LoanHistory {
  loanId: string;
  customerId: string;
  disclosure: string;
  borrower: Record<string, string | null>;
  events: HistoryEvent[];
}

export interface LoanStateAt {
  id: string;
  asOf: string;
  revision: string;
  customerId: string;
  summary: Omit<LoanSummary, 'id' | 'customerId' | 'productId'>;
  schedule: Schedule;
}

export interface Payoff {
  id: string;
  currency: string;
  date: string;
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
  /** A refund paid out against a payment since reversed, owed back; already included in `total`. */
  refundDue?: string;
  total: string;
}

export interface ProductTerms {
  name: string;
  currency: string;
  principal: { min: string; max: string };
  term: { min: number; max: number };
  frequency: 'monthly' | 'biweekly' | 'weekly';
  annualRate: string;
  interestMethod: string;
  amortization: string;
  aprCap: string | null;
  fees: { kind: string; type: string; value: string }[];
}

export interface Product {
  id: string;
  version: number;
  terms: ProductTerms;
  retired: boolean;
  definedOn: string;
  retiredOn: string | null;
}

export interface CustomerLoanLine {
  loanId: string;
  status: string;
  currency: string;
  principal: string;
  outstanding: string;
  nextDue: { date: string; amount: string } | null;
}

export interface CustomerAccount {
  id: string;
  profile: { name: string | null; nationalId: string | null; phone: string | null; email: string | null };
  registeredOn: string;
  kycStatus: string;
  kyc: { monthlyIncome: string; employer: string; employmentMonths: number; bankAccount: string | null; submittedAt: string } | null;
  flags: unknown[];
  erased: boolean;
  loans: CustomerLoanLine[];
  totals: { currency: string; loans: number; open: number; principal: string; outstanding: string }[];
}

export interface ProjectionStatus {
  name: string;
  version: number;
  state: string;
  position: string;
  headPosition: string;
  lagEvents: number;
  lagSeconds: number;
  error: string | null;
}

export interface CloseOfBusinessReport {
  date: string;
  datesClosed: string[];
  loansScanned: number;
  loansChanged: number;
  eventsAppended: number;
  durationMs: number;
}

/** A report's JSON: its rows (objects of strings and counts) and whatever the report adds (asOf, period...). */
export interface ReportRows {
  rows: Record<string, string | number | null>[];
}
