import { customerDecider } from '../../domain/customer/decider.js';
import { DomainError } from '../../domain/errors.js';
import { runLoanCommand } from '../loans/run-loan-command.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta } from '../services.js';
import { customerStream } from '../streams.js';

/**
 * Notes on the customer's stream an application just recorded on its loan's stream
 * (LoanApplicationOpened). The customer's stream is where an application and an erasure meet (QA 8
 * N8): the note is decided on the stream as it stands when appended, and the erasure is appended at
 * the revision it checked the customer's loans at (erase-customer.ts). So when the two are sent
 * together either the note lands first (the erasure's append conflicts, it checks again and sees the
 * application: 409 CUSTOMER_HAS_OPEN_LOANS) or the erasure does (the note is refused): then the
 * application is withdrawn by the system and the applicant is answered 409 CUSTOMER_ERASED.
 */
export async function noteApplication(services: AppServices, meta: CommandMeta, customerId: string, loanId: string): Promise<void> {
  const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...noteMeta } = meta;
  try {
    await runCommand(services, {
      id: customerId, streamId: customerStream(customerId), decider: customerDecider, meta: noteMeta,
      command: { type: 'NoteApplication', data: { loanId } }, occurredAt: occurredAtFor(services),
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'CUSTOMER_ERASED') throw error;
    await runLoanCommand(services, noteMeta, loanId, { type: 'Withdraw', data: { reason: 'the customer was erased while the application was submitted' } }, occurredAtFor(services));
    throw new DomainError('CUSTOMER_ERASED', `Customer ${customerId} was erased while the application was submitted; it was withdrawn`, 'conflict', { loanId });
  }
}
