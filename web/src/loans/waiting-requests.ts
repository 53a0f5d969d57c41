import { useQueries } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse } from '../api/schema';
import type { WorkItem } from '../queues/queues';
import { loanKey } from './api';
import type { ApprovalQueue } from './servicing-actions';

/** One queue's answer (every approval queue has the same shape). */
type QueuePage = ApiResponse<'queues.waiverApprovals'>;

/**
 * The four-eyes requests waiting on one loan in each of `queues` (GET /v1/queues/<name>?loanId=, the
 * caller's own included), under the loan's query key so a command on the loan refetches them.
 */
export function useWaitingRequests(loanId: string, queues: readonly ApprovalQueue[]) {
  const answers = useQueries({
    queries: queues.map((queue) => ({
      queryKey: [...loanKey(loanId), 'waiting', queue],
      queryFn: () => getJson<QueuePage>(`/v1/queues/${queue}`, { loanId, limit: '200' }),
    })),
  });
  const waiting: Partial<Record<ApprovalQueue, readonly WorkItem[]>> = {};
  queues.forEach((queue, index) => { waiting[queue] = answers[index]?.data?.items ?? []; });
  return { waiting, isPending: answers.some((a) => a.isPending) };
}
