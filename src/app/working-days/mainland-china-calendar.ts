import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * The mainland China public holidays and adjusted working weekends (调休) as the State Council
 * publishes them each year, from the `chinese-days` package's data file (2004 through the latest
 * year the installed version knows; update the package when a new year's schedule is out).
 */
export interface OfficialCalendar {
  /** Date → English name of the holiday it belongs to. */
  holidays: ReadonlyMap<string, string>;
  workingWeekends: ReadonlyMap<string, string>;
}

const dataFile = z.object({ holidays: z.record(z.string(), z.string()), workdays: z.record(z.string(), z.string()) });

// "Spring Festival,春节,4": the English name comes first.
const englishName = (entry: string): string => entry.split(',')[0] ?? entry;

let loaded: OfficialCalendar | null = null;

/** Read once per process; throws at first use if the package's data file is missing or malformed. */
export function mainlandChinaCalendar(): OfficialCalendar {
  if (loaded) return loaded;
  const data = dataFile.parse(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json'));
  loaded = {
    holidays: new Map(Object.entries(data.holidays).map(([date, entry]) => [date, englishName(entry)])),
    workingWeekends: new Map(Object.entries(data.workdays).map(([date, entry]) => [date, englishName(entry)])),
  };
  return loaded;
}
