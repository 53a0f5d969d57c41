import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOfBusinessRoutes } from '../../src/api/routes/operations/close-of-business.js';
import { findRun } from '../../src/eod/run-record.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { openLoan } from './book.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ routes: [closeOfBusinessRoutes] });
  await openLoan(t.runtime.eventStore, 'a');
});
afterAll(async () => t.close());

const post = (body: unknown, caller = STAFF.admin) => t.call(caller, 'POST', '/v1/operations/close-of-business', body);

describe('POST /v1/operations/close-of-business', () => {
  it('closes the day for an admin and reports what changed (200) with the position of its last event, recording the caller', async () => {
    const res = await post({ date: '2026-02-16' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-02-16', datesClosed: ['2026-02-16'], loansScanned: 1, loansChanged: 1, eventsAppended: 4 });
    const [last] = await t.runtime.eventStore.readStream('loan-a', { direction: 'backwards', maxCount: 1 });
    expect(last).toMatchObject({ type: 'InterestAccrued', actor: { sub: STAFF.admin.sub, role: 'admin' } });
    // The book's close comes last (BusinessDayClosed), once every loan is closed: the position to read the close from.
    const [book] = await t.runtime.eventStore.readStream('closes-book', { direction: 'backwards', maxCount: 1 });
    expect(book).toMatchObject({ type: 'BusinessDayClosed', data: { date: '2026-02-16' }, actor: { sub: STAFF.admin.sub, role: 'admin' } });
    expect(res.json().position).toBe(book?.position.toString());
    expect((await findRun(t.runtime.readStore, '2026-02-16'))?.status).toBe('completed');
  });

  it('re-runs the date appending nothing', async () => {
    const res = await post({ date: '2026-02-16' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ loansChanged: 0, eventsAppended: 0 });
  });

  it.each([
    ['a calendar date that does not exist', { date: '2026-02-30' }],
    ['a date in another format', { date: '16/02/2026' }],
    ['no date', {}],
    ['an unknown field', { date: '2026-02-17', extra: 1 }],
  ])('answers 400 problem+json for %s', async (_case, body) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it.each([['officer', STAFF.officer], ['underwriter', STAFF.underwriter], ['compliance', STAFF.compliance], ['borrower', borrower('c1')]])('answers 403 to a %s', async (_role, caller) => {
    const head = await t.runtime.eventStore.headPosition();
    const res = await post({ date: '2026-02-17' }, caller);
    expect(res.statusCode).toBe(403);
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('answers 401 without a token', async () => {
    expect((await t.call(null, 'POST', '/v1/operations/close-of-business', { date: '2026-02-17' })).statusCode).toBe(401);
  });

  it.each([['tomorrow', 1], ['years ahead', 3650]])('answers 422 for a date after the business date (%s) and records nothing', async (_case, days) => {
    const head = await t.runtime.eventStore.headPosition();
    const date = new Date(Date.now() + days * 86_400_000 + 86_400_000).toISOString().slice(0, 10);
    const res = await post({ date });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'DATE_AFTER_BUSINESS_DATE' });
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('answers 409 for a date before the last close, and closes it when forced', async () => {
    const res = await post({ date: '2026-02-10' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'EOD_DATE_BEFORE_LAST_CLOSE' });
    const forced = await post({ date: '2026-02-10', force: true });
    expect(forced.statusCode).toBe(200);
    expect(forced.json()).toMatchObject({ datesClosed: ['2026-02-10'], eventsAppended: 0 });
  });
});
