import type {
  ChargeWaived, ChargeWaiverRejected, ChargeWaiverRequested, CreditAssessed, LoanApplicationSubmitted, LoanApproved, LoanWriteOffRequested, RecoveryReversed, RepaymentReversalRejected, RepaymentReversalRequested, RepaymentReversed,
} from '../../../domain/loan/events.js';
import type { PayoutCreated } from '../../../domain/payout/events.js';
import type { RecordedEvent } from '../../../eventstore/port.js';
import type { Projection, ProjectionContext, ProjectionHandler } from '../../projection.js';
import { entityIdOf } from '../stream-id.js';
import {
  WORK_QUEUE, WORK_QUEUE_LOANS, WORK_QUEUE_PARKED, WORK_QUEUE_PROJECTION, workItemId, type QueueLoanDoc, type QueueName, type WorkItemDoc,
} from './documents.js';
import { waitReason } from './reason-codes.js';

const APPLICATION_QUEUES: QueueName[] = ['applications', 'approvals', 'disbursements'];

/**
 * Requests that only an active or overdue loan can take (a waiver: waiverEvents; a write-off:
 * approveWriteOff, both LOAN_NOT_ACTIVE otherwise). A pending reversal stays: a closed, overpaid or
 * written-off loan's repayment or recovery can still be reversed; so does a refund payout.
 */
const NEEDS_ACTIVE_LOAN: QueueName[] = ['waiver-approvals', 'write-off-approvals'];

/** Takes the item out of each queue, and out of the parked items (a request turned down while its loan was closed). */
function leave(ctx: ProjectionContext, queues: QueueName[], entityId: string): void {
  for (const queue of queues) {
    ctx.delete(WORK_QUEUE, workItemId(queue, entityId));
    if (NEEDS_ACTIVE_LOAN.includes(queue)) ctx.delete(WORK_QUEUE_PARKED, workItemId(queue, entityId));
  }
}

async function loanItems(ctx: ProjectionContext, collection: string, loanId: string): Promise<WorkItemDoc[]> {
  return (await ctx.find<WorkItemDoc>(collection, { where: { loanId } })).items.filter((item) => NEEDS_ACTIVE_LOAN.includes(item.queue));
}

/**
 * The loan ended: its waiver and write-off requests can no longer be approved, so they leave the
 * queues. Closed or overpaid, they are parked (a reversal can reopen the loan, and the request
 * still stands in its state); written off, they are gone (the loan never becomes active again).
 */
function loanEnded(kept: boolean): ProjectionHandler {
  return async (event, ctx) => {
    for (const item of await loanItems(ctx, WORK_QUEUE, entityIdOf(event, 'loan'))) {
      ctx.delete(WORK_QUEUE, item.id);
      if (kept) ctx.put(WORK_QUEUE_PARKED, item);
    }
  };
}

/** A reversal or a refund beyond the credit may reopen a closed or overpaid loan: its parked requests wait again. */
async function mayReopen(event: RecordedEvent, ctx: ProjectionContext): Promise<void> {
  const parked = await loanItems(ctx, WORK_QUEUE_PARKED, entityIdOf(event, 'loan'));
  if (parked.length === 0) return;
  const { status } = (await ctx.loans.after(event)).state;
  if (status !== 'active' && status !== 'overdue') return;
  for (const item of parked) {
    ctx.delete(WORK_QUEUE_PARKED, item.id);
    ctx.put(WORK_QUEUE, item);
  }
}

async function queueLoan(event: RecordedEvent, ctx: ProjectionContext): Promise<QueueLoanDoc> {
  const loanId = entityIdOf(event, 'loan');
  const loan = await ctx.get<QueueLoanDoc>(WORK_QUEUE_LOANS, loanId);
  if (!loan) throw new Error(`${event.type} ${event.eventId}: loan ${loanId} has no application in the work queues`);
  return loan;
}

/** A pending reversal's or waiver's item key: a loan may wait on several, one per reference. */
const pendingKey = (loanId: string, reference: string) => `${loanId}/${reference}`;
const reversalKey = pendingKey;

