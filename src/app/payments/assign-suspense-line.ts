import { DomainError } from '../../domain/errors.js';
import { PAYMENT_SUSPENSE, type SuspenseLineDoc } from '../../projections/models/payments/payments.js';
import { currentLoanState } from '../queries/loan-time-travel.js';
import { occurredAtFor, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { bankTransactionConflict, type BankTransactionRecorded } from '../../domain/payment/bank-transaction.js';
import { loadBankTransaction, recordBankTransaction } from './bank-transaction-stream.js';
import { runPaymentCommand } from './payment-stream.js';
import { checkChannelMoney, recordChannelMoney, type ChannelMoney } from './record-channel-money.js';
import { loadStatement, runStatementCommand } from './statement-stream.js';

/**
 * An officer settles a suspended line — a statement line, or a provider payment no loan could take —
 * on a loan: it is recorded through the channel rule (a repayment, credit on a closed or overpaid
 * loan, a recovery on a written-off one; reference = bank txn id or provider transaction id).
 *
 * The line's own stream decides first: AssignSuspenseLine (or AssignSuspendedPayment) is appended
 * at the revision the statement (intent) was read at, and a concurrent assignment makes the pipeline
 * read it again and decide again, so of two officers assigning one line only one wins; the other is
 * refused 409 having recorded nothing. The read store, which lags, only supplies the line's amount,
 * date and currency, never whether it is still open. Only the winner records the money on the loan,
 * keyed by the line's reference, so the loan's reference rule records it once.
 *
 * A crash between the two appends leaves the line assigned without the money on the loan: assigning
 * it again to the same loan is a no-op on the line and records the money, once.
 *
 * A statement line's bank transaction is put on the loan too (`banktxn-<id>`): one another statement
 * recorded on another loan or amount is refused first (BANK_TXN_ON_OTHER_LOAN, BANK_TXN_AMOUNT_DIFFERS 409).
 *
 * Errors: SUSPENSE_LINE_NOT_FOUND 404, SUSPENSE_LINE_ASSIGNED 409 (to another loan), LOAN_NOT_FOUND
 * 404, CURRENCY_MISMATCH 422, BANK_TXN_ON_OTHER_LOAN / BANK_TXN_AMOUNT_DIFFERS 409, and the loan's own
 * refusals (asked before the line is marked).
 */
export async function assignSuspenseLine(services: AppServices, meta: CommandMeta, bankTxnId: string, loanId: string): Promise<CommandOutcome> {
  const line = await services.readStore.get<SuspenseLineDoc>(PAYMENT_SUSPENSE, bankTxnId);
  if (line === null) throw new DomainError('SUSPENSE_LINE_NOT_FOUND', `no suspended line ${bankTxnId}`, 'not_found');
  const loan = await currentLoanState(services.eventStore, loanId);
  if (loan === null) throw new DomainError('LOAN_NOT_FOUND', 'Loan does not exist', 'not_found');
  if (loan.currency !== line.currency) throw new DomainError('CURRENCY_MISMATCH', `the line is in ${line.currency}, the loan in ${loan.currency}`, 'rule');
  const money = { amount: line.amount, channel: line.channel ?? 'bank_transfer', reference: line.bankTxnId, effectiveDate: line.date };
  await checkChannelMoney(services, loanId, money);
  // A bank transaction another statement put on another loan or amount is not assigned again.
  const bankTxn = line.intentId === undefined ? { bankTxnId, loanId, amount: line.amount, currency: line.currency, date: line.date, statementId: line.statementId } : null;
  if (bankTxn !== null) {
    const known = await loadBankTransaction(services, bankTxnId);
    const conflict = bankTransactionConflict(known, bankTxn);
    // Put there by this very line's assignment: its statement answers (SUSPENSE_LINE_ASSIGNED).
    const byThisLine = known.recorded?.statementId === line.statementId && (await loadStatement(services, line.statementId)).suspended[bankTxnId]?.assignedTo != null;
    if (conflict && !byThisLine) throw conflict;
  }
  const assigned = line.intentId === undefined
    ? await runStatementCommand(services, meta, line.statementId, { type: 'AssignSuspenseLine', data: { bankTxnId, loanId, assignedBy: meta.actor.sub } })
    : await runPaymentCommand(services, meta, line.intentId, { type: 'AssignSuspendedPayment', data: { reference: bankTxnId, loanId, assignedBy: meta.actor.sub } }, occurredAtFor(services));
  // The line is this loan's now (just assigned, or before: a retry): its money goes on the loan, once.
  const recorded = await recordAssignedMoney(services, meta, loanId, money, bankTxn);
  return { ...assigned, id: bankTxnId, position: assigned.position > recorded.position ? assigned.position : recorded.position, created: assigned.created || recorded.created };
}

/**
 * The second half of an assignment: a line its stream says is the loan's has its bank transaction
 * (statement lines only) and its money put on the loan, once each (the reference rules). Called by the
 * assignment itself and by the start-up pass that completes one a crash interrupted.
 */
export async function recordAssignedMoney(services: AppServices, meta: CommandMeta, loanId: string, money: ChannelMoney, bankTxn: BankTransactionRecorded['data'] | null): Promise<CommandOutcome> {
  const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...loanMeta } = meta;
  if (bankTxn !== null) await recordBankTransaction(services, loanMeta, bankTxn);
  return (await recordChannelMoney(services, loanMeta, loanId, money)).outcome;
}
