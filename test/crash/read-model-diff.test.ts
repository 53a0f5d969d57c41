import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Projection } from '../../src/projections/projection.js';
import type { Doc } from '../../src/readstore/port.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import { readModelDifferences } from './read-model-diff.js';

const projection: Projection = { name: 'loans', version: 1, collections: [{ name: 'loan_view', indexes: [] }], handlers: {} };
const checkpoint = (position: bigint) => ({ projection: 'loans', version: 1, position, updatedAt: '2025-03-01T10:00:00Z' });

let dir: string;
let live: SqliteReadStore;
let rebuilt: SqliteReadStore;

async function fill(store: SqliteReadStore, docs: Doc[], position: bigint): Promise<void> {
  await store.ensureCollection(projection.collections[0]!);
  await store.commit(docs.map((doc) => ({ op: 'put', collection: 'loan_view', doc })), checkpoint(position));
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'diff-'));
  live = SqliteReadStore.open({ path: path.join(dir, 'live.db') });
  rebuilt = SqliteReadStore.open({ path: path.join(dir, 'rebuilt.db') });
});

afterEach(async () => {
  await Promise.all([live.close(), rebuilt.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('readModelDifferences', () => {
  it('is empty for equal documents and checkpoints', async () => {
    await fill(live, [{ id: 'l1', outstanding: '10.00' }], 5n);
    await fill(rebuilt, [{ id: 'l1', outstanding: '10.00' }], 5n);
    expect(await readModelDifferences(live, rebuilt, [projection])).toEqual([]);
  });

  it('names a changed field, a missing and an extra document, and a checkpoint elsewhere', async () => {
    await fill(live, [{ id: 'l1', outstanding: '9.00' }, { id: 'l3', outstanding: '1.00' }], 4n);
    await fill(rebuilt, [{ id: 'l1', outstanding: '10.00' }, { id: 'l2', outstanding: '5.00' }], 5n);
    const differences = await readModelDifferences(live, rebuilt, [projection]);
    expect(differences).toHaveLength(4);
    expect(differences.join('\n')).toMatch(/checkpoint 4 live vs 5 rebuilt[\s\S]*loan_view\/l1: live[\s\S]*loan_view\/l2: missing from the live model[\s\S]*loan_view\/l3: in the live model only/);
  });
});