/** Puts the loan in `queue` (under `key`, the loan id unless given), taking it out of the application queues it was in. */
async function enterLoanQueue(event: RecordedEvent, ctx: ProjectionContext, queue: QueueName, reason: string, overrides: Partial<WorkItemDoc> = {}, key?: string): Promise<void> {
  const loan = await queueLoan(event, ctx);
  if (APPLICATION_QUEUES.includes(queue)) leave(ctx, APPLICATION_QUEUES, loan.id);
  ctx.put(WORK_QUEUE, {
    id: workItemId(queue, key ?? loan.id), queue, customerId: loan.customerId, loanId: loan.id, waitingSince: event.recordedAt, reason,
    submittedBy: loan.submittedBy, requestedBy: null, productId: loan.productId, principal: loan.principal, currency: loan.currency, ...overrides,
  } satisfies WorkItemDoc);
}

const leaveApplicationQueues: ProjectionHandler = (event, ctx) => leave(ctx, APPLICATION_QUEUES, entityIdOf(event, 'loan'));
const leavePayoutQueue: ProjectionHandler = (event, ctx) => leave(ctx, ['payout-approvals'], event.streamId.slice('payout-'.length));
const leaveKycQueue: ProjectionHandler = (event, ctx) => leave(ctx, ['kyc-review'], entityIdOf(event, 'customer'));

