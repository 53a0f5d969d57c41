import { describe, expect, it } from 'vitest';
import { lenderHolidaysDecider, type LenderHolidayEvent } from '../../../src/domain/working-days/lender-holidays.js';
import { given } from '../decider-spec.js';

const added: LenderHolidayEvent = { type: 'LenderHolidayAdded', data: { date: '2026-06-01', name: 'Branch closed' } };

describe('lender holidays decider', () => {
  it('adds a holiday once, with its name trimmed', () => {
    const state = given(lenderHolidaysDecider).when({ type: 'AddLenderHoliday', data: { date: '2026-06-01', name: ' Branch closed ' } }).then([added]);
    expect(state.holidays).toEqual({ '2026-06-01': 'Branch closed' });
    given(lenderHolidaysDecider, [added]).when({ type: 'AddLenderHoliday', data: { date: '2026-06-01', name: 'Again' } }).thenThrows('HOLIDAY_EXISTS', 'conflict');
  });

  it('removes only a holiday that is there', () => {
    const state = given(lenderHolidaysDecider, [added]).when({ type: 'RemoveLenderHoliday', data: { date: '2026-06-01' } })
      .then([{ type: 'LenderHolidayRemoved', data: { date: '2026-06-01' } }]);
    expect(state.holidays).toEqual({});
    given(lenderHolidaysDecider).when({ type: 'RemoveLenderHoliday', data: { date: '2026-06-01' } }).thenThrows('HOLIDAY_NOT_FOUND', 'not_found');
  });

  it('refuses a malformed date or an empty name', () => {
    given(lenderHolidaysDecider).when({ type: 'AddLenderHoliday', data: { date: '2026-02-30', name: 'x' } }).thenThrows('INVALID_DATE', 'invalid');
    given(lenderHolidaysDecider).when({ type: 'AddLenderHoliday', data: { date: '2026-06-02', name: '  ' } }).thenThrows('INVALID_HOLIDAY_NAME', 'rule');
  });
});
