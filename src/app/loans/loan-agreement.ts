import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import { canonicalJson } from '../../eventstore/canonical-json.js';
import type { AppServices } from '../services.js';
import { quotedProduct, quoteOnProduct } from './quote-loan.js';

/** The version tag of the canonical rendering; a new layout gets a new tag so old hashes stay checkable. */
export const AGREEMENT_FORMAT = 'lendcore-loan-agreement/1';
/** The lender as the agreement names it (the deployment; no configured legal name yet). */
export const AGREEMENT_LENDER = 'lendcore';

export interface AgreementInput {
  customerId: string;
  productId: string;
  principal: string;
  term: number;
  firstRepaymentDate?: string;
}

/**
 * The loan agreement as a document: parties, product (id, version, name), principal, periods,
 * rate and APR, fees, every schedule row and the totals, all decimal strings from the quote
 * (the same generator and APR a disbursement uses) for a disbursement today. `totalCost` is
 * interest plus every fee.
 */
export interface LoanAgreement {
  format: string;
  lender: string;
  borrower: { customerId: string };
  product: { id: string; version: number; name: string };
  currency: string;
  principal: string;
  term: number;
  frequency: string;
  annualRate: string;
  interestMethod: string;
  amortization: string;
  apr: string;
  aprMethod: string;
  fees: { kind: string; type: string; value: string }[];
  originationFees: { kind: string; amount: string }[];
  startDate: string;
  firstRepaymentDate: string | null;
  schedule: { number: number; dueDate: string; principal: string; interest: string; fee: string; total: string; balance: string }[];
  netDisbursed: string;
  totalInterest: string;
  totalFees: string;
  totalCost: string;
  totalRepayment: string;
}

/** The document, the exact bytes hashed (canonical JSON: keys sorted, no whitespace, UTF-8) and their SHA-256 in hex. */
export interface RenderedAgreement {
  document: LoanAgreement;
  canonical: string;
  hash: string;
}

/**
 * Renders the agreement an application made now would sign, and its hash. The server is the only
 * renderer: the console shows this document and sends back only the hash, and the application
 * renders it again from its own inputs and refuses a different hash (`assertAgreementHash`), so
 * the hash in LoanApplicationSubmitted is provably of what the server showed. Reads only.
 * 422 as the quote (PRODUCT_NOT_FOUND, PRODUCT_RETIRED, AMOUNT_OUT_OF_RANGE, …).
 */
export async function renderAgreement(services: AppServices, input: AgreementInput): Promise<RenderedAgreement> {
  const loaded = await quotedProduct(services, { productId: input.productId, principal: input.principal, term: input.term });
  const quote = await quoteOnProduct(services, loaded, {
    principal: input.principal, term: input.term,
    ...(input.firstRepaymentDate !== undefined ? { firstRepaymentDate: input.firstRepaymentDate } : {}),
  });
  const product = loaded.terms;
  const document: LoanAgreement = {
    format: AGREEMENT_FORMAT,
    lender: AGREEMENT_LENDER,
    borrower: { customerId: input.customerId },
    product: { id: quote.productId, version: quote.productVersion, name: product.name },
    currency: quote.currency,
    principal: quote.principal,
    term: quote.term,
    frequency: product.frequency,
    annualRate: product.annualRate,
    interestMethod: product.interestMethod,
    amortization: product.amortization,
    apr: quote.apr,
    aprMethod: quote.aprMethod,
    fees: product.fees.map((f) => ({ kind: f.kind, type: f.type, value: f.value })),
    originationFees: quote.originationFees,
    startDate: quote.startDate,
    firstRepaymentDate: input.firstRepaymentDate ?? null,
    schedule: quote.rows.map((r) => ({ number: r.number, dueDate: r.dueDate, principal: r.principal, interest: r.interest, fee: r.fee, total: r.total, balance: r.balance })),
    netDisbursed: quote.netDisbursed,
    totalInterest: quote.totalInterest,
    totalFees: quote.totalFees,
    totalCost: Money.of(quote.totalInterest, quote.currency).plus(Money.of(quote.totalFees, quote.currency)).toString(),
    totalRepayment: quote.totalRepayment,
  };
  const canonical = canonicalJson(document);
  return { document, canonical, hash: createHash('sha256').update(canonical, 'utf8').digest('hex') };
}

/** How far ahead of the server clock an acceptance time may be (clock skew), and how old it may be. */
const SKEW_MS = 5 * 60_000;
const MAX_AGE_MS = 24 * 3_600_000;

/**
 * Checks an application's accepted agreement: the hash must be the one the server renders for
 * this application now (422 AGREEMENT_MISMATCH: the terms, the product version or the business
 * date changed since it was read — read it again), and the acceptance time at most 5 minutes
 * ahead of the server clock and at most 24 hours old (422 AGREEMENT_TIME_INVALID).
 */
export async function assertAgreementHash(services: AppServices, input: AgreementInput, agreement: { hash: string; acceptedAt: string }): Promise<void> {
  const now = services.clock.now().getTime();
  const accepted = Date.parse(agreement.acceptedAt);
  if (Number.isNaN(accepted) || accepted > now + SKEW_MS || accepted < now - MAX_AGE_MS) {
    throw new DomainError('AGREEMENT_TIME_INVALID', `The agreement's acceptance time ${agreement.acceptedAt} is in the future or more than 24 hours old`, 'rule');
  }
  const { hash } = await renderAgreement(services, input);
  if (hash !== agreement.hash) {
    throw new DomainError('AGREEMENT_MISMATCH', 'The accepted agreement is not the one for this application today; read the agreement again and accept it', 'rule', { expected: hash });
  }
}