const handlers: Record<string, ProjectionHandler> = {
  // The item names no employer: it is personal information sealed with the customer's key (PIPL
  // art. 4), and a queue row would outlive the key; the reviewer reads it on the customer's page.
  KycSubmitted: (event, ctx) => {
    const customerId = entityIdOf(event, 'customer');
    ctx.put(WORK_QUEUE, {
      id: workItemId('kyc-review', customerId), queue: 'kyc-review', customerId, loanId: null, waitingSince: event.recordedAt,
      reason: 'KYC submitted, awaiting a decision', ...waitReason('kyc-submitted', {}), submittedBy: null, requestedBy: null, productId: null, principal: null, currency: null,
    } satisfies WorkItemDoc);
  },
  KycVerified: leaveKycQueue,
  KycRejected: leaveKycQueue,
  CustomerErased: leaveKycQueue,

  LoanApplicationSubmitted: async (event, ctx) => {
    const data = event.data as LoanApplicationSubmitted['data'];
    const loan: QueueLoanDoc = {
      id: entityIdOf(event, 'loan'), customerId: data.customerId, productId: data.productId, submittedBy: data.submittedBy,
      principal: data.principal, currency: data.terms.currency,
    };
    ctx.put(WORK_QUEUE_LOANS, loan);
    await enterLoanQueue(event, ctx, 'applications', 'submitted, awaiting credit assessment', waitReason('application-submitted', {}));
  },
  CreditAssessed: (event, ctx) => {
    const { grade, decision, score } = event.data as CreditAssessed['data'];
    return enterLoanQueue(event, ctx, 'approvals', `assessed: score ${score}, grade ${grade}, scorecard says ${decision}; awaiting an underwriter's decision`,
      waitReason('assessed', { score: String(score), grade, decision }));
  },
  LoanApproved: (event, ctx) => {
    const { approvedPrincipal } = event.data as LoanApproved['data'];
    return enterLoanQueue(event, ctx, 'disbursements', 'approved, awaiting disbursement', { principal: approvedPrincipal, ...waitReason('approved', {}) });
  },
  LoanRejected: leaveApplicationQueues,
  LoanApplicationWithdrawn: leaveApplicationQueues,
  LoanDisbursed: leaveApplicationQueues,
  LoanMigrated: leaveApplicationQueues,
  LoanWriteOffRequested: (event, ctx) => {
    const { requestedBy, reason } = event.data as LoanWriteOffRequested['data'];
    return enterLoanQueue(event, ctx, 'write-off-approvals', `write-off requested: ${reason}; awaiting a second person's approval`, { requestedBy, ...waitReason('write-off-requested', { reason }) });
  },
  RepaymentReversalRequested: async (event, ctx) => {
    const { reference, amount, reason, requestedBy } = event.data as RepaymentReversalRequested['data'];
    const loanId = entityIdOf(event, 'loan');
    const { currency } = await queueLoan(event, ctx);
    return enterLoanQueue(event, ctx, 'reversal-approvals', `reversal of repayment ${reference} (${amount}) requested: ${reason}; awaiting a second person's approval`,
      { requestedBy, reference, ...waitReason('reversal-requested', { reference, amount, currency, reason }) }, reversalKey(loanId, reference));
  },
  RepaymentReversed: async (event, ctx) => {
    const { reference } = event.data as RepaymentReversed['data'];
    leave(ctx, ['reversal-approvals'], reversalKey(entityIdOf(event, 'loan'), reference));
    await mayReopen(event, ctx);
  },
  RepaymentReversalRejected: (event, ctx) => {
    const { reference } = event.data as RepaymentReversalRejected['data'];
    leave(ctx, ['reversal-approvals'], reversalKey(entityIdOf(event, 'loan'), reference));
  },
  RecoveryReversed: (event, ctx) => {
    const { reference } = event.data as RecoveryReversed['data'];
    leave(ctx, ['reversal-approvals'], reversalKey(entityIdOf(event, 'loan'), reference));
  },
  ChargeWaiverRequested: async (event, ctx) => {
    const { reference, kind, amount, reason, requestedBy } = event.data as ChargeWaiverRequested['data'];
    const loanId = entityIdOf(event, 'loan');
    const { currency } = await queueLoan(event, ctx);
    return enterLoanQueue(event, ctx, 'waiver-approvals', `waiver ${reference} of ${amount} ${kind} requested: ${reason}; awaiting a second person's approval`,
      { requestedBy, reference, submittedBy: null, ...waitReason('waiver-requested', { reference, kind, amount, currency, reason }) }, pendingKey(loanId, reference));
  },
  ChargeWaived: (event, ctx) => {
    const { reference } = event.data as ChargeWaived['data'];
    if (reference !== undefined) leave(ctx, ['waiver-approvals'], pendingKey(entityIdOf(event, 'loan'), reference));
  },
  ChargeWaiverRejected: (event, ctx) => {
    const { reference } = event.data as ChargeWaiverRejected['data'];
    leave(ctx, ['waiver-approvals'], pendingKey(entityIdOf(event, 'loan'), reference));
  },
  PayoutCreated: async (event, ctx) => {
    const { payoutId, loanId, customerId, amount, currency, channel, requestedBy } = event.data as PayoutCreated['data'];
    // Payouts from before four eyes were sent at once: nothing waits.
    if (requestedBy === undefined) return;
    const loan = await ctx.get<QueueLoanDoc>(WORK_QUEUE_LOANS, loanId);
    ctx.put(WORK_QUEUE, {
      id: workItemId('payout-approvals', payoutId), queue: 'payout-approvals', customerId, loanId,
      waitingSince: event.recordedAt, reason: `refund payout ${payoutId} of ${amount} ${currency} by ${channel} started; awaiting a second person's approval`,
      ...waitReason('payout-requested', { reference: payoutId, amount, currency, channel }),
      submittedBy: null, requestedBy, productId: loan?.productId ?? null, principal: loan?.principal ?? null, currency, reference: payoutId,
    } satisfies WorkItemDoc);
  },
  PayoutApproved: leavePayoutQueue,
  PayoutRejected: leavePayoutQueue,
  LoanClosed: loanEnded(true),
  LoanOverpaid: loanEnded(true),
  LoanWrittenOff: loanEnded(false),
  RefundIssued: mayReopen,
};

/**
 * What waits for staff, one item per customer or loan and queue: KYC to review, applications to
 * assess, assessed loans to approve, approved loans to disburse, write-offs, large repayment
 * reversals and large waivers to approve (one item per reversal or waiver; its reason names the
 * repayment or the waiver's reference), refund payouts to approve (one per payout). A waiver or
 * write-off request leaves its queue when the loan ends (closed, overpaid, written off) and comes
 * back if a reversal or refund reopens it (QA 12 Q9). Other events pass by.
 */
export const workQueueProjection: Projection = {
  name: WORK_QUEUE_PROJECTION,
  // 2: items carry reasonCode and reasonParams (QA 11 S4); 3: waiver and write-off requests of an ended loan are parked (QA 12 Q9);
  // 4: a KYC review item no longer names the employer (personal information, sealed in the log).
  version: 4,
  collections: [
    { name: WORK_QUEUE, indexes: ['queue', 'waitingSince', 'loanId'] },
    { name: WORK_QUEUE_LOANS, indexes: [] },
    { name: WORK_QUEUE_PARKED, indexes: ['loanId'] },
  ],
  handlers,
};
