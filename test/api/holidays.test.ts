import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { accepted, defineProduct, PRODUCT } from './commands/journey-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await defineProduct(t, { ...PRODUCT, productId: 'working', nonWorkingDayRule: 'next-working-day', interestCalculation: 'daily' });
  await defineProduct(t, { ...PRODUCT, productId: 'earlier', nonWorkingDayRule: 'previous-working-day' });
});
afterAll(() => t.close());

interface HolidayList { year: string; holidays: { date: string; name: string; source: string }[]; workingWeekends: { date: string; name: string }[] }
const list = async (year = '2026'): Promise<HolidayList> => {
  const res = await t.call(borrower('anyone'), 'GET', `/v1/holidays?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as HolidayList;
};
const dueDates = async (productId: string): Promise<string[]> => {
  const res = await t.call(borrower('anyone'), 'POST', '/v1/loans/quote', { productId, principal: '10000.00', term: 3, expectedDisbursementDate: '2026-01-15' });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { rows: { dueDate: string }[] }).rows.map((r) => r.dueDate);
};

describe('/v1/holidays and working-day due dates', () => {
  it('lists the mainland China holidays and the weekends worked in lieu', async () => {
    const year = await list();
    expect(year.holidays).toContainEqual({ date: '2026-02-17', name: 'Spring Festival', source: 'mainland-china' });
    expect(year.workingWeekends).toContainEqual({ date: '2026-02-14', name: 'Spring Festival' });
    expect(year.holidays.every((h) => h.date.startsWith('2026-'))).toBe(true);
  });

  it('moves quoted due dates off the festival, onto a worked Saturday, and off a lender holiday once added', async () => {
    // Feb 15 falls in the Spring Festival: next working day Tue Feb 24; Sun Mar 15 → Mon Mar 16.
    expect(await dueDates('working')).toEqual(['2026-02-24', '2026-03-16', '2026-04-15']);
    // Backwards, Saturday Feb 14 is worked in lieu; Sun Mar 15 → Fri Mar 13.
    expect(await dueDates('earlier')).toEqual(['2026-02-14', '2026-03-13', '2026-04-15']);

    accepted(await t.call(STAFF.admin, 'POST', '/v1/holidays', { date: '2026-04-15', name: 'Company anniversary' }));
    expect((await list()).holidays).toContainEqual({ date: '2026-04-15', name: 'Company anniversary', source: 'lender' });
    expect(await dueDates('working')).toEqual(['2026-02-24', '2026-03-16', '2026-04-16']);

    accepted(await t.call(STAFF.admin, 'DELETE', '/v1/holidays/2026-04-15'));
    expect(await dueDates('working')).toEqual(['2026-02-24', '2026-03-16', '2026-04-15']);
    await t.caughtUp(await t.runtime.eventStore.headPosition());
  });

  it('refuses a holiday twice (409), removing an unknown one (404), bad dates (400) and non-admins (403)', async () => {
    accepted(await t.call(STAFF.admin, 'POST', '/v1/holidays', { date: '2026-06-01', name: 'Branch closed' }));
    const twice = await t.call(STAFF.admin, 'POST', '/v1/holidays', { date: '2026-06-01', name: 'Again' });
    expect([twice.statusCode, (twice.json() as { code: string }).code]).toEqual([409, 'HOLIDAY_EXISTS']);
    const unknown = await t.call(STAFF.admin, 'DELETE', '/v1/holidays/2026-06-02');
    expect([unknown.statusCode, (unknown.json() as { code: string }).code]).toEqual([404, 'HOLIDAY_NOT_FOUND']);
    expect((await t.call(STAFF.admin, 'POST', '/v1/holidays', { date: '2026-02-30', name: 'x' })).statusCode).toBe(400);
    expect((await t.call(STAFF.admin, 'GET', '/v1/holidays?year=26')).statusCode).toBe(400);
    expect((await t.call(STAFF.officer, 'POST', '/v1/holidays', { date: '2026-06-03', name: 'x' })).statusCode).toBe(403);
  });
});
