import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { HistoryEvent, LoanHistory } from '../api/types';
import { loanKey } from './api';

/** The loan's events from GET /v1/loans/:id/history (staff; the same cached answer as the timeline's), for the dates its commands may carry. */
export function useLoanEvents(loanId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...loanKey(loanId), 'history'],
    queryFn: () => getJson<LoanHistory>(`/v1/loans/${encodeURIComponent(loanId)}/history`),
    select: (history: LoanHistory): readonly HistoryEvent[] => history.events,
    enabled,
  });
}
