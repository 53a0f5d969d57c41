import { randomUUID } from 'node:crypto';
import { decideKyc, submitKyc } from '../app/customers/know-your-customer.js';
import { registerCustomer } from '../app/customers/register-customer.js';
import { migrateLoan } from '../app/loans/migrate-loan.js';
import { defineProduct } from '../app/products/manage-product.js';
import { businessToday, type AppServices, type CommandMeta } from '../app/services.js';
import { loadCustomer, loadLoan, loadProduct } from '../app/streams.js';
import type { Actor } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import type { MigrateLoan } from '../domain/loan/commands.js';
import { decideLoan } from '../domain/loan/decider.js';
import { initialLoanState } from '../domain/loan/state.js';
import { minorUnits } from '../domain/money.js';
import type { ProductTerms } from '../domain/product/events.js';
import { BookRefused, type BookProblem } from './book-errors.js';
import { checkLegacyBook, type CheckedBook, type CheckedLoan } from './check-book.js';
import { BOOK_FILES, type CustomerRow } from './layout.js';
import { readBookProducts, type BookProduct } from './legacy-products.js';
import { readLegacyBook } from './read-book.js';
import { reconcileBook, type BookReconciliation } from './reconcile-book.js';
import { migratedCustomerId, migratedLoanId } from './stream-ids.js';
import { processReplayMemo } from '../commands/bounded-replay-memo.js';

/** Who records the import's commands. */
export const IMPORT_ACTOR: Actor = { sub: 'lendcore-import', role: 'system' };

/** The legacy system is recorded as the one who verified a customer's KYC there (a migration-sourced fact). */
export const legacyKycActor = (sourceSystem: string): Actor => ({ sub: `legacy:${sourceSystem}`, role: 'system' });

const metaFor = (actor: Actor): CommandMeta => ({ actor, correlationId: randomUUID() });

export interface ImportCounts {
  /** Written by this run. */
  created: number;
  /** Already in lendcore from an earlier run: left as they are. */
  existing: number;
}

export interface ImportReport {
  sourceSystem: string;
  cutoverDate: string;
  products: ImportCounts;
  customers: ImportCounts;
  loans: ImportCounts;
  reconciliation: BookReconciliation;
}

interface ResolvedProduct {
  productId: string;
  version: number;
  terms: ProductTerms;
  /** From products.json, not yet in lendcore. */
  define: boolean;
}

/** Each product the loans name: in lendcore already, or brought by products.json; problems for any other. */
async function resolveProducts(services: AppServices, book: CheckedBook, brought: BookProduct[], problems: BookProblem[]): Promise<Map<string, ResolvedProduct>> {
  const resolved = new Map<string, ResolvedProduct>();
  for (const { line, row } of book.loans) {
    const id = row.product_id;
    if (!resolved.has(id)) {
      const stored = await loadProduct(services.eventStore, id);
      const own = brought.find((p) => p.productId === id);
      if (stored.exists && stored.terms !== null) resolved.set(id, { productId: id, version: stored.version, terms: stored.terms, define: false });
      else if (own) resolved.set(id, { productId: id, version: 1, terms: own.terms, define: true });
    }
    const product = resolved.get(id);
    if (!product) problems.push({ file: BOOK_FILES.loans, line, column: 'product_id', message: `unknown product ${id}: define it in lendcore first or bring it in products.json` });
    else if (minorUnits(product.terms.currency) !== 2) problems.push({ file: BOOK_FILES.loans, line, column: 'product_id', message: `product ${id} is in ${product.terms.currency}; the book's amounts are in cents` });
  }
  return resolved;
}

function migrateCommand(book: CheckedBook, loan: CheckedLoan, product: ResolvedProduct, customer: { exists: boolean; erased: boolean }): MigrateLoan {
  const { row } = loan;
  const upfront = row.upfront_fee.replace(/^0(\.0*)?$/, '');
  return {
    type: 'MigrateLoan',
    data: {
      loanId: migratedLoanId(book.sourceSystem, row.legacy_loan_id),
      customerId: migratedCustomerId(book.sourceSystem, row.legacy_customer_id),
      customer,
      product: { productId: product.productId, version: product.version, terms: product.terms },
      source: { system: book.sourceSystem, loanId: row.legacy_loan_id },
      cutoverDate: book.cutoverDate,
      annualRate: row.annual_rate,
      term: row.term,
      purpose: row.purpose,
      disbursement: {
        amount: money(row.principal), netAmount: money(row.net_disbursed),
        fees: upfront === '' ? [] : [{ kind: 'origination', amount: money(row.upfront_fee) }],
        date: row.disbursed_on, channel: row.channel,
      },
      schedule: loan.schedule,
      payments: loan.payments,
      migratedBy: IMPORT_ACTOR.sub,
    },
  };
}

