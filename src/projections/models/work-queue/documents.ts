import type { Doc } from '../../../readstore/port.js';
import type { ReasonCode } from './reason-codes.js';

export const WORK_QUEUE_PROJECTION = 'work-queue';
export const WORK_QUEUE = 'work_queue';
export const WORK_QUEUE_LOANS = 'work_queue_loans';
/**
 * Items set aside while their loan is closed or overpaid (a waiver or write-off request cannot be
 * approved then, LOAN_NOT_ACTIVE), as they were (WorkItemDoc, same id); back in WORK_QUEUE if a
 * reversal or a refund beyond the credit reopens the loan, since the request still stands there.
 */
export const WORK_QUEUE_PARKED = 'work_queue_parked';

/** The queues, each named for what waits in it. */
export const QUEUES = ['kyc-review', 'applications', 'approvals', 'disbursements', 'write-off-approvals', 'reversal-approvals', 'waiver-approvals', 'payout-approvals'] as const;
export type QueueName = (typeof QUEUES)[number];

/** Something waiting for a decision by staff; id = `<queue>:<customer or loan id>`. */
export interface WorkItemDoc extends Doc {
  queue: QueueName;
  customerId: string;
  loanId: string | null;
  /** When it started waiting in this queue (recording time of the event that put it there, ISO-8601). */
  waitingSince: string;
  /** Why it waits, in (English) words. */
  reason: string;
  /** Why it waits, as a code the console words in its language (reason-codes.ts); absent on documents projected before it. */
  reasonCode?: ReasonCode;
  /** The code's parameters (reason-codes.ts ReasonParams). */
  reasonParams?: Record<string, string>;
  /** The user (token `sub`) who submitted the application, for the four-eyes exclusion on approvals. */
  submittedBy: string | null;
  /** The user who requested the write-off or reversal, excluded from approving it. */
  requestedBy: string | null;
  productId: string | null;
  /** The pending reversal's repayment reference, the pending waiver's or payout's reference (absent on other items). */
  reference?: string | null;
  /** Requested or approved principal, decimal string in `currency`. */
  principal: string | null;
  currency: string | null;
}

/** What the queues need to remember of a loan between its events; id = loanId. */
export interface QueueLoanDoc extends Doc {
  customerId: string;
  productId: string;
  submittedBy: string;
  principal: string;
  currency: string;
}

export const workItemId = (queue: QueueName, entityId: string): string => `${queue}:${entityId}`;
