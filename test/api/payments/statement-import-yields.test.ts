import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IMPORT_LINES_PER_YIELD } from '../../../src/app/payments/import-bank-statement.js';
import { repaymentReferenceOf } from '../../../src/domain/payment/repayment-reference.js';
import { REPAYMENT_REFERENCES } from '../../../src/projections/models/payments/payments.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted } from '../commands/journey-steps.js';

let t: TestApp;
beforeAll(async () => { t = await openTestApp(); });
afterAll(() => t.close());

/** n credit lines, each naming a well-formed reference no loan has (UNKNOWN_REFERENCE: one reference lookup per line). */
const statement = (prefix: string, n: number) => ['date,amount,currency,memo,bank_txn_id',
  ...Array.from({ length: n }, (_, i) => `2026-11-20,${(1 + (i % 500)).toFixed(2)},CNY,pay ${repaymentReferenceOf(`${prefix}-loan-${i}`)},${prefix}-${i}`)].join('\n');

describe('a long bank-statement import does not stop the server (QA9 Q13)', () => {
  it('answers a request sent in the middle of an import before the import has gone through its lines', async () => {
    const lines = IMPORT_LINES_PER_YIELD * 10;
    let looked = 0;
    let lookedWhenHealthAnswered = -1;
    let health: Promise<unknown> | null = null;
    const get = t.runtime.readStore.get.bind(t.runtime.readStore);
    const spy = vi.spyOn(t.runtime.readStore, 'get').mockImplementation(async (collection: string, id: string) => {
      if (collection === REPAYMENT_REFERENCES) {
        looked += 1;
        // A request arrives while the import is at its 10th line.
        if (looked === 10) health = t.call(STAFF.officer, 'GET', '/health').then((res) => { lookedWhenHealthAnswered = looked; return res.statusCode; });
      }
      return get(collection, id);
    });
    try {
      const imported = accepted(await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', statement('YIELD', lines), { 'content-type': 'text/csv' }));
      expect(imported).toMatchObject({ imported: true, suspended: lines });
      expect(await health).toBe(200);
      expect(looked).toBe(lines);
      // Answered within the next batch of lines, not after all of them.
      expect(lookedWhenHealthAnswered).toBeGreaterThanOrEqual(10);
      expect(lookedWhenHealthAnswered).toBeLessThanOrEqual(2 * IMPORT_LINES_PER_YIELD);
    } finally {
      spy.mockRestore();
    }
  });
});
