import { WORK_QUEUE, type QueueName, type WorkItemDoc } from '../../projections/models/work-queue/documents.js';
import type { Page, ReadStore } from '../../readstore/port.js';
import { findFiltered } from './filtered-page.js';

/** A queue item as the API answers it: the document without its queue-scoped key. */
export type WorkItemView = Pick<WorkItemDoc, 'customerId' | 'loanId' | 'waitingSince' | 'reason' | 'reasonCode' | 'reasonParams' | 'submittedBy' | 'requestedBy' | 'productId' | 'principal' | 'currency'> & { id: string; reference: string | null };

export interface WorkQueueRequest {
  queue: QueueName;
  /** Leave out what this user submitted or requested (four eyes: they may not decide it). */
  notBy?: string;
  /** Only what waits on this loan. */
  loanId?: string;
  limit: number;
  cursor?: string;
}

/** One page of a queue, oldest first; `id` is the customer id (KYC) or the loan id. */
export async function findWorkItems(readStore: ReadStore, request: WorkQueueRequest): Promise<Page<WorkItemView>> {
  const { notBy } = request;
  const keep = notBy === undefined ? undefined : (doc: WorkItemDoc) => doc.submittedBy !== notBy && doc.requestedBy !== notBy;
  const page = await findFiltered<WorkItemDoc>(readStore, WORK_QUEUE, {
    where: { queue: request.queue, ...(request.loanId === undefined ? {} : { loanId: request.loanId }) }, sort: { field: 'waitingSince', direction: 'asc' }, limit: request.limit, cursor: request.cursor ?? null,
  }, keep);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

function toView(doc: WorkItemDoc): WorkItemView {
  const { customerId, loanId, waitingSince, reason, reasonCode, reasonParams, submittedBy, requestedBy, productId, principal, currency } = doc;
  return { id: loanId ?? customerId, customerId, loanId, waitingSince, reason, ...(reasonCode ? { reasonCode, reasonParams: reasonParams ?? {} } : {}), submittedBy, requestedBy, productId, principal, currency, reference: doc.reference ?? null };
}
