import { computeApr } from '../apr.js';
import { addDays, parseDate } from '../calendar.js';
import { DomainError } from '../errors.js';
import { minorOf, minorUnits, Money } from '../money.js';
import { formatMinor } from '../schedule/minor-units.js';
import { classify, isNonPerforming } from './classification.js';
import type { MigrateLoan } from './commands.js';
import { daysPastDue } from './delinquency.js';
import type { LoanEvent, LoanMigrated, MigratedRow, ScheduleRow } from './events.js';
import { isSettled, nextUnsettled, owedMinor } from './installment.js';
import { paymentEntry } from './payment-book.js';
import type { Component, Installment, LoanState } from './state.js';

const COMPONENTS = ['principal', 'interest', 'fee', 'penalty'] as const satisfies readonly Component[];

function rule(code: string, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, 'rule', details);
}

/** Minor units of a non-negative amount in the currency; INVALID_AMOUNT, NEGATIVE_AMOUNT or AMOUNT_TOO_PRECISE naming the field otherwise. */
function minor(text: string, currency: string, field: string): bigint {
  try {
    return minorOf(Money.parse(text, currency, { allowZero: true }).toString(), minorUnits(currency));
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, `${field}: ${error.message}`, error.kind, { field });
    throw error;
  }
}

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

/** Checks one legacy row: amounts in the currency, and paid + waived never above what fell due. */
function checkRow(row: MigratedRow, currency: string): void {
  const at = `installment ${row.number}`;
  for (const c of COMPONENTS) {
    const due = minor(row.due[c], currency, `${at} ${c} due`);
    const paid = minor(row.paid[c], currency, `${at} ${c} paid`);
    const waived = c === 'principal' ? 0n : minor(row.waived[c], currency, `${at} ${c} waived`);
    if (paid + waived > due) rule('MIGRATION_ROW_OVERPAID', `${at}: ${c} paid ${row.paid[c]} plus waived exceeds the ${row.due[c]} due`, { installment: row.number, component: c });
  }
}

/** The legacy rows as schedule rows (what the APR is computed over). */
function scheduleRows(rows: MigratedRow[], principal: bigint, places: number): ScheduleRow[] {
  let balance = principal;
  return rows.map((row) => {
    const p = minorOf(row.due.principal, places);
    const i = minorOf(row.due.interest, places);
    const f = minorOf(row.due.fee, places);
    balance -= p;
    const fmt = (v: bigint) => formatMinor(v, places);
    return { number: row.number, dueDate: row.dueDate, principal: fmt(p), interest: fmt(i), fee: fmt(f), total: fmt(p + i + f), balance: fmt(balance) };
  });
}

/**
 * Brings a legacy loan over as of its cut-over date, for a live customer under a lendcore product
 * (whose terms it keeps, at the legacy annual rate). The file must agree with itself: rows numbered
 * 1…n with rising due dates after the disbursement, the principal due summing to the amount
 * disbursed, net cash plus fees to the amount, and the legacy repayments (each dated between the
 * disbursement and the cut-over, references unique) summing to what the rows show paid. Emits the
 * application (so every read model meets the loan as it meets any other) and LoanMigrated, which
 * sets its contract. Errors: LOAN_EXISTS, CUSTOMER_NOT_FOUND, CUSTOMER_ERASED, INVALID_AMOUNT,
 * INVALID_DATE and the MIGRATION_* rules below (422).
 */
