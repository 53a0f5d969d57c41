import { describe, expect, it } from 'vitest';
import { rowToRecorded, rowToStored, type EventRow } from '../../src/eventstore/sqlite-rows.js';
import { toRecorded } from '../../src/eventstore/stored-event.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';

const row: EventRow = {
  position: 42n, stream_id: 'loan-7', revision: 3n, event_id: 'evt-1', type: 'TestNoted', schema_version: 1n,
  data: '{"note":"hello"}', occurred_at: '2026-02-01T10:00:00.000Z', recorded_at: '2026-02-01T10:00:00.005Z',
  actor: '{"role":"officer","sub":"lo-1"}', correlation_id: 'c-1', causation_id: null, idempotency_key: 'k-1',
  prev_hash: 'a'.repeat(64), hash: 'b'.repeat(64), hash_version: 2n,
};

describe('rowToRecorded', () => {
  it('decodes a row exactly as rowToStored then toRecorded do, keys in the same order, upcast to the newest schema', () => {
    const upcasters = new Upcasters().register('TestNoted', 1, (d) => ({ ...(d as object), tags: [] }));
    const direct = rowToRecorded(row, upcasters);
    const twoStep = toRecorded(rowToStored(row), row.position, upcasters);
    expect(direct).toEqual(twoStep);
    expect(Object.keys(direct)).toEqual(Object.keys(twoStep));
    expect(direct).toMatchObject({ position: 42n, schemaVersion: 2, data: { note: 'hello', tags: [] }, actor: { sub: 'lo-1', role: 'officer' } });
  });

  it('refuses a schema version newer than this code knows', () => {
    expect(() => rowToRecorded({ ...row, schema_version: 2n }, new Upcasters())).toThrow(/TestNoted schema v2 is unknown here/);
  });
});
