import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';

/**
 * Today's business date (YYYY-MM-DD) in the lender's time zone, as the server reckons it. The API
 * has no endpoint of its own for it; every period report defaults `to` to that date, so the console
 * reads it from the cheapest one (GET /v1/reports/disbursements, this month, staff roles). Refetched
 * every 10 minutes so a console left open past midnight moves on with the lender's calendar.
 */
export function useBusinessDate() {
  return useQuery({
    queryKey: ['business-date'],
    queryFn: async () => (await getJson<{ to: string }>('/v1/reports/disbursements', { granularity: 'month' })).to,
    staleTime: 10 * 60_000,
    refetchInterval: 10 * 60_000,
  });
}