export function migrateLoan({ data }: MigrateLoan, state: LoanState): LoanEvent[] {
  if (state.status !== 'none') throw new DomainError('LOAN_EXISTS', 'Loan already exists', 'conflict');
  if (!data.customer.exists) throw new DomainError('CUSTOMER_NOT_FOUND', 'Customer does not exist', 'not_found');
  if (data.customer.erased) throw new DomainError('CUSTOMER_ERASED', 'Customer has been erased', 'conflict');
  const terms = { ...data.product.terms, annualRate: data.annualRate };
  const currency = terms.currency;
  const places = minorUnits(currency);
  const cutover = parseDate(data.cutoverDate);
  const disbursedOn = parseDate(data.disbursement.date);
  if (disbursedOn > cutover) rule('MIGRATION_DISBURSED_AFTER_CUTOVER', `Disbursed on ${disbursedOn}, after the cut-over ${cutover}`);
  const amount = minor(data.disbursement.amount, currency, 'principal');
  if (amount <= 0n) throw new DomainError('INVALID_AMOUNT', 'The principal must be greater than zero', 'invalid');
  const net = minor(data.disbursement.netAmount, currency, 'net disbursed');
  const fees = sum(data.disbursement.fees.map((fee) => minor(fee.amount, currency, `${fee.kind} fee`)));
  if (net + fees !== amount) rule('MIGRATION_DISBURSEMENT_MISMATCH', `Net ${data.disbursement.netAmount} plus fees is not the principal ${data.disbursement.amount}`);
  const rows = data.schedule;
  if (rows.length === 0) rule('MIGRATION_NO_SCHEDULE', 'The loan has no schedule rows');
  if (rows.length !== data.term) rule('MIGRATION_TERM_MISMATCH', `Term ${data.term} but ${rows.length} schedule rows`);
  let previous = disbursedOn;
  rows.forEach((row, i) => {
    if (row.number !== i + 1) rule('MIGRATION_ROW_NUMBERS', `Schedule rows must be numbered 1…${rows.length} in order; found ${row.number} at position ${i + 1}`);
    if (parseDate(row.dueDate) <= previous) rule('MIGRATION_DUE_DATES', `Installment ${row.number} is due ${row.dueDate}, not after ${previous}`);
    previous = row.dueDate;
    checkRow(row, currency);
  });
  if (sum(rows.map((row) => minorOf(row.due.principal, places))) !== amount) {
    rule('MIGRATION_PRINCIPAL_MISMATCH', `The schedule's principal does not sum to the principal ${data.disbursement.amount}`);
  }
  const references = new Set<string>();
  for (const payment of data.payments) {
    const date = parseDate(payment.effectiveDate);
    if (date < disbursedOn || date > cutover) rule('MIGRATION_PAYMENT_DATE', `Repayment ${payment.reference} on ${date} is outside ${disbursedOn}…${cutover}`);
    if (minor(payment.amount, currency, `repayment ${payment.reference}`) <= 0n) throw new DomainError('INVALID_AMOUNT', `Repayment ${payment.reference} must be greater than zero`, 'invalid');
    if (references.has(payment.reference)) rule('MIGRATION_DUPLICATE_PAYMENT', `Repayment reference ${payment.reference} appears twice`);
    references.add(payment.reference);
  }
  const paid = sum(rows.flatMap((row) => COMPONENTS.map((c) => minorOf(row.paid[c], places))));
  const received = sum(data.payments.map((p) => minorOf(p.amount, places)));
  if (paid !== received) {
    rule('MIGRATION_PAYMENTS_MISMATCH', `Repayments sum to ${formatMinor(received, places)} but the schedule shows ${formatMinor(paid, places)} paid`);
  }
  let apr: string;
  try {
    apr = computeApr({ netDisbursed: data.disbursement.netAmount, startDate: disbursedOn, rows: scheduleRows(rows, amount, places), currency, frequency: terms.frequency });
  } catch (error) {
    rule('MIGRATION_APR', `No APR can be computed for this schedule: ${(error as Error).message}`);
  }
  const migrated: LoanMigrated['data'] = {
    loanId: data.loanId, customerId: data.customerId, productId: data.product.productId, productVersion: data.product.version, terms,
    source: data.source, cutoverDate: cutover, annualRate: data.annualRate, term: data.term,
    disbursement: { ...data.disbursement, apr }, schedule: rows, payments: data.payments, migratedBy: data.migratedBy,
  };
  return [
    {
      type: 'LoanApplicationSubmitted',
      data: {
        loanId: data.loanId, customerId: data.customerId, productId: data.product.productId, productVersion: data.product.version, terms,
        principal: data.disbursement.amount, term: data.term, purpose: data.purpose, submittedBy: data.migratedBy,
      },
    },
    { type: 'LoanMigrated', data: migrated },
  ];
}

