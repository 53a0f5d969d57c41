import type { Channel } from '../../domain/loan/events.js';
import { knownPayment } from '../../domain/loan/payment-book.js';
import type { PaymentConfirmed } from '../../domain/payment/events.js';
import type { StatementLineSuspended } from '../../domain/payment/statement-events.js';
import { REFUND_CHANNEL } from '../../payments/payouts/payout-channel.js';
import { recordAssignedMoney } from '../payments/assign-suspense-line.js';
import type { ChannelMoney } from '../payments/record-channel-money.js';
import { recordPayoutRefund } from '../payouts/payout-refund.js';
import { loadPayout } from '../payouts/payout-stream.js';
import type { AppServices, CommandMeta } from '../services.js';
import { loadLoan } from '../streams.js';
import { noteEvent, nothingPending, type PendingWrite } from './pending-writes.js';
import { loadWalkCheckpoint, saveWalkCheckpoint } from './walk-checkpoint.js';

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

const PAGE = 2_000;
const META: CommandMeta = { actor: { sub: 'system:start-up-recovery', role: 'system' }, correlationId: 'start-up-recovery' };

/**
 * Completes, at start-up, the two-stream writes a crash cut in half: a payout its stream confirmed
 * (the money left) whose refund is not on the loan, and a suspended line or provider payment its
 * stream assigned to a loan whose money is not on it. Each is otherwise completed only by the next
 * call about it (a redelivery, a retry); this pass does it without one.
 *
 * A walk of the log, in pages, notes each such first append and crosses it off when the loan's
 * write follows; what is left is completed through the same functions the requests use, which read
 * the streams again and go through the loan's reference rule — so the pass is idempotent (a second
 * run, or a request completing the same thing meanwhile, records nothing twice). A completion the
 * loan refuses is logged and left for the next call; the pass never stops the start.
 *
 * The walk goes on from where the last start's walk ended (`walk-checkpoint.ts`, kept in the read
 * store with what was still pending then), so a start reads only what was appended since, not the
 * whole log: 1.1 M events took ~8.5 s of CPU before the server listened. Without a checkpoint to
 * trust it walks from the beginning, as before.
 */
export async function completeInterruptedWrites(services: AppServices, log: RecoveryLog): Promise<InterruptedWrites> {
  const saved = await loadWalkCheckpoint(services.readStore, await services.eventStore.headPosition());
  const known = saved?.known ?? nothingPending();
  const from = saved?.position ?? 0n;
  let position = from;
  let walked = 0;
  for (;;) {
    const page = await services.eventStore.readAll({ fromPosition: position, maxCount: PAGE });
    for (const event of page) noteEvent(known, event);
    walked += page.length;
    if (page.length > 0) position = page[page.length - 1]!.position;
    if (page.length < PAGE) break;
  }
  log.info({ afterPosition: from.toString(), events: walked, pending: Object.keys(known.pending).length }, 'start-up recovery walked the log');
  const done: InterruptedWrites = { payouts: 0, assignments: 0, failed: [] };
  for (const [key, item] of Object.entries(known.pending)) {
    try {
      const completed = item.kind === 'payout' ? await completePayout(services, item) : await completeAssignment(services, item);
      if (completed && item.kind === 'payout') done.payouts += 1;
      if (completed && item.kind === 'assignment') done.assignments += 1;
      // Completed now, or found complete or not completable: either way nothing is left to do for it.
      delete known.pending[key];
    } catch (error) {
      done.failed.push({ streamId: item.streamId, reference: item.reference, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (done.payouts + done.assignments > 0) log.info({ payouts: done.payouts, assignments: done.assignments }, 'completed writes a crash interrupted');
  for (const failure of done.failed) log.warn(failure, 'could not complete an interrupted write; the next call about it will');
  // What failed stays pending for the next start; losing the checkpoint only means a longer walk.
  await saveWalkCheckpoint(services.readStore, { position, known }, services.clock.now()).catch((error: unknown) =>
    log.warn({ err: error }, 'could not save where the start-up pass ended; the next start walks the log again'),
  );
  return done;
}

async function completePayout(services: AppServices, item: PendingWrite): Promise<boolean> {
  const loaded = await loadPayout(services.eventStore, item.streamId.slice('payout-'.length));
  if (loaded === null || loaded.state.status !== 'confirmed' || loaded.state.channel === null) return false;
  const loan = await loadLoan(services.eventStore, item.loanId);
  if (loan.refunds[item.reference] !== undefined) return false;
  return (await recordPayoutRefund(services, META, loaded.state, REFUND_CHANNEL[loaded.state.channel])).created;
}

async function completeAssignment(services: AppServices, item: PendingWrite): Promise<boolean> {
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
