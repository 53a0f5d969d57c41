import { z } from 'zod';
import { dateRefusal } from '../domain/calendar.js';
import { BANK_ACCOUNT, BANK_ACCOUNT_MESSAGE } from '../domain/customer/bank-account.js';

/**
 * The legacy book's CSV layout (docs/migration.md): one directory, five files, a header row each,
 * UTF-8 (a BOM is fine), RFC 4180 quoting. Amounts are plain decimals in the loan's currency
 * ("1234.50"), dates YYYY-MM-DD. Column order is free; a missing or unknown column is refused.
 */
export const BOOK_FILES = {
  control: 'control.csv',
  customers: 'customers.csv',
  loans: 'loans.csv',
  schedule: 'schedule.csv',
  transactions: 'transactions.csv',
} as const;

/** Optional: products the book's loans need, defined (by id) when the store does not have them. */
export const PRODUCTS_FILE = 'products.json';

/** At most two decimals: the book's currencies (CNY) count in cents. */
const amount = z.string().regex(/^(0|[1-9]\d{0,14})(\.\d{1,2})?$/, 'expected a non-negative amount with at most two decimals such as "1234.50"');
const date = z.string().refine((value) => dateRefusal(value) === null, 'expected a calendar date YYYY-MM-DD in the years 1900–9999');
const legacyId = z.string().regex(/^[A-Za-z0-9._:/-]{1,64}$/, 'expected 1–64 letters, digits or . _ : / -');
const count = z.string().regex(/^\d{1,9}$/, 'expected a whole number').transform(Number);
const optional = (schema: z.ZodType<string>) => z.union([z.literal('').transform(() => null), schema]);

export const controlRow = z.object({
  source_system: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'expected 1–40 letters, digits or . _ -'),
  cutover_date: date,
  customers: count,
  loans: count,
  schedule_rows: count,
  transactions: count,
  principal_disbursed: amount,
  outstanding_principal: amount,
  outstanding_interest: amount,
  outstanding_fees: amount,
  outstanding_penalties: amount,
  transactions_amount: amount,
}).strict();

export const customerRow = z.object({
  legacy_customer_id: legacyId,
  name: z.string().min(1).max(200),
  national_id: z.string().min(1).max(40),
  phone: z.string().regex(/^\+?[0-9 -]{5,20}$/, 'expected a phone number'),
  email: optional(z.email().max(200)),
  kyc_status: z.enum(['none', 'submitted', 'verified']),
  kyc_verified_on: optional(date),
  monthly_income: optional(amount),
  employer: optional(z.string().min(1).max(200)),
  employment_months: optional(z.string().regex(/^\d{1,4}$/, 'expected a whole number of months')),
  bank_account: optional(z.string().regex(BANK_ACCOUNT, BANK_ACCOUNT_MESSAGE)),
}).strict();

export const loanRow = z.object({
  legacy_loan_id: legacyId,
  legacy_customer_id: legacyId,
  product_id: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'expected a lendcore product id'),
  principal: amount,
  annual_rate: z.string().regex(/^\d{1,3}(\.\d{1,6})?$/, 'expected an annual rate in percent such as "14.4"'),
  term: z.string().regex(/^[1-9]\d{0,3}$/, 'expected a whole number of installments').transform(Number),
  disbursed_on: date,
  net_disbursed: amount,
  upfront_fee: amount,
  channel: z.enum(['online', 'bank_transfer', 'alipay', 'wechat']),
  purpose: z.string().min(1).max(200),
  status: z.enum(['current', 'overdue', 'closed']),
  outstanding_principal: amount,
  outstanding_interest: amount,
  outstanding_fees: amount,
  outstanding_penalties: amount,
}).strict();

export const scheduleRow = z.object({
  legacy_loan_id: legacyId,
  installment: z.string().regex(/^[1-9]\d{0,3}$/, 'expected an installment number from 1').transform(Number),
  due_date: date,
  principal_due: amount,
  interest_due: amount,
  fee_due: amount,
  penalty_due: amount,
  principal_paid: amount,
  interest_paid: amount,
  fee_paid: amount,
  penalty_paid: amount,
  interest_waived: amount,
  fee_waived: amount,
  penalty_waived: amount,
}).strict();

export const transactionRow = z.object({
  legacy_txn_id: legacyId,
  legacy_loan_id: legacyId,
  type: z.enum(['disbursement', 'repayment']),
  date,
  amount,
  channel: z.enum(['online', 'bank_transfer', 'alipay', 'wechat']),
}).strict();

export type ControlRow = z.infer<typeof controlRow>;
export type CustomerRow = z.infer<typeof customerRow>;
export type LoanRow = z.infer<typeof loanRow>;
export type ScheduleRowIn = z.infer<typeof scheduleRow>;
export type TransactionRow = z.infer<typeof transactionRow>;

/** A parsed row and the line of its file it came from (1 is the header). */
export interface Located<T> {
  line: number;
  row: T;
}

/** The whole book as read, every row checked against its file's columns. */
export interface LegacyBook {
  dir: string;
  control: Located<ControlRow>;
  customers: Located<CustomerRow>[];
  loans: Located<LoanRow>[];
  schedule: Located<ScheduleRowIn>[];
  transactions: Located<TransactionRow>[];
}
