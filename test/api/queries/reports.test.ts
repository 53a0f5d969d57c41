import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { businessDay, call, command, defineProduct, disbursedLoan, read, repay, useBusinessClock, verifiedCustomer } from './journey.js';

let t: TestApp;
let payoffOfL2: string;

beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await defineProduct(t, { productId: 'big', name: 'Big', principal: { min: '1000.00', max: '100000.00' }, fees: [] });
  await verifiedCustomer(t, 'c1');
  await verifiedCustomer(t, 'c2', '90000.00');
  await disbursedLoan(t, 'l1', 'c1');
  await repay(t, 'l1', 'c1', '1020.07', '2026-02-15', 'feb');
  businessDay('2026-01-20');
  await command(t, borrower('c2'), 'POST', '/v1/loans', { loanId: 'l2', customerId: 'c2', productId: 'big', principal: '60000.00', term: 3, purpose: 'shop' });
  await command(t, STAFF.officer, 'POST', '/v1/loans/l2/assess', {});
  await command(t, STAFF.underwriter, 'POST', '/v1/loans/l2/approve', {});
  await command(t, STAFF.officer, 'POST', '/v1/loans/l2/disburse', { effectiveDate: '2026-01-20', channel: 'bank_transfer' });
  businessDay('2026-02-01');
  const quote = await read<{ total: string }>(t, STAFF.officer, '/v1/loans/l2/payoff?date=2026-02-01');
  payoffOfL2 = quote.total;
  await t.caughtUp(await repay(t, 'l2', 'c2', quote.total, '2026-02-01', 'early'));
  businessDay('2026-04-30');
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const csvLines = (body: string) => body.split('\r\n');

describe('GET /v1/reports/portfolio', () => {
  it('returns outstanding by product and status, vintage and collection rate as JSON', async () => {
    const now = await read<Record<string, Record<string, unknown>[]>>(t, STAFF.officer, '/v1/reports/portfolio');
    expect(now.byProductAndStatus).toEqual([
      { productId: 'big', status: 'closed', currency: 'CNY', count: 1, principal: '0.00', total: '0.00' },
      { productId: 'personal-12', status: 'active', currency: 'CNY', count: 1, principal: '2009.93', total: '2040.13' },
    ]);
    // QA 11 S8: the book by product and status is only known as it stands; a past asOf is asked of the tables computed as of it.
    const report = await read<Record<string, Record<string, unknown>[]>>(t, STAFF.officer, '/v1/reports/portfolio?asOf=2026-03-31&table=vintage');
    expect(report.byProductAndStatus).toBeUndefined();
    expect(report.asOf).toBe('2026-03-31');
    expect(report.vintage).toEqual([
      { cohort: '2026-01', monthOnBook: 1, observedOn: '2026-02-28', loans: 2, delinquent30: 0, ratio: '0.0000' },
      { cohort: '2026-01', monthOnBook: 2, observedOn: '2026-03-31', loans: 2, delinquent30: 0, ratio: '0.0000' },
    ]);
    // February: l1's first row and l2's first row fell due; l1's row and all of l2 (paid off early) were collected.
    const rows = async (loanId: string) => (await read<{ rows: { dueDate: string; total: string }[] }>(t, STAFF.officer, `/v1/loans/${loanId}/schedule`)).rows;
    const dueInFebruary = [...(await rows('l1')), ...(await rows('l2'))].filter((r) => r.dueDate.startsWith('2026-02'))
      .reduce((sum, r) => sum.plus(r.total), new Decimal(0));
    expect(report.collectionRate?.find((r) => r.month === '2026-02')).toEqual({
      month: '2026-02', currency: 'CNY', due: dueInFebruary.toFixed(2), collected: new Decimal('1020.07').plus(payoffOfL2).toFixed(2),
      rate: new Decimal('1020.07').plus(payoffOfL2).div(dueInFebruary).toDecimalPlaces(4).toFixed(4),
    });
  });

  it('downloads one table as CSV, chosen by ?table=', async () => {
    const response = await call(t, STAFF.compliance, 'GET', '/v1/reports/portfolio?format=csv&table=vintage&asOf=2026-03-31');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csvLines(response.body).slice(0, 3)).toEqual([
      'cohort,monthOnBook,observedOn,loans,delinquent30,ratio', '2026-01,1,2026-02-28,2,0,0.0000', '2026-01,2,2026-03-31,2,0,0.0000',
    ]);
    const products = await call(t, STAFF.compliance, 'GET', '/v1/reports/portfolio?format=csv');
    expect(csvLines(products.body)[0]).toBe('productId,status,currency,count,principal,total');
  });

  it('refuses today\'s book by product and status under a past asOf (422), in JSON and CSV', async () => {
    for (const query of ['asOf=2026-03-31', 'asOf=2026-03-31&format=csv', 'asOf=2026-03-31&table=byProductAndStatus']) {
      const response = await call(t, STAFF.officer, 'GET', `/v1/reports/portfolio?${query}`);
      expect(response.statusCode, query).toBe(422);
      expect(JSON.parse(response.body)).toMatchObject({ code: 'PORTFOLIO_AS_OF_PAST', detail: expect.stringContaining('2026-04-30') });
    }
    expect((await call(t, STAFF.officer, 'GET', '/v1/reports/portfolio?asOf=2026-04-30')).statusCode).toBe(200);
  });

  it('refuses a bad asOf, an unknown table or format (400) and borrowers (403)', async () => {
    for (const query of ['asOf=2026-02-30', 'table=everything', 'format=xml', 'unknown=1']) {
      expect((await call(t, STAFF.admin, 'GET', `/v1/reports/portfolio?${query}`)).statusCode).toBe(400);
    }
    expect((await call(t, borrower('c1'), 'GET', '/v1/reports/portfolio')).statusCode).toBe(403);
    expect((await call(t, null, 'GET', '/v1/reports/portfolio')).statusCode).toBe(401);
  });
});

