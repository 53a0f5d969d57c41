import { addDays } from '../domain/calendar.js';

/**
 * The business dates a close up to `date` must run, so that no day is skipped: every day after
 * the last completed close through `date`; only `date` itself for a first close, a re-run of a
 * closed date, or an earlier (forced) date.
 */
export function datesToClose(lastClosed: string | null, date: string): string[] {
  if (lastClosed === null || date <= lastClosed) return [date];
  const dates: string[] = [];
  for (let day = addDays(lastClosed, 1); day <= date; day = addDays(day, 1)) dates.push(day);
  return dates;
}
