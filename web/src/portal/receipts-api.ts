import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse, Schema } from '../api/schema';
import { loanKey } from '../loans/api';

type Movement = Schema<'LoanTransaction'>;

/** Money the borrower paid in: a repayment, or a recovery on a written-off loan; each has a channel, a reference and whether it was reversed. */
export type PaidIn = Extract<Movement, { type: 'repayment' | 'recovery' }>;

/** The payments in among a loan's money movements, newest first. */
export function paidInOf(movements: readonly Movement[]): PaidIn[] {
  return movements.filter((m): m is PaidIn => m.type === 'repayment' || m.type === 'recovery').reverse();
}

/**
 * Every payment the borrower made on the loan (GET /v1/loans/:id/transactions, every page; a borrower
 * reads only their own loan's — another's answers 404), newest first.
 */
export function usePaidIn(loanId: string) {
  return useQuery({
    queryKey: [...loanKey(loanId), 'paid-in'],
    queryFn: async () => {
      const movements: Movement[] = [];
      let cursor: string | undefined;
      do {
        const page = await getJson<ApiResponse<'loans.transactions'>>(`/v1/loans/${encodeURIComponent(loanId)}/transactions`, { limit: 200, cursor });
        movements.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return paidInOf(movements);
    },
  });
}
