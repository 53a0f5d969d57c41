import type { EventStore } from '../../eventstore/port.js';
import { loadLenderHolidays } from './lender-calendar.js';
import { mainlandChinaCalendar } from './mainland-china-calendar.js';

export interface HolidayList {
  year: string;
  holidays: { date: string; name: string; source: 'mainland-china' | 'lender' }[];
  workingWeekends: { date: string; name: string }[];
}

/** The year's holidays (official and the lender's, in date order) and adjusted working weekends. */
export async function holidaysOf(store: EventStore, year: string): Promise<HolidayList> {
  const official = mainlandChinaCalendar();
  const lender = await loadLenderHolidays(store);
  const inYear = ([date]: [string, string]) => date.startsWith(`${year}-`);
  const holidays = [
    ...[...official.holidays].filter(inYear).map(([date, name]) => ({ date, name, source: 'mainland-china' as const })),
    ...Object.entries(lender.holidays).filter(inYear).map(([date, name]) => ({ date, name, source: 'lender' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source));
  const workingWeekends = [...official.workingWeekends].filter(inYear).map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  return { year, holidays, workingWeekends };
}