describe('regulator reports', () => {
  it('classification: every category with amounts and the NPL ratio; CSV too', async () => {
    const report = await read<{ rows: { classification: string; count: number; outstanding: string }[]; nplRatio: unknown[] }>(t, STAFF.compliance, '/v1/reports/classification');
    expect(report.rows.map((r) => r.classification)).toEqual(['normal', 'special-mention', 'substandard', 'doubtful', 'loss']);
    expect(report.rows[0]).toMatchObject({ count: 1, outstanding: '2009.93' });
    expect(report.nplRatio).toEqual([{ currency: 'CNY', ratio: '0' }]);
    const csv = await call(t, STAFF.compliance, 'GET', '/v1/reports/classification?format=csv');
    expect(csvLines(csv.body).slice(0, 2)).toEqual(['currency,classification,count,outstanding', 'CNY,normal,1,2009.93']);
    expect((await call(t, STAFF.officer, 'GET', '/v1/reports/classification')).statusCode).toBe(403);
  });

  it('PAR30/60/90 per currency', async () => {
    const report = await read<{ rows: unknown[] }>(t, STAFF.underwriter, '/v1/reports/par');
    expect(report.rows).toEqual(['PAR30', 'PAR60', 'PAR90'].map((bucket) => ({ currency: 'CNY', bucket, atRisk: '0.00', total: '2009.93', ratio: '0' })));
  });

  it('AML large-value transactions in the period, JSON and CSV', async () => {
    const report = await read<{ from: string; to: string; rows: Record<string, unknown>[] }>(t, STAFF.compliance, '/v1/reports/aml/large-transactions?from=2026-01-01&to=2026-02-28');
    expect(report).toMatchObject({ from: '2026-01-01', to: '2026-02-28' });
    expect(report.rows.map((r) => [r.rule, r.customerId, r.date, r.direction, r.total])).toEqual([
      ['single', 'c2', '2026-01-20', 'out', '60000.00'],
      ['single', 'c2', '2026-02-01', 'in', expect.stringMatching(/^60\d{3}\.\d{2}$/)],
    ]);
    const outside = await read<{ rows: unknown[] }>(t, STAFF.compliance, '/v1/reports/aml/large-transactions?from=2026-03-01&to=2026-03-31');
    expect(outside.rows).toEqual([]);
    const csv = await call(t, STAFF.admin, 'GET', '/v1/reports/aml/large-transactions?from=2026-01-01&to=2026-02-28&format=csv');
    expect(csvLines(csv.body)[0]).toBe('rule,customerId,date,currency,direction,count,total,transactionIds');
  });

  it('AML suspicious: a loan repaid in full 12 days after disbursement', async () => {
    const report = await read<{ rows: Record<string, unknown>[] }>(t, STAFF.compliance, '/v1/reports/aml/suspicious?from=2026-01-01&to=2026-02-28');
    expect(report.rows).toEqual([expect.objectContaining({ rule: 'fast-payoff', customerId: 'c2', loanId: 'l2', from: '2026-01-20', to: '2026-02-01' })]);
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await call(t, STAFF.compliance, 'GET', '/v1/reports/aml/suspicious?from=2026-03-01&to=2026-02-01');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_PERIOD' });
  });

  it('trial balance as of a date balances per currency', async () => {
    const report = await read<{ asOf: string; totals: { balanced: boolean; debit: string; credit: string }[]; rows: { account: string; balance: string }[] }>(
      t, STAFF.compliance, '/v1/reports/ledger/trial-balance?asOf=2026-01-31',
    );
    expect(report.asOf).toBe('2026-01-31');
    expect(report.totals).toEqual([expect.objectContaining({ currency: 'CNY', balanced: true })]);
    expect(report.rows.find((r) => r.account === 'loan_portfolio')?.balance).toBe('63000.00');
    const csv = await call(t, STAFF.compliance, 'GET', '/v1/reports/ledger/trial-balance?format=csv');
    expect(csvLines(csv.body)[0]).toBe('currency,account,debit,credit,balance');
    expect((await call(t, STAFF.compliance, 'GET', '/v1/reports/ledger/trial-balance?asOf=31-01-2026')).statusCode).toBe(400);
  });

  it('disbursement and repayment statistics per month and channel', async () => {
    const report = await read<{ granularity: string; rows: Record<string, unknown>[] }>(t, STAFF.officer, '/v1/reports/disbursements?from=2026-01-01&to=2026-02-28&granularity=month');
    expect(report.granularity).toBe('month');
    expect(report.rows.map((r) => [r.period, r.kind, r.channel, r.count, r.amount])).toEqual([
      ['2026-01', 'disbursement', 'bank_transfer', 2, '62970.00'],
      ['2026-02', 'repayment', 'alipay', 2, expect.stringMatching(/^\d+\.\d{2}$/)],
    ]);
    expect((await call(t, STAFF.officer, 'GET', '/v1/reports/disbursements?granularity=week')).statusCode).toBe(400);
  });
});

