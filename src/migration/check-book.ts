import { minorOf } from '../domain/money.js';
import type { MigratedRow } from '../domain/loan/events.js';
import { formatMinor } from '../domain/schedule/minor-units.js';
import { BookRefused, type BookProblem } from './book-errors.js';
import { BOOK_FILES, type CustomerRow, type LegacyBook, type LoanRow, type Located } from './layout.js';

const PLACES = 2;
const cents = (text: string) => minorOf(text, PLACES);
const money = (v: bigint) => formatMinor(v, PLACES);
const COMPONENTS = ['principal', 'interest', 'fee', 'penalty'] as const;
type Component = (typeof COMPONENTS)[number];

/** What the file says a loan still owes at cut-over, per component (decimal strings). */
export interface Owed {
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
}

/** One legacy loan, checked and put in the shape MigrateLoan takes. */
export interface CheckedLoan {
  line: number;
  row: LoanRow;
  schedule: MigratedRow[];
  payments: { reference: string; amount: string; effectiveDate: string }[];
  /** As the file states it (loans.csv), already checked against the schedule. */
  owed: Owed;
}

export interface CheckedBook {
  sourceSystem: string;
  cutoverDate: string;
  customers: Located<CustomerRow>[];
  loans: CheckedLoan[];
}

function duplicates<T>(rows: Located<T>[], key: (row: T) => string, file: string, column: string, problems: BookProblem[]): Map<string, Located<T>> {
  const seen = new Map<string, Located<T>>();
  for (const located of rows) {
    const id = key(located.row);
    const first = seen.get(id);
    if (first) problems.push({ file, line: located.line, column, message: `duplicate legacy id ${id} (first on line ${first.line})` });
    else seen.set(id, located);
  }
  return seen;
}

function groupBy<T>(rows: Located<T>[], key: (row: T) => string): Map<string, Located<T>[]> {
  const groups = new Map<string, Located<T>[]>();
  for (const r of rows) groups.set(key(r.row), [...(groups.get(key(r.row)) ?? []), r]);
  return groups;
}

function checkCustomers(book: LegacyBook, cutover: string, problems: BookProblem[]): void {
  const file = BOOK_FILES.customers;
  for (const { line, row } of book.customers) {
    if (row.kyc_status === 'none') continue;
    for (const column of ['monthly_income', 'employer', 'employment_months', 'bank_account'] as const) {
      if (row[column] === null) problems.push({ file, line, column, message: `required when kyc_status is ${row.kyc_status}` });
    }
    if (row.kyc_status === 'verified' && (row.kyc_verified_on === null || row.kyc_verified_on > cutover)) {
      problems.push({ file, line, column: 'kyc_verified_on', message: `a verified customer needs the date it was verified, on or before the cut-over ${cutover}` });
    }
  }
}

/** The loan's schedule rows as MigrateLoan takes them, each checked on its own line. */
function scheduleOf(loan: Located<LoanRow>, rows: Located<LegacyBook['schedule'][number]['row']>[], problems: BookProblem[]): MigratedRow[] {
  const file = BOOK_FILES.schedule;
  const sorted = [...rows].sort((a, b) => a.row.installment - b.row.installment);
  let previous = loan.row.disbursed_on;
  sorted.forEach(({ line, row }, i) => {
    if (row.installment !== i + 1) problems.push({ file, line, column: 'installment', message: `loan ${loan.row.legacy_loan_id}: installments must run 1…${sorted.length} without gaps or repeats; found ${row.installment} as number ${i + 1}` });
    if (row.due_date <= previous) problems.push({ file, line, column: 'due_date', message: `loan ${loan.row.legacy_loan_id}: installment ${row.installment} is due ${row.due_date}, not after ${previous}` });
    previous = row.due_date;
    for (const c of COMPONENTS) {
      const waived = c === 'principal' ? 0n : cents(row[`${c}_waived`]);
      if (cents(row[`${c}_paid`]) + waived > cents(row[`${c}_due`])) {
        problems.push({ file, line, column: `${c}_paid`, message: `loan ${loan.row.legacy_loan_id} installment ${row.installment}: ${c} paid plus waived exceeds the ${row[`${c}_due`]} due` });
      }
    }
  });
  if (sorted.length !== loan.row.term) problems.push({ file: BOOK_FILES.loans, line: loan.line, column: 'term', message: `term ${loan.row.term} but schedule.csv has ${sorted.length} rows for loan ${loan.row.legacy_loan_id}` });
  const norm = (text: string) => money(cents(text));
  return sorted.map(({ row }) => ({
    number: row.installment,
    dueDate: row.due_date,
    due: { principal: norm(row.principal_due), interest: norm(row.interest_due), fee: norm(row.fee_due), penalty: norm(row.penalty_due) },
    paid: { principal: norm(row.principal_paid), interest: norm(row.interest_paid), fee: norm(row.fee_paid), penalty: norm(row.penalty_paid) },
    waived: { interest: norm(row.interest_waived), fee: norm(row.fee_waived), penalty: norm(row.penalty_waived) },
  }));
}

