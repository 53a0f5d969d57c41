import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse } from '../api/schema';
import { loanKey } from './api';

/**
 * The loan's disbursement date (YYYY-MM-DD), or null before it is disbursed (or for a migrated loan
 * without one): the first of GET /v1/loans/:id/transactions, which lists movements by value date.
 */
export function useDisbursementDate(loanId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...loanKey(loanId), 'disbursed-on'],
    queryFn: async () => {
      const page = await getJson<ApiResponse<'loans.transactions'>>(`/v1/loans/${encodeURIComponent(loanId)}/transactions`, { limit: 1 });
      const first = page.items[0];
      return first?.type === 'disbursement' ? first.date : null;
    },
    enabled,
  });
}
