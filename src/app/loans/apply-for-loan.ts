import { DomainError } from '../../domain/errors.js';
import type { ProductTerms } from '../../domain/product/events.js';
import { uuidv7 } from '../../eventstore/uuidv7.js';
import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { loadCustomer, loadProduct } from '../streams.js';
import { assertBorrowerOfAge } from '../customers/borrower-age.js';
import { noteApplication } from '../customers/note-application.js';
import { assertAgreementHash } from './loan-agreement.js';
import { runLoanCommand } from './run-loan-command.js';

export interface ApplicationInput {
  loanId?: string;
  customerId: string;
  productId: string;
  principal: string;
  term: number;
  purpose: string;
  graceOnPrincipal?: number;
  graceOnInterest?: number;
  firstRepaymentDate?: string;
  /** Business date of the application for a loan keyed in late; today when absent, never after today. */
  submittedOn?: string;
  /** The agreement the borrower accepted (POST /v1/loans/agreement's hash); checked against a fresh rendering. */
  agreement?: { hash: string; acceptedAt: string };
}

/** The product's current version; an id that names no product is a rule failure of the application (422). */
async function currentProduct(services: AppServices, productId: string): Promise<{ productId: string; version: number; terms: ProductTerms; retired: boolean }> {
  const product = await loadProduct(services.eventStore, productId);
  if (!product.exists || product.terms === null) {
    throw new DomainError('PRODUCT_NOT_FOUND', `No product ${productId}`, 'rule', { productId });
  }
  return { productId, version: product.version, terms: product.terms, retired: product.retired };
}

/**
 * Opens an application under the product's current terms, looked up with the customer's KYC standing.
 * An accepted agreement must hash to the server's rendering for this application today (422
 * AGREEMENT_MISMATCH, AGREEMENT_TIME_INVALID); its hash and acceptance time go into the event.
 * A borrower under age on the application date is BORROWER_UNDER_AGE (422, see borrower-age.ts).
 */
export async function applyForLoan(services: AppServices, meta: CommandMeta, input: ApplicationInput): Promise<CommandOutcome> {
  const loanId = input.loanId ?? uuidv7(services.clock.now().getTime());
  const [customer, product] = await Promise.all([loadCustomer(services.eventStore, input.customerId), currentProduct(services, input.productId)]);
  if (customer.customerId !== null) await assertBorrowerOfAge(services, input.customerId, input.submittedOn ?? businessToday(services));
  if (input.agreement !== undefined) {
    await assertAgreementHash(services, {
      customerId: input.customerId, productId: input.productId, principal: input.principal, term: input.term,
      ...(input.firstRepaymentDate !== undefined ? { firstRepaymentDate: input.firstRepaymentDate } : {}),
    }, input.agreement);
  }
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'SubmitApplication',
    data: {
      loanId,
      customerId: input.customerId,
      customer: { exists: customer.customerId !== null, kycStatus: customer.kycStatus, erased: customer.erased },
      product,
      principal: input.principal,
      term: input.term,
      purpose: input.purpose,
      submittedBy: meta.actor.sub,
      submittedOn: input.submittedOn ?? businessToday(services),
      loanTerms: {
        ...(input.graceOnPrincipal !== undefined ? { graceOnPrincipal: input.graceOnPrincipal } : {}),
        ...(input.graceOnInterest !== undefined ? { graceOnInterest: input.graceOnInterest } : {}),
        ...(input.firstRepaymentDate !== undefined ? { firstRepaymentDate: input.firstRepaymentDate } : {}),
      },
      ...(input.agreement !== undefined ? { agreement: input.agreement } : {}),
    },
  }, occurredAtFor(services, input.submittedOn));
  // Where an erasure sent at the same time meets it: one of the two is refused (409).
  if (outcome.created) await noteApplication(services, meta, input.customerId, loanId);
  return outcome;
}
