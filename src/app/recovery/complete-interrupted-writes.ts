import type { Channel } from '../../domain/loan/events.js';
import { knownPayment } from '../../domain/loan/payment-book.js';
import type { PaymentConfirmed } from '../../domain/payment/events.js';
import type { StatementLineSuspended } from '../../domain/payment/statement-events.js';
import type { PayoutConfirmed, PayoutCreated } from '../../domain/payout/events.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import { REFUND_CHANNEL } from '../../payments/payouts/payout-channel.js';
import { recordAssignedMoney } from '../payments/assign-suspense-line.js';
import type { ChannelMoney } from '../payments/record-channel-money.js';
import { recordPayoutRefund } from '../payouts/payout-refund.js';
import { loadPayout } from '../payouts/payout-stream.js';
import type { AppServices, CommandMeta } from '../services.js';
import { loadLoan } from '../streams.js';

/** What the pass found and did; `failed` names what it could not complete (logged, left for the next call). */
export interface InterruptedWrites {
  payouts: number;
  assignments: number;
  failed: { streamId: string; reference: string; error: string }[];
}

/** Where the pass reports what it completed or could not. */
export interface RecoveryLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** A first append whose loan write may be missing: the loan `loanId` should hold `reference`. */
interface Pending {
  kind: 'payout' | 'assignment';
  streamId: string;
  loanId: string;
  reference: string;
}

const PAGE = 2_000;
const META: CommandMeta = { actor: { sub: 'system:start-up-recovery', role: 'system' }, correlationId: 'start-up-recovery' };
/** Loan events that put a reference on the loan: once seen after its first append, nothing is missing. */
const LOAN_WRITES = new Set(['RefundIssued', 'RepaymentReceived', 'RecoveryReceived']);

/**
 * Completes, at start-up, the two-stream writes a crash cut in half: a payout its stream confirmed
 * (the money left) whose refund is not on the loan, and a suspended line or provider payment its
 * stream assigned to a loan whose money is not on it. Each is otherwise completed only by the next
 * call about it (a redelivery, a retry); this pass does it without one.
 *
 * One walk of the log, in pages, notes each such first append and crosses it off when the loan's
 * write follows; what is left is completed through the same functions the requests use, which read
 * the streams again and go through the loan's reference rule — so the pass is idempotent (a second
 * run, or a request completing the same thing meanwhile, records nothing twice). A completion the
 * loan refuses is logged and left for the next call; the pass never stops the start.
 */
export async function completeInterruptedWrites(services: AppServices, log: RecoveryLog): Promise<InterruptedWrites> {
  const pending = await findPending(services);
  const done: InterruptedWrites = { payouts: 0, assignments: 0, failed: [] };
  for (const item of pending) {
    try {
      const completed = item.kind === 'payout' ? await completePayout(services, item) : await completeAssignment(services, item);
      if (completed && item.kind === 'payout') done.payouts += 1;
      if (completed && item.kind === 'assignment') done.assignments += 1;
    } catch (error) {
      done.failed.push({ streamId: item.streamId, reference: item.reference, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (done.payouts + done.assignments > 0) log.info({ payouts: done.payouts, assignments: done.assignments }, 'completed writes a crash interrupted');
  for (const failure of done.failed) log.warn(failure, 'could not complete an interrupted write; the next call about it will');
  return done;
}

/** The first appends whose loan write does not follow them in the log. */
async function findPending(services: AppServices): Promise<Pending[]> {
  const payoutLoans = new Map<string, string>();
  const pending = new Map<string, Pending>();
  let position = 0n;
  for (;;) {
    const page = await services.eventStore.readAll({ fromPosition: position, maxCount: PAGE });
    for (const event of page) noteEvent(event, payoutLoans, pending);
    if (page.length < PAGE) break;
    position = page[page.length - 1]!.position;
  }
  return [...pending.values()];
}

function noteEvent(event: RecordedEvent, payoutLoans: Map<string, string>, pending: Map<string, Pending>): void {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'PayoutCreated') payoutLoans.set(event.streamId, (data as PayoutCreated['data']).loanId);
  else if (event.type === 'PayoutConfirmed') {
    const loanId = payoutLoans.get(event.streamId);
    const reference = (data as PayoutConfirmed['data']).channelReference;
    if (loanId !== undefined) pending.set(`${loanId}|${reference}`, { kind: 'payout', streamId: event.streamId, loanId, reference });
  } else if (event.type === 'SuspenseLineAssigned' || event.type === 'SuspendedPaymentAssigned') {
    const loanId = String(data.loanId);
    const reference = String(event.type === 'SuspenseLineAssigned' ? data.bankTxnId : data.reference);
    pending.set(`${loanId}|${reference}`, { kind: 'assignment', streamId: event.streamId, loanId, reference });
  } else if (LOAN_WRITES.has(event.type) && event.streamId.startsWith('loan-')) {
    pending.delete(`${event.streamId.slice('loan-'.length)}|${String(data.reference)}`);
  }
}

async function completePayout(services: AppServices, item: Pending): Promise<boolean> {
  const loaded = await loadPayout(services.eventStore, item.streamId.slice('payout-'.length));
  if (loaded === null || loaded.state.status !== 'confirmed' || loaded.state.channel === null) return false;
  const loan = await loadLoan(services.eventStore, item.loanId);
  if (loan.refunds[item.reference] !== undefined) return false;
  return (await recordPayoutRefund(services, META, loaded.state, REFUND_CHANNEL[loaded.state.channel])).created;
}

async function completeAssignment(services: AppServices, item: Pending): Promise<boolean> {
  const loan = await loadLoan(services.eventStore, item.loanId);
  const { reference } = item;
  if (knownPayment(loan.payments, reference) || Object.hasOwn(loan.recoveries, reference) || loan.reversed.includes(reference)) return false;
  const events = await services.eventStore.readStream(item.streamId);
  if (item.streamId.startsWith('bank-statement-')) {
    const suspended = events.find((e) => e.type === 'StatementLineSuspended' && (e.data as StatementLineSuspended['data']).line.bankTxnId === reference);
    if (suspended === undefined) return false;
    const { line, statementId } = suspended.data as StatementLineSuspended['data'];
    const money: ChannelMoney = { amount: line.amount, channel: 'bank_transfer', reference, effectiveDate: line.date };
    const bankTxn = { bankTxnId: reference, loanId: item.loanId, amount: line.amount, currency: line.currency, date: line.date, statementId };
    return (await recordAssignedMoney(services, META, item.loanId, money, bankTxn)).created;
  }
  const confirmed = events.find((e) => e.type === 'PaymentConfirmed' && (e.data as PaymentConfirmed['data']).providerTxnId === reference);
  const suspense = (confirmed?.data as PaymentConfirmed['data'] | undefined)?.suspense;
  if (confirmed === undefined || suspense === undefined) return false;
  // As the suspense queue dates it: the business day the provider's confirmation was recorded.
  const money: ChannelMoney = { amount: (confirmed.data as PaymentConfirmed['data']).amount, channel: suspense.channel as Channel, reference, effectiveDate: confirmed.occurredAt.slice(0, 10) };
  return (await recordAssignedMoney(services, META, item.loanId, money, null)).created;
}
