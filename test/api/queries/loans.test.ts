import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { BANK_ACCOUNT, businessDay, call, command, CUSTOMER, defineProduct, disbursedLoan, read, repay, useBusinessClock, verifiedCustomer } from './journey.js';
import { activeLoan, nationalIdOf } from '../commands/journey-steps.js';

let t: TestApp;
let head: string;
const owner = borrower('c1');

beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await verifiedCustomer(t, 'c1');
  await verifiedCustomer(t, 'c2');
  await disbursedLoan(t, 'l1', 'c1');
  await repay(t, 'l1', 'c1', '1020.07', '2026-02-15', 'feb');
  head = await repay(t, 'l1', 'c1', '1020.07', '2026-03-15', 'mar');
  await t.caughtUp(head);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const DECIMAL = /^-?\d+\.\d{2}$/;

describe('GET /v1/loans/:id', () => {
  it('answers the DESIGN.md summary with amounts as decimal strings', async () => {
    const summary = await read(t, owner, '/v1/loans/l1');
    expect(summary).toMatchObject({
      id: 'l1', customerId: 'c1', productId: 'personal-12', status: 'active', flags: [], currency: 'CNY', principal: '3000.00',
      outstanding: { principal: '1009.96', fees: '0.00', penalties: '0.00' },
      nextDue: { date: '2026-04-15', amount: '1020.06' }, daysPastDue: 0, classification: 'normal',
    });
    const outstanding = summary.outstanding as Record<string, string>;
    for (const amount of Object.values(outstanding)) expect(amount).toMatch(DECIMAL);
    expect(summary).not.toHaveProperty('state');
  });

  it('answers 404 for another borrower and for an unknown loan, never 403', async () => {
    expect((await call(t, borrower('c2'), 'GET', '/v1/loans/l1')).statusCode).toBe(404);
    expect((await call(t, STAFF.officer, 'GET', '/v1/loans/nope')).statusCode).toBe(404);
    expect((await call(t, borrower('c2'), 'GET', '/v1/loans/l1/schedule')).statusCode).toBe(404);
    expect((await call(t, borrower('c2'), 'GET', '/v1/loans/l1/payoff')).statusCode).toBe(404);
    expect((await call(t, borrower('c2'), 'GET', '/v1/loans/l1/history')).statusCode).toBe(404);
  });
});

describe('GET /v1/loans/:id/schedule', () => {
  it('lists every row with what was paid and its status', async () => {
    const schedule = await read<{ currency: string; rows: Record<string, unknown>[] }>(t, owner, '/v1/loans/l1/schedule');
    expect(schedule.currency).toBe('CNY');
    expect(schedule.rows.map((r) => [r.number, r.dueDate, r.total, r.paid, r.status])).toEqual([
      [1, '2026-02-15', '1020.07', '1020.07', 'paid'],
      [2, '2026-03-15', '1020.07', '1020.07', 'paid'],
      [3, '2026-04-15', '1020.06', '0.00', 'due'],
    ]);
  });
});

