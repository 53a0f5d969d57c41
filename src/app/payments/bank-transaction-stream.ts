import { loadAggregate } from '../../commands/load-aggregate.js';
import { bankTransactionDecider, type BankTransactionRecorded, type BankTransactionState } from '../../domain/payment/bank-transaction.js';
import { runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';

export const bankTransactionStream = (bankTxnId: string) => `banktxn-${bankTxnId}`;

/** Where the bank transaction was recorded, from its stream (never stale). */
export async function loadBankTransaction(services: AppServices, bankTxnId: string): Promise<BankTransactionState> {
  return (await loadAggregate(services.eventStore, bankTransactionStream(bankTxnId), bankTransactionDecider)).state;
}

/**
 * Records the bank transaction as this loan's, at the stream's revision (a concurrent claim makes
 * the pipeline decide again): BANK_TXN_ON_OTHER_LOAN / BANK_TXN_AMOUNT_DIFFERS 409 when another line
 * put it elsewhere; the same again is a no-op. The request's Idempotency-Key and If-Match are not its.
 */
export async function recordBankTransaction(services: AppServices, meta: CommandMeta, data: BankTransactionRecorded['data']): Promise<CommandOutcome> {
  const { idempotencyKey: _key, requestHash: _hash, expectedRevision: _rev, ...txnMeta } = meta;
  const { outcome } = await runCommand(services, {
    id: data.bankTxnId, streamId: bankTransactionStream(data.bankTxnId), decider: bankTransactionDecider,
    command: { type: 'RecordBankTransaction', data }, meta: txnMeta, occurredAt: services.clock.now().toISOString(),
  });
  return outcome;
}
