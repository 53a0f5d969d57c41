import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

/** QA9 Q12: the loan list's class filter and the five-category report count the same loans. */
let t: TestApp;
let writtenOff: string;
let onBook: string;

beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t, { ...PRODUCT, name: 'Written-off class' });
  await verifiedCustomer(t, 'cust-wo-class-a');
  await verifiedCustomer(t, 'cust-wo-class-b');
  writtenOff = await activeLoan(t, 'cust-wo-class-a', productId, '2026-01-15', '12000.00');
  onBook = await activeLoan(t, 'cust-wo-class-b', productId, '2026-01-15', '12000.00');
  // First row due 2026-02-15, nothing paid: 106 days past due on 2026-06-01, substandard (>90).
  accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-06-01' }), 200);
  await t.caughtUp(await t.runtime.eventStore.headPosition());
});
afterAll(() => t.close());

type Summary = { id: string; status: string; classification: string; daysPastDue: number };
const list = async (query: string) => ((await t.call(STAFF.officer, 'GET', `/v1/loans?${query}`)).json() as { items: Summary[] }).items.map((l) => l.id).sort();
const reportCount = async (classification: string) => {
  const report = (await t.call(STAFF.compliance, 'GET', '/v1/reports/classification')).json() as { rows: { currency: string; classification: string; count: number }[] };
  return report.rows.find((r) => r.currency === 'CNY' && r.classification === classification)?.count ?? 0;
};

describe('a written-off loan and the five-category classification', () => {
  it('keeps the class it was written off in, and is in neither the class list nor the report, like the loan view says', async () => {
    expect(await list('classification=substandard')).toEqual([onBook, writtenOff].sort());
    expect(await reportCount('substandard')).toBe(2);

    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${writtenOff}/write-off`, { action: 'request', reason: 'borrower unreachable', effectiveDate: '2026-06-01' }));
    accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${writtenOff}/write-off`, { action: 'approve', effectiveDate: '2026-06-01' }));
    await t.caughtUp(await t.runtime.eventStore.headPosition());

    const view = (await t.call(STAFF.officer, 'GET', `/v1/loans/${writtenOff}`)).json() as Summary;
    expect(view).toMatchObject({ status: 'written_off', classification: 'substandard' });
    expect(await reportCount('substandard')).toBe(1);
    expect(await list('classification=substandard')).toEqual([onBook]);
    expect(await list('classification=substandard&status=written_off')).toEqual([]);
    expect(await list('status=written_off')).toEqual([writtenOff]);
    for (const classification of ['normal', 'special-mention', 'doubtful', 'loss']) {
      expect((await list(`classification=${classification}`)).length).toBe(await reportCount(classification));
    }
  });
});
