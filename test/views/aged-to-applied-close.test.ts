import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { accepted, activeLoan, defineProduct, verifiedCustomer } from '../api/commands/journey-steps.js';
import { businessDay, useBusinessClock } from '../api/queries/journey.js';
import { loanSummaryDoc, toLoanSummaryView } from '../../src/app/queries/loan-summary-view.js';

/**
 * qa18 D5: right after a close of business completed, the loan list (and the book reports) aged the
 * loan-summary documents to the new closed date before the projection had applied that close's
 * events, and showed rows no close ever recorded. Two loans never paid, the business date
 * 2026-12-02, the close of 2026-12-01 applied, then the close of 2026-12-02 run with the
 * projections stopped:
 * - A, disbursed 2026-11-01, row 1 due 2026-12-01: after the close of 12-01, active, 0 days past due,
 *   正常 (due on the date itself is not past due). The list then said `active`, 1 day past due, 正常.
 * - B, disbursed 2026-08-02, row 1 due 2026-09-02: after the close of 12-01, overdue, 90 days past due
 *   (09-02 → 12-01: 28 + 31 + 30 + 1), 关注 (1–90). The list then said 91 days past due, 关注, no NPA
 *   flag, and PAR counted it in PAR90 (over 90) while the five-category report counted it performing.
 * Until the projection applies the close of 12-02, both read as of 12-01, as that close left them; once it has, as of 12-02: A overdue, 1 day, 关注; B 91 days, 次级, NPA, in PAR90.
 */
let t: TestApp;
let loanA: string;
let loanB: string;

beforeAll(async () => {
  useBusinessClock();
  businessDay('2026-12-02');
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-applied-close');
  loanA = await activeLoan(t, 'cust-applied-close', productId, '2026-11-01', '10000.00', 'applied-close-a');
  loanB = await activeLoan(t, 'cust-applied-close', productId, '2026-08-02', '20000.00', 'applied-close-b');
  accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-12-01' }), 200);
  await t.caughtUp((await t.runtime.eventStore.headPosition()).toString());
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

async function get<T>(url: string): Promise<T> {
  const response = await t.call(STAFF.compliance, 'GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

interface Row { id: string; status: string; flags: string[]; daysPastDue: number; classification: string }
async function rows(): Promise<Record<string, Pick<Row, 'status' | 'flags' | 'daysPastDue' | 'classification'>>> {
  const items = (await get<{ items: Row[] }>('/v1/loans?limit=200')).items;
  return Object.fromEntries(items.map(({ id, status, flags, daysPastDue, classification }) => [id, { status, flags, daysPastDue, classification }]));
}
const par90 = async () => (await get<{ rows: { bucket: string; atRisk: string }[] }>('/v1/reports/par')).rows.find((row) => row.bucket === 'PAR90')?.atRisk;

describe('a view ages loan-summary documents only to a close their projection has applied (qa18 D5)', () => {
  it('right after a close, before the projection applies it, the list and PAR read as of the close before; once applied, as of the new one', async () => {
    const runner = t.runtime.projections;
    if (!runner) throw new Error('the test app runs its projections');
    const asOfDayBefore = {
      [loanA]: { status: 'active', flags: [], daysPastDue: 0, classification: 'normal' },
      [loanB]: { status: 'overdue', flags: [], daysPastDue: 90, classification: 'special-mention' },
    };
    expect(await rows()).toEqual(asOfDayBefore);

    await runner.stop();
    try {
      const close = accepted(await t.call(STAFF.admin, 'POST', '/v1/operations/close-of-business', { date: '2026-12-02' }), 200);
      expect(close).toMatchObject({ datesClosed: ['2026-12-02'] });
      expect(await rows()).toEqual(asOfDayBefore);
      expect(Number(await par90())).toBe(0);
    } finally {
      await runner.start();
    }
    await t.caughtUp((await t.runtime.eventStore.headPosition()).toString());
    expect(await rows()).toEqual({
      [loanA]: { status: 'overdue', flags: [], daysPastDue: 1, classification: 'special-mention' },
      [loanB]: { status: 'overdue', flags: ['npa'], daysPastDue: 91, classification: 'substandard' },
    });
    expect(await par90()).toBe('20000.00');
  });

  it('a document holding a close\'s events reads as of that close, though the view knows only the close before applied (as while the projection applies it to the rest of the book)', async () => {
    // B after the close of 12-02: 次级, NPA, the row 91 days past due; aged to 12-01 it would read 90 days beside 次级.
    const doc = await loanSummaryDoc(t.runtime.readStore, loanB);
    if (!doc) throw new Error('loan B has a summary');
    expect(toLoanSummaryView(doc, '2026-12-01')).toMatchObject({ status: 'overdue', flags: ['npa'], daysPastDue: 91, classification: 'substandard' });
  });
});