describe('GET /v1/audit', () => {
  type AuditPage = { items: { streamId: string; type: string; actorSub: string; recordedAt: string; hash: string }[]; nextCursor: string | null };

  it('filters by stream, actor and type, in recording order', async () => {
    const loan = await read<AuditPage>(t, STAFF.compliance, '/v1/audit?stream=loan-l1');
    expect(loan.items.map((e) => e.type)).toEqual(['LoanApplicationSubmitted', 'CreditAssessed', 'LoanApproved', 'LoanDisbursed', 'RepaymentReceived']);
    expect(loan.items.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    const byActor = await read<AuditPage>(t, STAFF.admin, '/v1/audit?actor=underwriter-uma');
    expect(byActor.items.map((e) => e.type)).toEqual(['LoanApproved', 'LoanApproved']);
    const byType = await read<AuditPage>(t, STAFF.admin, '/v1/audit?type=LoanDisbursed');
    expect(byType.items.map((e) => e.streamId)).toEqual(['loan-l1', 'loan-l2']);
  });

  it('filters by recording time and pages with a cursor', async () => {
    const all = await read<AuditPage>(t, STAFF.compliance, '/v1/audit?limit=500');
    const seen: string[] = [];
    let url = '/v1/audit?limit=4';
    for (;;) {
      const page = await read<AuditPage>(t, STAFF.compliance, url);
      seen.push(...page.items.map((e) => e.hash));
      if (!page.nextCursor) break;
      url = `/v1/audit?limit=4&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    expect(seen.length).toBeGreaterThan(8);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(all.items.map((e) => e.hash).sort());
    const january = await read<AuditPage>(t, STAFF.compliance, '/v1/audit?from=2026-01-15T00:00:00Z&to=2026-01-31T23:59:59Z');
    expect(january.items.map((e) => e.type)).toEqual(['LoanDisbursed', 'LoanApplicationSubmitted', 'LoanApplicationOpened', 'CreditAssessed', 'LoanApproved', 'LoanDisbursed']);
  });

  it('refuses a forged cursor, a bad time and a page too large (400), and officers (403)', async () => {
    const forged = await call(t, STAFF.compliance, 'GET', '/v1/audit?cursor=not-a-cursor');
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'INVALID_CURSOR' });
    expect((await call(t, STAFF.compliance, 'GET', '/v1/audit?from=2026-13-01T00:00:00Z')).statusCode).toBe(400);
    expect((await call(t, STAFF.compliance, 'GET', '/v1/audit?limit=501')).statusCode).toBe(400);
    expect((await call(t, STAFF.officer, 'GET', '/v1/audit')).statusCode).toBe(403);
    const beyondSqlite = Buffer.from(JSON.stringify(['position', (2n ** 63n).toString()])).toString('base64url');
    expect((await call(t, STAFF.compliance, 'GET', `/v1/audit?cursor=${beyondSqlite}`)).json()).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
    expect((await call(t, STAFF.compliance, 'GET', '/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')).json()).toMatchObject({ status: 400, code: 'INVALID_PERIOD' });
  });

  it('finds an actor in any spelling of its subject, as tokens record it', async () => {
    const lower = await read<AuditPage>(t, STAFF.admin, '/v1/audit?actor=underwriter-uma');
    const upper = await read<AuditPage>(t, STAFF.admin, '/v1/audit?actor=Underwriter-UMA');
    expect(upper.items.map((e) => e.hash)).toEqual(lower.items.map((e) => e.hash));
    expect(lower.items.length).toBeGreaterThan(0);
  });

  it('answers at the head of the log, and refuses a minPosition beyond it like every query', async () => {
    const beyond = await call(t, STAFF.compliance, 'GET', '/v1/audit?minPosition=99999999');
    expect(beyond.json()).toMatchObject({ status: 400, code: 'MIN_POSITION_AHEAD' });
    expect((await call(t, STAFF.compliance, 'GET', '/v1/audit?minPosition=1')).statusCode).toBe(200);
  });
});
