import { useQuery } from '@tanstack/react-query';
import { postJson } from '../api/client';
import type { ApiResponse } from '../api/schema';

/** POST /v1/loans/quote's answer: what the loan would cost; the server computes every figure. */
export type LoanQuote = ApiResponse<'loans.quote'>;

/** The sample loan a products-page preview quotes on draft terms. */
export interface DraftQuoteRequest {
  terms: Record<string, unknown>;
  principal: string;
  term: number;
}

/** POST /v1/loans/quote on draft terms (`null` asks nothing): the products page's live schedule preview. */
export function useDraftQuote(request: DraftQuoteRequest | null) {
  return useQuery({
    queryKey: ['quote', 'draft', request],
    queryFn: () => postJson<LoanQuote>('/v1/loans/quote', request),
    enabled: request !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
