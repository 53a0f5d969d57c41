import type { PayoutConfirmed, PayoutCreated } from '../../domain/payout/events.js';
import type { RecordedEvent } from '../../eventstore/port.js';

/** A first append whose loan write may be missing: the loan `loanId` should hold `reference`. */
export interface PendingWrite {
  kind: 'payout' | 'assignment';
  streamId: string;
  loanId: string;
  reference: string;
}

/**
 * What a walk of the log has learnt up to some position, so the next walk can go on from there:
 * `pending` the first appends whose loan write has not followed (keyed `loanId|reference`), and
 * `openPayouts` the loan of each payout created and not yet confirmed, failed or rejected (its
 * confirmation, still to come, names only the payout). Plain JSON: it is stored between starts.
 */
export interface PendingWrites {
  pending: Record<string, PendingWrite>;
  openPayouts: Record<string, string>;
}

/** Loan events that put a reference on the loan: once seen after its first append, nothing is missing. */
const LOAN_WRITES = new Set(['RefundIssued', 'RepaymentReceived', 'RecoveryReceived']);
/** Payout events after which no confirmation can come. */
const PAYOUT_ENDS = new Set(['PayoutFailed', 'PayoutRejected']);

/** Nothing learnt yet: a walk from the log's start. */
export function nothingPending(): PendingWrites {
  return { pending: {}, openPayouts: {} };
}

/** Notes one event of the log, in log order, into `known` (mutated). */
export function noteEvent(known: PendingWrites, event: RecordedEvent): void {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'PayoutCreated') known.openPayouts[event.streamId] = (data as PayoutCreated['data']).loanId;
  else if (event.type === 'PayoutConfirmed') {
    const loanId = known.openPayouts[event.streamId];
    delete known.openPayouts[event.streamId];
    const reference = (data as PayoutConfirmed['data']).channelReference;
    if (loanId !== undefined) known.pending[`${loanId}|${reference}`] = { kind: 'payout', streamId: event.streamId, loanId, reference };
  } else if (PAYOUT_ENDS.has(event.type)) delete known.openPayouts[event.streamId];
  else if (event.type === 'SuspenseLineAssigned' || event.type === 'SuspendedPaymentAssigned') {
    const loanId = String(data.loanId);
    const reference = String(event.type === 'SuspenseLineAssigned' ? data.bankTxnId : data.reference);
    known.pending[`${loanId}|${reference}`] = { kind: 'assignment', streamId: event.streamId, loanId, reference };
  } else if (LOAN_WRITES.has(event.type) && event.streamId.startsWith('loan-')) {
    delete known.pending[`${event.streamId.slice('loan-'.length)}|${String(data.reference)}`];
  }
}
