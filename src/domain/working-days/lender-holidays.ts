import { parseAcceptedDate } from '../calendar.js';
import type { Decider, DomainEvent } from '../decider.js';
import { DomainError } from '../errors.js';

/** The lender's own days off (a branch closure, a company holiday), on top of the mainland China calendar. */
export type AddLenderHoliday = { type: 'AddLenderHoliday'; data: { date: string; name: string } };
export type RemoveLenderHoliday = { type: 'RemoveLenderHoliday'; data: { date: string } };
export type LenderHolidayCommand = AddLenderHoliday | RemoveLenderHoliday;

export type LenderHolidayAdded = DomainEvent<'LenderHolidayAdded', { date: string; name: string }>;
export type LenderHolidayRemoved = DomainEvent<'LenderHolidayRemoved', { date: string }>;
export type LenderHolidayEvent = LenderHolidayAdded | LenderHolidayRemoved;

/** Date → name of every lender holiday in force. */
export interface LenderHolidaysState {
  holidays: Readonly<Record<string, string>>;
}

function decide(command: LenderHolidayCommand, state: LenderHolidaysState): LenderHolidayEvent[] {
  const { date } = command.data;
  parseAcceptedDate(date);
  switch (command.type) {
    case 'AddLenderHoliday': {
      const name = command.data.name.trim();
      if (name === '') throw new DomainError('INVALID_HOLIDAY_NAME', 'A holiday needs a name', 'rule');
      if (state.holidays[date] !== undefined) throw new DomainError('HOLIDAY_EXISTS', `${date} is already a lender holiday (${state.holidays[date]})`, 'conflict', { date });
      return [{ type: 'LenderHolidayAdded', data: { date, name } }];
    }
    case 'RemoveLenderHoliday':
      if (state.holidays[date] === undefined) throw new DomainError('HOLIDAY_NOT_FOUND', `${date} is not a lender holiday`, 'not_found', { date });
      return [{ type: 'LenderHolidayRemoved', data: { date } }];
  }
}

function evolve(state: LenderHolidaysState, event: LenderHolidayEvent): LenderHolidaysState {
  switch (event.type) {
    case 'LenderHolidayAdded':
      return { holidays: { ...state.holidays, [event.data.date]: event.data.name } };
    case 'LenderHolidayRemoved': {
      const { [event.data.date]: _removed, ...rest } = state.holidays;
      return { holidays: rest };
    }
  }
}

/**
 * The lender's holiday list as one stream: a date is added once (409 HOLIDAY_EXISTS) and removed
 * only when present (404 HOLIDAY_NOT_FOUND). Schedules made before a change keep their dates.
 */
export const lenderHolidaysDecider: Decider<LenderHolidayCommand, LenderHolidayEvent, LenderHolidaysState> = {
  decide,
  evolve,
  initialState: () => ({ holidays: {} }),
};
