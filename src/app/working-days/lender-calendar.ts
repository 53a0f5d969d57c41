import { loadAggregate } from '../../commands/load-aggregate.js';
import { lenderHolidaysDecider, type LenderHolidayCommand, type LenderHolidaysState } from '../../domain/working-days/lender-holidays.js';
import type { WorkingCalendar } from '../../domain/working-days/working-calendar.js';
import type { EventStore } from '../../eventstore/port.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { mainlandChinaCalendar } from './mainland-china-calendar.js';

/** The one stream holding the lender's holidays. */
export const LENDER_HOLIDAYS_STREAM = 'calendar-lender';
const STREAM_ENTITY = 'lender';

export async function loadLenderHolidays(store: EventStore): Promise<LenderHolidaysState> {
  return (await loadAggregate(store, LENDER_HOLIDAYS_STREAM, lenderHolidaysDecider)).state;
}

/** Adds or removes a lender holiday (admin). */
export async function changeLenderHolidays(services: AppServices, meta: CommandMeta, command: LenderHolidayCommand): Promise<CommandOutcome> {
  const { outcome } = await runCommand(services, {
    id: STREAM_ENTITY, streamId: LENDER_HOLIDAYS_STREAM, decider: lenderHolidaysDecider, command, meta, occurredAt: occurredAtFor(services),
  });
  return outcome;
}

/** The working calendar schedules use: mainland China holidays and 调休 weekends, plus the lender's holidays. */
export async function lenderWorkingCalendar(store: EventStore): Promise<WorkingCalendar> {
  const official = mainlandChinaCalendar();
  const lender = await loadLenderHolidays(store);
  return {
    holidays: new Set([...official.holidays.keys(), ...Object.keys(lender.holidays)]),
    // A lender holiday on an adjusted working weekend wins: the lender is closed that day.
    workingWeekends: new Set([...official.workingWeekends.keys()].filter((date) => lender.holidays[date] === undefined)),
  };
}
