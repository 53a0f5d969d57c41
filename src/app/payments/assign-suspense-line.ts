import { DomainError } from '../../domain/errors.js';
import { PAYMENT_SUSPENSE, type SuspenseLineDoc } from '../../projections/models/payments/payments.js';
import { receiveRepayment } from '../loans/collect-payment.js';
import { currentLoanState } from '../queries/loan-time-travel.js';
import type { AppServices, CommandMeta, CommandOutcome } from '../services.js';
import { runStatementCommand } from './statement-stream.js';

/**
 * An officer settles a suspended statement line: it is recorded as the loan's repayment
 * (bank_transfer, reference = bank txn id) and marked assigned on its statement. Errors:
 * SUSPENSE_LINE_NOT_FOUND 404, SUSPENSE_LINE_ASSIGNED 409 (to another loan, or matched since),
 * LOAN_NOT_FOUND 404, CURRENCY_MISMATCH 422, and the loan's own repayment rules.
 */
export async function assignSuspenseLine(services: AppServices, meta: CommandMeta, bankTxnId: string, loanId: string): Promise<CommandOutcome> {
  const line = await services.readStore.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, bankTxnId);
  if (line === null) throw new DomainError('SUSPENSE_LINE_NOT_FOUND', `no suspended line ${bankTxnId}`, 'not_found');
  if (line.status !== 'open' && line.loanId !== loanId) {
    throw new DomainError('SUSPENSE_LINE_ASSIGNED', `line ${bankTxnId} is already ${line.status} to loan ${line.loanId ?? '?'}`, 'conflict');
  }
  const loan = await currentLoanState(services.eventStore, loanId);
  if (loan === null) throw new DomainError('LOAN_NOT_FOUND', 'Loan does not exist', 'not_found');
  if (loan.currency !== line.currency) throw new DomainError('CURRENCY_MISMATCH', `the line is in ${line.currency}, the loan in ${loan.currency}`, 'rule');
  const repayment = await receiveRepayment(services, meta, loanId, { amount: line.amount, channel: 'bank_transfer', reference: line.bankTxnId, effectiveDate: line.date });
  const assigned = await runStatementCommand(services, meta, line.statementId, { type: 'AssignSuspenseLine', data: { bankTxnId, loanId, assignedBy: meta.actor.sub } });
  return { ...assigned, id: bankTxnId, position: assigned.position > repayment.position ? assigned.position : repayment.position, created: assigned.created || repayment.created };
}