describe('GET /v1/loans/:id/state?asOf=', () => {
  it('replays the stream up to an instant between the two repayments', async () => {
    // Time travel reaches no further than the business date (422 DATE_AFTER_BUSINESS_DATE past it).
    businessDay('2026-03-20');
    const between = await read<{ revision: string; summary: Record<string, unknown>; schedule: { rows: { paid: string }[] } }>(
      t, STAFF.compliance, '/v1/loans/l1/state?asOf=2026-03-01T00:00:00Z',
    );
    expect(between.summary).toMatchObject({ status: 'active', outstanding: expect.objectContaining({ principal: '2009.93' }), nextDue: { date: '2026-03-15', amount: '1020.07' } });
    expect(between.schedule.rows.map((r) => r.paid)).toEqual(['1020.07', '0.00', '0.00']);
    const now = await read<{ revision: string }>(t, STAFF.compliance, '/v1/loans/l1/state?asOf=2026-03-20T00:00:00%2B08:00');
    expect(BigInt(now.revision)).toBe(BigInt(between.revision) + 1n);
  });

  it('ages days past due to the lender\'s business date at asOf, not its UTC date (console QA: 07:00 and 09:00 in Shanghai on one day gave 87 and 88)', async () => {
    await disbursedLoan(t, 'l-tz', 'c2');
    businessDay('2026-03-20');
    const dpd = async (asOf: string) => (await read<{ summary: { daysPastDue: number; nextDue: { date: string } | null } }>(t, STAFF.compliance, `/v1/loans/l-tz/state?asOf=${encodeURIComponent(asOf)}`)).summary;
    const due = (await dpd('2026-02-14T12:00:00+08:00')).nextDue!.date;
    expect(due).toBe('2026-02-15');
    // 2026-02-16 07:00 in Shanghai is still 2026-02-15 in UTC: the first installment is a day late either way.
    expect((await dpd('2026-02-16T07:00:00+08:00')).daysPastDue).toBe(1);
    expect((await dpd('2026-02-16T09:00:00+08:00')).daysPastDue).toBe(1);
    expect((await dpd('2026-02-15T23:30:00Z')).daysPastDue).toBe(1);
  });

  it('counts the application, assessment and approval of a disbursement back-dated before they were keyed in (QA: no customer shown)', async () => {
    await verifiedCustomer(t, 'c-backdated');
    businessDay('2026-03-20');
    await activeLoan(t, 'c-backdated', 'personal-12', '2026-01-20', '3000.00', 'l-backdated');
    const before = await read<{ customerId: string | null; summary: { status: string; principal: string | null } }>(t, STAFF.compliance, '/v1/loans/l-backdated/state?asOf=2026-02-01T00:00:00%2B08:00');
    expect(before).toMatchObject({ customerId: 'c-backdated', summary: { status: 'active', principal: '3000.00' } });
    // Before the date the disbursement was back-dated to, the loan did not exist yet.
    expect((await call(t, STAFF.compliance, 'GET', '/v1/loans/l-backdated/state?asOf=2026-01-19T00:00:00Z')).statusCode).toBe(404);
  });

  it('answers 404 before the application existed and 400 for a time that is not ISO-8601', async () => {
    expect((await call(t, STAFF.compliance, 'GET', '/v1/loans/l1/state?asOf=2025-12-31T23:59:59Z')).statusCode).toBe(404);
    for (const asOf of ['2026-02-30T00:00:00Z', 'yesterday', '2026-03-01']) {
      const response = await call(t, STAFF.compliance, 'GET', `/v1/loans/l1/state?asOf=${asOf}`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call(t, STAFF.compliance, 'GET', '/v1/loans/l1/state')).statusCode).toBe(400);
  });

  it('steps through the states the loan really was in by revision, as the compliance timeline does', async () => {
    const history = await read<{ events: { revision: string; type: string; occurredAt: string }[] }>(t, STAFF.compliance, '/v1/loans/l1/history');
    const afterApplication = await read<{ revision: string; asOf: string; customerId: string | null; summary: { status: string } }>(t, STAFF.compliance, '/v1/loans/l1/state?revision=0');
    expect(afterApplication).toMatchObject({ revision: '0', asOf: history.events[0]!.occurredAt, summary: { status: 'submitted' } });
    expect(afterApplication.customerId).not.toBeNull();
    const afterFirstRepayment = await read<{ revision: string; schedule: { rows: { paid: string }[] } }>(t, STAFF.compliance, '/v1/loans/l1/state?revision=4');
    expect(afterFirstRepayment.schedule.rows.map((r) => r.paid)).toEqual(['1020.07', '0.00', '0.00']);
    expect((await call(t, STAFF.compliance, 'GET', '/v1/loans/l1/state?revision=99')).statusCode).toBe(404);
    for (const query of ['revision=-1', 'revision=x', 'revision=1&asOf=2026-03-01T00:00:00Z']) {
      const refused = await call(t, STAFF.compliance, 'GET', `/v1/loans/l1/state?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('is staff only', async () => {
    expect((await call(t, owner, 'GET', '/v1/loans/l1/state?asOf=2026-03-01T00:00:00Z')).statusCode).toBe(403);
  });
});

describe('GET /v1/loans/:id/history', () => {
  it('lists every event in order with actor and business time', async () => {
    const history = await read<{ events: { revision: string; type: string; occurredAt: string; actor: { role: string } }[] }>(t, STAFF.compliance, '/v1/loans/l1/history');
    expect(history.events.map((e) => e.type)).toEqual([
      'LoanApplicationSubmitted', 'CreditAssessed', 'LoanApproved', 'LoanDisbursed', 'RepaymentReceived', 'RepaymentReceived',
    ]);
    expect(history.events.map((e) => e.revision)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(history.events[0]?.actor.role).toBe('borrower');
    expect(history.events[5]?.occurredAt.slice(0, 10)).toBe('2026-03-15');
  });

  it('shows PII in clear to compliance, admin and the borrower itself, masked to officers and underwriters', async () => {
    const borrowerOf = async (caller: Parameters<typeof read>[1]) => (await read<{ borrower: Record<string, string> }>(t, caller, '/v1/loans/l1/history')).borrower;
    const clear = { name: CUSTOMER.name, nationalId: nationalIdOf('c1'), phone: CUSTOMER.phone, email: CUSTOMER.email, bankAccount: BANK_ACCOUNT };
    expect(await borrowerOf(STAFF.compliance)).toEqual(clear);
    expect(await borrowerOf(STAFF.admin)).toEqual(clear);
    expect(await borrowerOf(owner)).toEqual(clear);
    const masked = { name: 'Z**** S**', nationalId: '110***********1234', phone: '138****1234', email: 'z***@example.com', bankAccount: '****5678' };
    expect(await borrowerOf(STAFF.officer)).toEqual(masked);
    expect(await borrowerOf(STAFF.underwriter)).toEqual(masked);
  });
});

describe('GET /v1/loans/:id/payoff', () => {
  it('quotes the amount that, repaid that day, closes the loan', async () => {
    await verifiedCustomer(t, 'c3');
    await disbursedLoan(t, 'l3', 'c3');
    businessDay('2026-02-20');
    const quote = await read<Record<string, string>>(t, borrower('c3'), '/v1/loans/l3/payoff?date=2026-02-20');
    expect(quote).toMatchObject({ id: 'l3', currency: 'CNY', date: '2026-02-20', principal: '3000.00', fees: '0.00', penalties: '0.00' });
    expect(quote.total).toMatch(DECIMAL);
    const position = await repay(t, 'l3', 'c3', quote.total ?? '', '2026-02-20', 'payoff');
    await t.caughtUp(position);
    const summary = await read(t, borrower('c3'), `/v1/loans/l3?minPosition=${position}`);
    expect(summary).toMatchObject({ status: 'closed', outstanding: { total: '0.00' } });
    const closed = await call(t, borrower('c3'), 'GET', '/v1/loans/l3/payoff?date=2026-02-21');
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'LOAN_NOT_REPAYABLE' });
  });

  it('refuses an impossible date (400) and a date before disbursement (400)', async () => {
    expect((await call(t, owner, 'GET', '/v1/loans/l1/payoff?date=2026-02-30')).statusCode).toBe(400);
    const early = await call(t, owner, 'GET', '/v1/loans/l1/payoff?date=2026-01-01');
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'PAYOFF_DATE_BEFORE_DISBURSEMENT' });
  });

  it('refuses a date before a payment already recorded (422): that quote would count money paid after it', async () => {
    await verifiedCustomer(t, 'c9');
    await disbursedLoan(t, 'l9', 'c9');
    businessDay('2026-03-20');
    await t.caughtUp(await repay(t, 'l9', 'c9', '500.00', '2026-03-10', 'later'));
    const early = await call(t, borrower('c9'), 'GET', '/v1/loans/l9/payoff?date=2026-03-01');
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'PAYOFF_DATE_BEFORE_LATER_FACTS' });
    expect(early.json().detail).toContain('2026-03-10');
    expect((await call(t, borrower('c9'), 'GET', '/v1/loans/l9/payoff?date=2026-03-10')).statusCode).toBe(200);
  });

  it('answers 409 for a loan not yet disbursed', async () => {
    await command(t, borrower('c2'), 'POST', '/v1/loans', { loanId: 'l2', customerId: 'c2', productId: 'personal-12', principal: '3000.00', term: 3, purpose: 'tv' });
    expect((await call(t, borrower('c2'), 'GET', '/v1/loans/l2/payoff?date=2026-02-01')).statusCode).toBe(409);
  });
});