function owedOn(row: MigratedRow, c: Component): bigint {
  return cents(row.due[c]) - cents(row.paid[c]) - (c === 'principal' ? 0n : cents(row.waived[c]));
}

/** Checks a loan against its schedule and transactions; returns it in MigrateLoan's shape. */
function checkLoan(loan: Located<LoanRow>, book: LegacyBook, context: { cutover: string; source: string; schedule: Map<string, Located<LegacyBook['schedule'][number]['row']>[]>; transactions: Map<string, Located<LegacyBook['transactions'][number]['row']>[]> }, problems: BookProblem[]): CheckedLoan {
  const { row, line } = loan;
  const file = BOOK_FILES.loans;
  const id = row.legacy_loan_id;
  if (row.disbursed_on > context.cutover) problems.push({ file, line, column: 'disbursed_on', message: `disbursed after the cut-over ${context.cutover}` });
  if (cents(row.net_disbursed) + cents(row.upfront_fee) !== cents(row.principal)) problems.push({ file, line, column: 'net_disbursed', message: `net ${row.net_disbursed} plus upfront fee ${row.upfront_fee} is not the principal ${row.principal}` });
  const rows = context.schedule.get(id) ?? [];
  if (rows.length === 0) problems.push({ file, line, column: 'legacy_loan_id', message: `loan ${id} has no rows in schedule.csv` });
  const schedule = scheduleOf(loan, rows, problems);
  const principalDue = schedule.reduce((s, r) => s + cents(r.due.principal), 0n);
  if (rows.length > 0 && principalDue !== cents(row.principal)) problems.push({ file, line, column: 'principal', message: `the schedule's principal sums to ${money(principalDue)}, not ${row.principal}` });
  const owed = Object.fromEntries(COMPONENTS.map((c) => [c, schedule.reduce((s, r) => s + owedOn(r, c), 0n)])) as Record<Component, bigint>;
  const stated: [Component, keyof Owed, 'outstanding_principal' | 'outstanding_interest' | 'outstanding_fees' | 'outstanding_penalties'][] = [
    ['principal', 'principal', 'outstanding_principal'], ['interest', 'interest', 'outstanding_interest'], ['fee', 'fees', 'outstanding_fees'], ['penalty', 'penalties', 'outstanding_penalties'],
  ];
  for (const [c, , column] of stated) {
    if (owed[c] !== cents(row[column])) problems.push({ file, line, column, message: `loan ${id} states ${row[column]} but its schedule leaves ${money(owed[c])} owed` });
  }
  const owing = COMPONENTS.some((c) => owed[c] > 0n);
  const pastDue = schedule.some((r) => r.dueDate < context.cutover && COMPONENTS.some((c) => owedOn(r, c) > 0n));
  const status = !owing ? 'closed' : pastDue ? 'overdue' : 'current';
  if (status !== row.status) problems.push({ file, line, column: 'status', message: `loan ${id} is ${row.status} in the file but its schedule makes it ${status} at the cut-over` });
  const txns = context.transactions.get(id) ?? [];
  const disbursements = txns.filter((t) => t.row.type === 'disbursement');
  if (disbursements.length !== 1) problems.push({ file: BOOK_FILES.transactions, line: disbursements[1]?.line ?? null, column: 'type', message: `loan ${id} needs exactly one disbursement transaction, found ${disbursements.length}` });
  for (const d of disbursements) {
    if (cents(d.row.amount) !== cents(row.net_disbursed)) problems.push({ file: BOOK_FILES.transactions, line: d.line, column: 'amount', message: `loan ${id} disbursed ${d.row.amount}, but loans.csv says net ${row.net_disbursed}` });
    if (d.row.date !== row.disbursed_on) problems.push({ file: BOOK_FILES.transactions, line: d.line, column: 'date', message: `loan ${id} disbursed on ${d.row.date}, but loans.csv says ${row.disbursed_on}` });
  }
  const repayments = txns.filter((t) => t.row.type === 'repayment');
  for (const t of repayments) {
    if (t.row.date < row.disbursed_on || t.row.date > context.cutover) problems.push({ file: BOOK_FILES.transactions, line: t.line, column: 'date', message: `repayment of loan ${id} on ${t.row.date} is outside ${row.disbursed_on}…${context.cutover}` });
    if (cents(t.row.amount) === 0n) problems.push({ file: BOOK_FILES.transactions, line: t.line, column: 'amount', message: 'a repayment must be greater than zero' });
  }
  const received = repayments.reduce((s, t) => s + cents(t.row.amount), 0n);
  const paid = schedule.reduce((s, r) => s + COMPONENTS.reduce((x, c) => x + cents(r.paid[c]), 0n), 0n);
  if (received !== paid) problems.push({ file, line, column: 'legacy_loan_id', message: `loan ${id}: repayments in transactions.csv sum to ${money(received)} but its schedule shows ${money(paid)} paid` });
  return {
    line, row, schedule,
    payments: repayments.map((t) => ({ reference: `${context.source}:${t.row.legacy_txn_id}`, amount: money(cents(t.row.amount)), effectiveDate: t.row.date })),
    owed: { principal: money(owed.principal), interest: money(owed.interest), fees: money(owed.fee), penalties: money(owed.penalty) },
  };
}

