import { loadAggregate } from '../../commands/load-aggregate.js';
import { customerDecider } from '../../domain/customer/decider.js';
import { ConcurrencyError } from '../../eventstore/concurrency-error.js';
import { DomainError } from '../../domain/errors.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { customerStream } from '../streams.js';
import { openLoansOf } from './open-loans.js';

/** How many times an erasure checks the customer's loans again after an application landed meanwhile. */
const ATTEMPTS = 3;

/**
 * Crypto-shreds a customer's PII: appends CustomerErased, then destroys the data key. In that
 * order a failure between the two leaves an erasure a retry completes (the decider answers a
 * repeated erasure with no events, and the key is destroyed again), never a key gone unrecorded.
 *
 * Refused (409 CUSTOMER_HAS_OPEN_LOANS) while the customer has a loan not yet finished (open-loans.ts):
 * the identity is needed to perform that contract (PIPL art. 13(2)) and to identify the customer
 * for AML for the life of the relationship. The caller has the loan-summary read model reach the
 * head of the log first. A customer already erased is not checked again, so a retry completes.
 *
 * CustomerErased is appended at the customer's revision the loans were checked at: an application
 * noted on the customer meanwhile (note-application.ts, QA 8 N8) makes the append conflict, and the
 * loans are checked again — now with that application, so the erasure is refused. A request's own
 * If-Match is honoured as given (a conflict is then its 409).
 */
export async function eraseCustomer(services: AppServices, meta: CommandMeta, customerId: string, reason: string): Promise<CommandOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const loaded = await loadAggregate(services.eventStore, customerStream(customerId), customerDecider);
    const customer = loaded.state;
    if (customer.customerId !== null && !customer.erased) {
      const open = await openLoansOf(services, customerId);
      if (open.length > 0) {
        throw new DomainError('CUSTOMER_HAS_OPEN_LOANS', `Customer ${customerId} has loans not yet closed, written off, withdrawn or rejected (${open.join(', ')}): their identity is needed to perform them`, 'conflict', { loans: open });
      }
    }
    const expectedRevision = meta.expectedRevision ?? loaded.revision ?? undefined;
    try {
      const { outcome } = await runCommand(services, {
        id: customerId,
        streamId: customerStream(customerId),
        decider: customerDecider,
        command: { type: 'Erase', data: { reason, erasedBy: meta.actor.sub } },
        meta: expectedRevision === undefined ? meta : { ...meta, expectedRevision },
        occurredAt: occurredAtFor(services),
      });
      await services.vault.erase(customerId);
      return outcome;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || meta.expectedRevision !== undefined || attempt >= ATTEMPTS) throw error;
    }
  }
}
