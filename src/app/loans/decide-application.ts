import { businessToday, occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { assertBorrowerOfAge } from '../customers/borrower-age.js';
import { existingLoan, loadCustomer } from '../streams.js';
import { runLoanCommand } from './run-loan-command.js';

export interface ApprovalInput {
  approvedPrincipal?: string | null;
  note?: string | null;
  /** Business date of the approval; defaults to today. */
  effectiveDate?: string;
}

/** Approves as the calling underwriter; the decider enforces four eyes, KYC and the assessment; a borrower under age on the approval date is BORROWER_UNDER_AGE (422). */
export async function approveLoan(services: AppServices, meta: CommandMeta, loanId: string, input: ApprovalInput): Promise<CommandOutcome> {
  const loan = await existingLoan(services.eventStore, loanId);
  const customer = await loadCustomer(services.eventStore, loan.customerId ?? '');
  const date = input.effectiveDate ?? businessToday(services);
  if (customer.customerId !== null) await assertBorrowerOfAge(services, customer.customerId, date);
  const { outcome } = await runLoanCommand(services, meta, loanId, {
    type: 'Approve',
    data: {
      approvedPrincipal: input.approvedPrincipal ?? null,
      approver: meta.actor.sub,
      approverRole: meta.actor.role,
      note: input.note ?? null,
      kycVerified: customer.kycStatus === 'verified' && !customer.erased,
      date,
    },
  }, occurredAtFor(services, date));
  return outcome;
}

/** Rejects a pending application, recording who and why. */
export async function rejectLoan(services: AppServices, meta: CommandMeta, loanId: string, reason: string): Promise<CommandOutcome> {
  const { outcome } = await runLoanCommand(services, meta, loanId, { type: 'Reject', data: { reason, by: meta.actor.sub } }, occurredAtFor(services));
  return outcome;
}

/** Withdraws an application not yet disbursed. */
export async function withdrawLoan(services: AppServices, meta: CommandMeta, loanId: string, reason: string | null): Promise<CommandOutcome> {
  const { outcome } = await runLoanCommand(services, meta, loanId, { type: 'Withdraw', data: { reason } }, occurredAtFor(services));
  return outcome;
}
