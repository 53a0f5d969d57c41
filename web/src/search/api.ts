import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse, Schema } from '../api/schema';
import type { Classification } from '../api/types';

/** A page of a cursor-paged list: pass `nextCursor` back as `?cursor=`; null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One GET /v1/customers?q= hit; every personal field comes masked from the server. */
export type CustomerHit = Schema<'CustomerSearchHit'>;

/** Staff: customers by name prefix, phone, national id or e-mail (blind-indexed on the server). */
export function useCustomerSearch(q: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['customers', 'search', q, cursor],
    queryFn: () => getJson<ApiResponse<'customers.search'>>('/v1/customers', { q, cursor }),
    enabled: q.trim() !== '',
  });
}

export interface LoanFilter {
  status?: string;
  classification?: Classification;
  customerId?: string;
  cursor?: string;
}

/** GET /v1/loans with the filters set; the server sorts and pages. */
export function useLoanList(filter: LoanFilter) {
  return useQuery({
    queryKey: ['loans', 'list', filter],
    queryFn: () => getJson<ApiResponse<'loans.list'>>('/v1/loans', { ...filter }),
    placeholderData: (previous) => previous,
  });
}
