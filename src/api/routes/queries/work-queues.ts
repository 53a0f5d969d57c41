import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findWorkItems } from '../../../app/lists/work-queues.js';
import { WORK_QUEUE_PROJECTION, type QueueName } from '../../../projections/models/work-queue/documents.js';
import { REASON_CODES } from '../../../projections/models/work-queue/reason-codes.js';
import { authenticatedActor } from '../../auth/authenticate.js';
import type { RouteId } from '../../auth/policy.js';
import type { ApiPlugin } from '../../deps.js';
import { pageOf, pageQuery } from '../../schemas/list-page.js';
import { guard } from './query-schemas.js';
import { awaitProjections } from './read-your-writes.js';

const workItem = z.object({
  id: z.string().meta({ description: 'The customer id (KYC review) or the loan id' }),
  customerId: z.string(),
  loanId: z.string().nullable(),
  waitingSince: z.string().meta({ description: 'When it entered this queue (ISO-8601)' }),
  reason: z.string().meta({ description: 'Why it waits, in English words', example: 'approved, awaiting disbursement' }),
  reasonCode: z.enum(REASON_CODES).optional().meta({ description: 'Why it waits as a code for the console to word in its language (absent on items projected before it)', example: 'approved' }),
  reasonParams: z.record(z.string(), z.string()).optional().meta({
    description: 'The code\'s parameters: assessed {score, grade, decision}; write-off-requested {reason}; reversal-requested {reference, amount, currency, reason}; '
      + 'waiver-requested {reference, kind, amount, currency, reason}; payout-requested {reference, amount, currency, channel}; amounts are decimal strings in `currency`',
  }),
  submittedBy: z.string().nullable(),
  requestedBy: z.string().nullable(),
  productId: z.string().nullable(),
  principal: z.string().nullable(),
  currency: z.string().nullable(),
  reference: z.string().nullable().meta({ description: 'What waits, where a loan may wait on several: the repayment a reversal would reverse, the waiver request\'s or the payout\'s reference; null otherwise' }),
}).meta({ id: 'WorkItem' });

interface QueueRoute {
  route: RouteId;
  queue: QueueName;
  summary: string;
  /** Four eyes: leave out what the caller submitted or requested. */
  excludeOwn: boolean;
}

const QUEUE_ROUTES: QueueRoute[] = [
  { route: 'queues.kycReview', queue: 'kyc-review', summary: 'Customers whose KYC waits for a decision', excludeOwn: false },
  { route: 'queues.applications', queue: 'applications', summary: 'Applications waiting for credit assessment', excludeOwn: false },
  { route: 'queues.approvals', queue: 'approvals', summary: "Assessed applications waiting for an underwriter, without the caller's own submissions", excludeOwn: true },
  { route: 'queues.disbursements', queue: 'disbursements', summary: 'Approved loans waiting to be disbursed', excludeOwn: false },
  { route: 'queues.writeOffApprovals', queue: 'write-off-approvals', summary: "Write-offs waiting for a second person's approval, without the caller's own requests", excludeOwn: true },
  {
    route: 'queues.reversalApprovals', queue: 'reversal-approvals',
    summary: "Repayment reversals above the product's reversalApprovalAbove waiting for a second person, one per repayment (named in `reason`), without the caller's own requests", excludeOwn: true,
  },
  {
    route: 'queues.payoutApprovals', queue: 'payout-approvals',
    summary: "Refund payouts waiting for a second person's approval before anything is sent, one per payout (its id in `reference`), without the caller's own", excludeOwn: true,
  },
  {
    route: 'queues.waiverApprovals', queue: 'waiver-approvals',
    summary: "Waivers above the product's waiverApprovalAbove waiting for a second person, one per request (its reference named in `reason`), without the caller's own requests", excludeOwn: true,
  },
];

const queueQuery = z.object({
  ...pageQuery,
  loanId: z.string().min(1).max(100).optional().meta({
    description: 'Only what waits on this loan, the caller\'s own requests included (each names requestedBy): the loan\'s page offers its checker the approval and a waiver\'s maker its withdrawal',
  }),
}).strict();

/**
 * GET /v1/queues/… — what waits for staff, oldest first, each item with the reason it waits; four-eyes
 * queues leave out the caller's own unless asked for one loan's items (?loanId=).
 */
export const workQueueRoutes: ApiPlugin = async (scope, { deps }) => {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  for (const { route, queue, summary, excludeOwn } of QUEUE_ROUTES) {
    app.get(`/v1/queues/${queue}`, {
      preValidation: guard(route),
      schema: { tags: ['queues'], summary: `${summary}; oldest first`, querystring: queueQuery, response: { 200: pageOf(workItem) } },
    }, async (request) => {
      const { limit, cursor, minPosition, loanId } = request.query;
      await awaitProjections(deps, [WORK_QUEUE_PROJECTION], minPosition);
      const notBy = excludeOwn && loanId === undefined ? authenticatedActor(request).sub : undefined;
      return findWorkItems(deps.readStore, { queue, limit, ...(cursor ? { cursor } : {}), ...(notBy ? { notBy } : {}), ...(loanId ? { loanId } : {}) });
    });
  }
};
