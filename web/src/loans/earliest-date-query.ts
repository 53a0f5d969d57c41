import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { LoanHistory } from '../api/types';
import { loanKey } from './api';
import { earliestBeforeDisbursement } from './lifecycle-date';

/** earliestBeforeDisbursement from GET /v1/loans/:id/history (staff; the same cached answer as the timeline's). */
export function useEarliestBeforeDisbursement(loanId: string, status: string, enabled: boolean) {
  return useQuery({
    queryKey: [...loanKey(loanId), 'history'],
    queryFn: () => getJson<LoanHistory>(`/v1/loans/${encodeURIComponent(loanId)}/history`),
    select: (history: LoanHistory) => earliestBeforeDisbursement(history.events, status) ?? null,
    enabled,
  });
}