/** The legacy rows as installments: paid and waived baked in, rows past due at cut-over marked overdue. */
function contractOf(data: LoanMigrated['data']): Installment[] {
  const currency = data.terms.currency;
  const zero = formatMinor(0n, minorUnits(currency));
  return data.schedule.map((row, i) => {
    const inst: Installment = {
      number: row.number,
      fromDate: i === 0 ? data.disbursement.date : (data.schedule[i - 1] as MigratedRow).dueDate,
      dueDate: row.dueDate,
      due: { ...row.due },
      paid: { ...row.paid },
      waived: { ...row.waived, principal: zero },
      settled: false,
      overdueSince: null,
      // When a legacy row was settled is not known: it counts as never late (see delinquencySpells).
      settledOn: null,
    };
    const settled = isSettled(inst, currency);
    return { ...inst, settled, overdueSince: !settled && row.dueDate < data.cutoverDate ? addDays(row.dueDate, 1) : null };
  });
}

/**
 * Folds LoanMigrated: the contract is the legacy rows with their payments baked in (as a
 * reschedule bakes in what came before it), the legacy repayments are remembered but never
 * replayed, interest counts as recognised and close of business as run through the cut-over, and
 * status, days past due and classification are as the rows stand on the cut-over date.
 */
export function foldMigration(state: LoanState, { data }: LoanMigrated): void {
  const currency = data.terms.currency;
  const places = minorUnits(currency);
  const contract = contractOf(data);
  const installments = contract.map((inst) => ({ ...inst }));
  const firstUnsettled = nextUnsettled(installments, 0);
  const principal = sum(installments.filter((inst) => !inst.settled).map((inst) => owedMinor(inst, 'principal', places)));
  const owing = firstUnsettled < installments.length;
  const dpd = owing ? daysPastDue(installments, firstUnsettled, data.cutoverDate, [], currency) : 0;
  const classification = classify(dpd);
  const lastPaymentDate = data.payments.reduce<string | null>((latest, p) => (latest === null || p.effectiveDate > latest ? p.effectiveDate : latest), null);
  const overdue = installments.some((inst) => !inst.settled && inst.overdueSince !== null);
  Object.assign(state, {
    status: owing ? (overdue ? 'overdue' : 'active') : 'closed',
    flags: isNonPerforming(classification) ? ['npa'] : [],
    loanId: data.loanId, customerId: data.customerId, productId: data.productId, productVersion: data.productVersion,
    terms: data.terms, currency, principalRequested: data.disbursement.amount, principalApproved: data.disbursement.amount,
    term: data.term, submittedBy: data.migratedBy, annualRate: data.annualRate,
    disbursement: { amount: data.disbursement.amount, netAmount: data.disbursement.netAmount, date: data.disbursement.date, apr: data.disbursement.apr },
    contract, installments, firstUnsettled, principalOutstanding: formatMinor(principal, places),
    // The event's own sequence: below replayFrom, so the legacy repayments are never re-allocated.
    payments: data.payments.map((p) => paymentEntry(p.effectiveDate, p.amount, state.eventsFolded - 1, null, p.reference)),
    reversed: [], replayFrom: state.eventsFolded, waivers: [], penalties: [], lastFactKey: null, lastPaymentDate,
    interestAccruedThrough: data.cutoverDate, accruingSince: data.cutoverDate, capitalizedInterest: formatMinor(0n, places), daysPastDue: dpd, classification,
    creditBalance: formatMinor(0n, places), lastEodDate: data.cutoverDate, closedOn: owing ? null : (lastPaymentDate ?? data.cutoverDate),
  } satisfies Partial<LoanState>);
}