function checkControlTotals(book: LegacyBook, loans: CheckedLoan[]): BookProblem[] {
  const { row, line } = book.control;
  const file = BOOK_FILES.control;
  const sumOf = (values: string[]) => money(values.reduce((s, v) => s + cents(v), 0n));
  const actual: [keyof typeof row, string | number][] = [
    ['customers', book.customers.length],
    ['loans', book.loans.length],
    ['schedule_rows', book.schedule.length],
    ['transactions', book.transactions.length],
    ['principal_disbursed', sumOf(book.loans.map((l) => l.row.principal))],
    ['outstanding_principal', sumOf(loans.map((l) => l.owed.principal))],
    ['outstanding_interest', sumOf(loans.map((l) => l.owed.interest))],
    ['outstanding_fees', sumOf(loans.map((l) => l.owed.fees))],
    ['outstanding_penalties', sumOf(loans.map((l) => l.owed.penalties))],
    ['transactions_amount', sumOf(book.transactions.map((t) => t.row.amount))],
  ];
  const problems: BookProblem[] = [];
  for (const [column, value] of actual) {
    const stated = row[column];
    const same = typeof value === 'number' ? stated === value : cents(String(stated)) === cents(value);
    if (!same) problems.push({ file, line, column, message: `control total ${String(stated)}, but the rows add up to ${String(value)}` });
  }
  return problems;
}

/**
 * Checks the book as a whole before anything is written: unique legacy ids, every reference
 * resolved, each loan agreeing with its schedule and transactions (docs/migration.md), then the
 * control totals against the rows. Throws BookRefused('invalid') or BookRefused('control-totals').
 */
export function checkLegacyBook(book: LegacyBook, today: string): CheckedBook {
  const problems: BookProblem[] = [];
  const cutover = book.control.row.cutover_date;
  if (cutover > today) problems.push({ file: BOOK_FILES.control, line: book.control.line, column: 'cutover_date', message: `the cut-over ${cutover} is after today's business date ${today}` });
  const customers = duplicates(book.customers, (r) => r.legacy_customer_id, BOOK_FILES.customers, 'legacy_customer_id', problems);
  checkCustomers(book, cutover, problems);
  const loans = duplicates(book.loans, (r) => r.legacy_loan_id, BOOK_FILES.loans, 'legacy_loan_id', problems);
  for (const { line, row } of book.loans) {
    if (!customers.has(row.legacy_customer_id)) problems.push({ file: BOOK_FILES.loans, line, column: 'legacy_customer_id', message: `no customer ${row.legacy_customer_id} in customers.csv` });
  }
  duplicates(book.schedule, (r) => `${r.legacy_loan_id} #${r.installment}`, BOOK_FILES.schedule, 'installment', problems);
  duplicates(book.transactions, (r) => r.legacy_txn_id, BOOK_FILES.transactions, 'legacy_txn_id', problems);
  for (const [file, rows] of [[BOOK_FILES.schedule, book.schedule], [BOOK_FILES.transactions, book.transactions]] as const) {
    for (const { line, row } of rows) if (!loans.has(row.legacy_loan_id)) problems.push({ file, line, column: 'legacy_loan_id', message: `no loan ${row.legacy_loan_id} in loans.csv` });
  }
  const context = { cutover, source: book.control.row.source_system, schedule: groupBy(book.schedule, (r) => r.legacy_loan_id), transactions: groupBy(book.transactions, (r) => r.legacy_loan_id) };
  const checked = [...loans.values()].map((loan) => checkLoan(loan, book, context, problems));
  if (problems.length > 0) throw new BookRefused('invalid', problems);
  const totals = checkControlTotals(book, checked);
  if (totals.length > 0) throw new BookRefused('control-totals', totals);
  return { sourceSystem: book.control.row.source_system, cutoverDate: cutover, customers: [...customers.values()], loans: checked };
}
