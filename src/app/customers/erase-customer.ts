import { customerDecider } from '../../domain/customer/decider.js';
import { DomainError } from '../../domain/errors.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { customerStream, loadCustomer } from '../streams.js';
import { openLoansOf } from './open-loans.js';

/**
 * Crypto-shreds a customer's PII: appends CustomerErased, then destroys the data key. In that
 * order a failure between the two leaves an erasure a retry completes (the decider answers a
 * repeated erasure with no events, and the key is destroyed again), never a key gone unrecorded.
 *
 * Refused (409 CUSTOMER_HAS_OPEN_LOANS) while the customer has a loan not yet finished (open-loans.ts):
 * the identity is needed to perform that contract (PIPL art. 13(2)) and to identify the customer
 * for AML for the life of the relationship. The caller has the loan-summary read model reach the
 * head of the log first. A customer already erased is not checked again, so a retry completes.
 */
export async function eraseCustomer(services: AppServices, meta: CommandMeta, customerId: string, reason: string): Promise<CommandOutcome> {
  const customer = await loadCustomer(services.eventStore, customerId);
  if (customer.customerId !== null && !customer.erased) {
    const open = await openLoansOf(services, customerId);
    if (open.length > 0) {
      throw new DomainError('CUSTOMER_HAS_OPEN_LOANS', `Customer ${customerId} has loans not yet closed, written off, withdrawn or rejected (${open.join(', ')}): their identity is needed to perform them`, 'conflict', { loans: open });
    }
  }
  const { outcome } = await runCommand(services, {
    id: customerId,
    streamId: customerStream(customerId),
    decider: customerDecider,
    command: { type: 'Erase', data: { reason, erasedBy: meta.actor.sub } },
    meta,
    occurredAt: occurredAtFor(services),
  });
  await services.vault.erase(customerId);
  return outcome;
}
