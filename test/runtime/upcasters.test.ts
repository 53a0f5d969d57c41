import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../src/eventstore/sqlite-event-store.js';
import { productDecider } from '../../src/domain/product/decider.js';
import type { ProductTerms } from '../../src/domain/product/events.js';
import { lendcoreUpcasters } from '../../src/runtime/upcasters.js';
import { productTerms } from '../domain/product-terms.fixture.js';

const actor = { sub: 'admin-1', role: 'admin' as const };
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function storeAt(file: string, withRegistry: boolean): SqliteEventStore {
  return SqliteEventStore.open({ path: file, synchronous: 'NORMAL', ...(withRegistry ? { upcasters: lendcoreUpcasters() } : {}) });
}

describe('schema evolution of product terms (v1 had no writeOffDpd)', () => {
  it('hands out v2 with the 90-day threshold for a v1 event, and deciders accept it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lendcore-upcast-'));
    dirs.push(dir);
    const file = path.join(dir, 'events.db');
    const { writeOffDpd: _dropped, ...v1Terms } = productTerms();
    const legacy = storeAt(file, false);
    await legacy.append('product-p1', [{
      type: 'LoanProductDefined', schemaVersion: 1, data: { productId: 'p1', version: 1, terms: v1Terms },
      occurredAt: '2025-01-01T00:00:00.000Z', actor, correlationId: 'c1',
    }], 'no_stream');
    await legacy.close();

    const store = storeAt(file, true);
    const [event] = await store.readStream('product-p1');
    expect(event?.schemaVersion).toBe(2);
    const terms = (event?.data as { terms: ProductTerms }).terms;
    expect(terms.writeOffDpd).toBe(90);
    const state = productDecider.evolve(productDecider.initialState(), event as never);
    expect(state.terms?.writeOffDpd).toBe(90);

    // New events are written as v2 and keep their own threshold; the chain still verifies.
    await store.append('product-p2', [{
      type: 'LoanProductDefined', data: { productId: 'p2', version: 1, terms: productTerms({ writeOffDpd: 180 }) },
      occurredAt: '2025-01-02T00:00:00.000Z', actor, correlationId: 'c2',
    }], 'no_stream');
    const [fresh] = await store.readStream('product-p2');
    expect(fresh?.schemaVersion).toBe(2);
    expect((fresh?.data as { terms: ProductTerms }).terms.writeOffDpd).toBe(180);
    expect((await store.verifyStreams()).broken).toEqual([]);
    await store.close();
  });
});

describe('schema evolution of CreditAssessed (v1 held the income the scorecard saw in clear)', () => {
  // As the default scorecard recorded it before v2: the income in the inputs and in its band's reason.
  const v1 = {
    score: 710, grade: 'A', decision: 'approve', scorecardVersion: 'default-2026-11',
    reasons: [
      { code: 'INCOME_HIGH', message: 'Monthly income 30000.00 > 20000', points: 50 },
      { code: 'DTI_LOW', message: 'DTI 29.6 % ≤ 30 %', points: 40 },
    ],
    inputs: { monthlyIncome: '30000.00', existingMonthlyDebt: '0.00', newInstallment: '8884.88', debtToIncome: '29.62', employmentMonths: 40, existingLoans: 0, worstDaysPastDue: 0, kycAgeDays: null },
  };

  it('hands out v2: the income marked as recorded in clear (v0, opened by the vault only while the key exists), no reason naming it, the rest as recorded', () => {
    const upcasters = lendcoreUpcasters();
    expect(upcasters.currentVersion('CreditAssessed')).toBe(2);
    const { schemaVersion, data } = upcasters.upcast('CreditAssessed', 1, v1);
    expect(schemaVersion).toBe(2);
    expect(data).toEqual({
      ...v1,
      reasons: [
        { code: 'INCOME_HIGH', message: 'Monthly income > 20000', points: 50 },
        { code: 'DTI_LOW', message: 'DTI 29.6 % ≤ 30 %', points: 40 },
      ],
      inputs: { ...v1.inputs, monthlyIncome: 'v0.30000.00' },
    });
    expect(JSON.stringify((data as typeof v1).reasons)).not.toContain('30000.00');
  });

  it('leaves a v2 event as written', () => {
    const v2 = { ...v1, reasons: [], inputs: { ...v1.inputs, monthlyIncome: 'v1.iv.tag.body' } };
    expect(lendcoreUpcasters().upcast('CreditAssessed', 2, v2)).toEqual({ schemaVersion: 2, data: v2 });
  });
});
