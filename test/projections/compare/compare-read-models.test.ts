import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareReadModels, readModelsIdentical } from '../../../src/projections/compare/compare-read-models.js';
import { comparisonDifferences, describeComparison } from '../../../src/projections/compare/describe-comparison.js';
import type { Projection } from '../../../src/projections/projection.js';
import type { Doc } from '../../../src/readstore/port.js';
import { SqliteReadStore } from '../../../src/readstore/sqlite-read-store.js';

const projection: Projection = {
  name: 'loans', version: 1, handlers: {},
  collections: [{ name: 'loan_view', indexes: ['status'] }, { name: 'loan_rows', indexes: [] }],
};
const checkpoint = (position: bigint) => ({ projection: 'loans', version: 1, position, updatedAt: '2025-03-01T10:00:00Z' });

let dir: string;
let live: SqliteReadStore;
let rebuilt: SqliteReadStore;

async function fill(store: SqliteReadStore, docs: Doc[], position: bigint, rows: Doc[] = [{ id: 'r1', paid: '1.00' }]): Promise<void> {
  for (const spec of projection.collections) await store.ensureCollection(spec);
  await store.commit([
    ...docs.map((doc) => ({ op: 'put' as const, collection: 'loan_view', doc })),
    ...rows.map((doc) => ({ op: 'put' as const, collection: 'loan_rows', doc })),
  ], checkpoint(position));
}

const loan = (id: string, outstanding: string, extra: Record<string, unknown> = {}): Doc => ({ id, status: 'active', outstanding: { total: outstanding }, ...extra });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'compare-'));
  live = SqliteReadStore.open({ path: path.join(dir, 'live.db') });
  rebuilt = SqliteReadStore.open({ path: path.join(dir, 'rebuilt.db') });
});

afterEach(async () => {
  await Promise.all([live.close(), rebuilt.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('compareReadModels', () => {
  it('finds equal documents and checkpoints identical, whatever the key order', async () => {
    await fill(live, [loan('l1', '10.00'), loan('l2', '5.00')], 5n);
    await fill(rebuilt, [{ outstanding: { total: '5.00' }, status: 'active', id: 'l2' }, loan('l1', '10.00')], 5n);
    const comparisons = await compareReadModels(live, rebuilt, [projection]);
    expect(readModelsIdentical(comparisons)).toBe(true);
    expect(comparisonDifferences(comparisons)).toEqual([]);
    expect(describeComparison(comparisons)).toEqual(['loans at position 5', '  loan_view: 2 documents, identical', '  loan_rows: 1 documents, identical']);
  });

  it('catches a changed field, a missing and an extra document, in the collection they are in', async () => {
    await fill(live, [loan('l1', '9.00'), loan('l3', '1.00')], 5n, [{ id: 'r1', paid: '1.00' }]);
    await fill(rebuilt, [loan('l1', '10.00'), loan('l2', '5.00')], 5n, [{ id: 'r1', paid: '1.50' }]);
    const comparisons = await compareReadModels(live, rebuilt, [projection]);
    expect(readModelsIdentical(comparisons)).toBe(false);
    expect(comparisons[0]!.collections[0]).toEqual({
      collection: 'loan_view', liveDocuments: 2, rebuiltDocuments: 2, missingFromLive: ['l2'], extraInLive: ['l3'],
      differing: [{ id: 'l1', path: 'outstanding.total', live: '9.00', rebuilt: '10.00' }], staleQueryColumns: [],
    });
    expect(comparisons[0]!.collections[1]!.differing).toEqual([{ id: 'r1', path: 'paid', live: '1.00', rebuilt: '1.50' }]);
    expect(comparisonDifferences(comparisons)).toEqual([
      'loan_view/l2: missing from the live model',
      'loan_view/l3: in the live model only',
      'loan_view/l1: outstanding.total live "9.00" vs rebuilt "10.00"',
      'loan_rows/r1: paid live "1.00" vs rebuilt "1.50"',
    ]);
    expect(describeComparison(comparisons)).toEqual([
      'loans at position 5',
      '  loan_view: 2 rebuilt, 2 live: 1 missing from live, 1 extra in live, 1 differing',
      '    missing from live: l2',
      '    extra in live: l3',
      '    differs: l1 at outstanding.total: live "9.00", rebuilt "10.00"',
      '  loan_rows: 1 rebuilt, 1 live: 0 missing from live, 0 extra in live, 1 differing',
      '    differs: r1 at paid: live "1.00", rebuilt "1.50"',
    ]);
  });

  it('reports checkpoints at different positions even when the documents agree', async () => {
    await fill(live, [loan('l1', '10.00')], 4n);
    await fill(rebuilt, [loan('l1', '10.00')], 5n);
    const comparisons = await compareReadModels(live, rebuilt, [projection]);
    expect(readModelsIdentical(comparisons)).toBe(false);
    expect(comparisonDifferences(comparisons)).toEqual(['loans: checkpoint 4 live vs 5 rebuilt']);
    expect(describeComparison(comparisons)[0]).toBe('loans at position 5 (live checkpoint at 4)');
  });

  it('lists a few ids of a collection that differs throughout, and counts the rest', async () => {
    const stamped = (at: string) => Array.from({ length: 8 }, (_, i) => loan(`l${i}`, '1.00', { projectedAt: at }));
    await fill(live, stamped('2025-03-01T10:00:00Z'), 5n);
    await fill(rebuilt, stamped('2025-03-02T08:00:00Z'), 5n);
    const lines = describeComparison(await compareReadModels(live, rebuilt, [projection]));
    expect(lines[1]).toBe('  loan_view: 8 rebuilt, 8 live: 0 missing from live, 0 extra in live, 8 differing');
    expect(lines.filter((l) => l.startsWith('    differs: '))).toHaveLength(5);
    expect(lines).toContain('    … and 3 more');
  });
});
