import { DomainError } from '../../domain/errors.js';
import { PAYMENT_SUSPENSE, type SuspenseLineDoc } from '../../projections/models/payments/payments.js';
import { currentLoanState } from '../queries/loan-time-travel.js';
import { occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { runPaymentCommand } from './payment-stream.js';
import { recordChannelMoney } from './record-channel-money.js';
import { runStatementCommand } from './statement-stream.js';

/**
 * An officer settles a suspended line — a statement line, or a provider payment no loan could take —
 * on a loan: it is recorded through the channel rule (a repayment, credit on a closed or overpaid
 * loan, a recovery on a written-off one; reference = bank txn id or provider transaction id) and
 * marked assigned on its statement or intent. Errors: SUSPENSE_LINE_NOT_FOUND 404,
 * SUSPENSE_LINE_ASSIGNED 409 (to another loan, or matched since), LOAN_NOT_FOUND 404,
 * CURRENCY_MISMATCH 422, and the loan's own refusals.
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
  const money = { amount: line.amount, channel: line.channel ?? 'bank_transfer', reference: line.bankTxnId, effectiveDate: line.date };
  const recorded = (await recordChannelMoney(services, meta, loanId, money)).outcome;
  const assigned = line.intentId === undefined
    ? await runStatementCommand(services, meta, line.statementId, { type: 'AssignSuspenseLine', data: { bankTxnId, loanId, assignedBy: meta.actor.sub } })
    : await runPaymentCommand(services, meta, line.intentId, { type: 'AssignSuspendedPayment', data: { reference: bankTxnId, loanId, assignedBy: meta.actor.sub } }, occurredAtFor(services));
  return { ...assigned, id: bankTxnId, position: assigned.position > recorded.position ? assigned.position : recorded.position, created: assigned.created || recorded.created };
}
