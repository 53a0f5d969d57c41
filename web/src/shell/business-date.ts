import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse } from '../api/schema';
import { setLenderTimeZone } from './format';

/**
 * Today's business date (YYYY-MM-DD) in the lender's time zone, as the server reckons it
 * (GET /v1/business-date, any signed-in role). Refetched every 10 minutes so a console left open
 * past midnight moves on with the lender's calendar.
 */
export function useBusinessDate() {
  return useQuery({
    queryKey: ['business-date'],
    queryFn: async () => {
      const calendar = await getJson<ApiResponse<'operations.businessDate'>>('/v1/business-date');
      setLenderTimeZone(calendar.timeZone);
      return calendar.date;
    },
    staleTime: 10 * 60_000,
    refetchInterval: 10 * 60_000,
  });
}
