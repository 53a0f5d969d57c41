import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse } from '../api/schema';
import { setLenderTimeZone } from './format';

/** GET /v1/business-date: `{ date, timeZone, lastClosed }` (dates YYYY-MM-DD, lastClosed null before the first close). */
export type LenderCalendar = ApiResponse<'operations.businessDate'>;

const calendarQuery = {
  queryKey: ['business-date'],
  queryFn: async (): Promise<LenderCalendar> => {
    const calendar = await getJson<LenderCalendar>('/v1/business-date');
    setLenderTimeZone(calendar.timeZone);
    return calendar;
  },
  staleTime: 10 * 60_000,
  refetchInterval: 10 * 60_000,
};

/**
 * Today's business date (YYYY-MM-DD) in the lender's time zone, as the server reckons it
 * (GET /v1/business-date, any signed-in role). Refetched every 10 minutes so a console left open
 * past midnight moves on with the lender's calendar.
 */
export function useBusinessDate() {
  return useQuery({ ...calendarQuery, select: (calendar: LenderCalendar) => calendar.date });
}

/** The whole calendar (business date, time zone, last closed date), from the same cached answer as useBusinessDate. */
export function useLenderCalendar() {
  return useQuery(calendarQuery);
}