function money(text: string): string {
  const [integer, fraction = ''] = text.split('.');
  return `${integer}.${fraction.padEnd(2, '0')}`;
}

/** Registers the customer and brings its KYC to the imported status, doing only the steps an earlier run did not. */
async function importCustomer(services: AppServices, book: CheckedBook, row: CustomerRow): Promise<boolean> {
  const customerId = migratedCustomerId(book.sourceSystem, row.legacy_customer_id);
  let state = await loadCustomer(services.eventStore, customerId);
  const created = state.customerId === null;
  if (created) {
    await registerCustomer(services, metaFor(IMPORT_ACTOR), { customerId, name: row.name, nationalId: row.national_id, phone: row.phone, email: row.email });
    state = await loadCustomer(services.eventStore, customerId);
  }
  if (row.kyc_status !== 'none' && state.kycStatus === 'none') {
    await submitKyc(services, metaFor(IMPORT_ACTOR), customerId, {
      monthlyIncome: row.monthly_income ?? '0', employer: row.employer ?? '', employmentMonths: Number(row.employment_months), bankAccount: row.bank_account ?? '',
    });
    state = await loadCustomer(services.eventStore, customerId);
  }
  if (row.kyc_status === 'verified' && state.kycStatus === 'submitted') {
    await decideKyc(services, metaFor(legacyKycActor(book.sourceSystem)), customerId, {
      decision: 'verified', reason: `verified in ${book.sourceSystem} on ${row.kyc_verified_on ?? ''}; migrated by lendcore import as of ${book.cutoverDate}`,
    });
  }
  return created;
}

/**
 * Imports a legacy book (docs/migration.md) through the application services and command
 * pipeline the API uses. Everything is checked before the first write: the rows, the control
 * totals, the products, and each loan's MigrateLoan decided against an empty loan; any problem
 * throws BookRefused and nothing is written. Then products from products.json, customers (PII
 * sealed by the vault, KYC as imported) and loans are recorded under ids derived from the legacy
 * ids, so a second run finds them and records nothing twice. Returns the counts and the
 * reconciliation of every loan of the file against lendcore's figures.
 */
export async function importLegacyBook(services: AppServices, dir: string): Promise<ImportReport> {
  const book = checkLegacyBook(readLegacyBook(dir), businessToday(services));
  const problems: BookProblem[] = [];
  const brought = readBookProducts(dir, problems);
  const products = await resolveProducts(services, book, brought, problems);
  const customers = new Map<string, { exists: boolean; erased: boolean }>();
  for (const { line, row } of book.customers) {
    const state = await loadCustomer(services.eventStore, migratedCustomerId(book.sourceSystem, row.legacy_customer_id));
    if (state.erased) problems.push({ file: BOOK_FILES.customers, line, column: 'legacy_customer_id', message: `customer ${row.legacy_customer_id} was imported before and has since been erased` });
    customers.set(row.legacy_customer_id, { exists: state.customerId !== null, erased: state.erased });
  }
  const pending: MigrateLoan[] = [];
  for (const loan of book.loans) {
    const product = products.get(loan.row.product_id);
    if (!product) continue;
    const command = migrateCommand(book, loan, product, { exists: true, erased: false });
    if ((await loadLoan(services.eventStore, command.data.loanId)).status !== 'none') continue;
    try {
      decideLoan(command, initialLoanState(), {}, processReplayMemo);
      pending.push(command);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ file: BOOK_FILES.loans, line: loan.line, column: null, message: `loan ${loan.row.legacy_loan_id}: ${error.code}: ${error.message}` });
    }
  }
  if (problems.length > 0) throw new BookRefused('invalid', problems);

  const toDefine = [...products.values()].filter((p) => p.define);
  for (const product of toDefine) await defineProduct(services, metaFor(IMPORT_ACTOR), product.terms, product.productId);
  let customersCreated = 0;
  for (const { row } of book.customers) if (await importCustomer(services, book, row)) customersCreated += 1;
  for (const command of pending) {
    const customer = await loadCustomer(services.eventStore, command.data.customerId);
    await migrateLoan(services, metaFor(IMPORT_ACTOR), { ...command, data: { ...command.data, customer: { exists: customer.customerId !== null, erased: customer.erased } } });
  }
  const reconciliation = await reconcileBook(services.eventStore, book.loans.map((loan) => ({ loan, loanId: migratedLoanId(book.sourceSystem, loan.row.legacy_loan_id) })), book.cutoverDate);
  return {
    sourceSystem: book.sourceSystem,
    cutoverDate: book.cutoverDate,
    products: { created: toDefine.length, existing: products.size - toDefine.length },
    customers: { created: customersCreated, existing: book.customers.length - customersCreated },
    loans: { created: pending.length, existing: book.loans.length - pending.length },
    reconciliation,
  };
}
