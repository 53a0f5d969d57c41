import { randomUUID } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromStoredCheckpoint, toStoredCheckpoint } from '../../src/readstore/mongo-checkpoints.js';
import { cursorAfter, toMongoFind } from '../../src/readstore/mongo-find.js';
import { MongoReadStore } from '../../src/readstore/mongo-read-store.js';
import { toBulkWrites } from '../../src/readstore/mongo-writes.js';
import type { Doc } from '../../src/readstore/port.js';
import { CONTAINER_STARTUP_MS, MONGO_URL_VAR, skipReason, startMongo, startStandaloneMongo, type TestServer } from '../support/containers.js';
import { readStoreContract } from './readstore.contract.js';

const declared = new Set(['id', 'rank', 'status', 'outstanding.total']);
const cursorFrom = (doc: Record<string, unknown>, field: string, descending = false) => cursorAfter({ _id: String(doc.id), ...doc }, field, descending);

describe('MongoDB read store pieces (no server needed)', () => {
  it('turns equality, null and inclusive ranges into a filter, and sorts by id by default', () => {
    const find = toMongoFind('loans', declared, { where: { status: 'active', rank: { gte: 2, lte: 5 }, 'outstanding.total': null } });
    expect(find.filter).toEqual({ $and: [{ status: 'active' }, { rank: { $gte: 2, $lte: 5 } }, { 'outstanding.total': null }] });
    expect(find).toMatchObject({ sort: { _id: 1 }, sortField: 'id', limit: null });
    expect(toMongoFind('loans', declared, { where: { rank: { gte: 2 } } }).filter).toEqual({ $and: [{ rank: { $gte: 2 } }] });
    expect(toMongoFind('loans', declared, {}).filter).toEqual({});
  });

  it('sorts on (field, _id) in the asked direction', () => {
    expect(toMongoFind('loans', declared, { sort: { field: 'rank', direction: 'desc' }, limit: 3 })).toMatchObject({
      sort: { rank: -1, _id: -1 }, sortField: 'rank', limit: 3,
    });
  });

  it('resumes strictly after the cursor, nulls first ascending and last descending', () => {
    const after = (value: unknown, direction: 'asc' | 'desc') =>
      toMongoFind('loans', declared, { sort: { field: 'rank', direction }, cursor: cursorFrom({ id: 'l1', rank: value }, 'rank', direction === 'desc') }).filter;
    expect(after(2, 'asc')).toEqual({ $and: [{ $or: [{ rank: { $gt: 2 } }, { rank: 2, _id: { $gt: 'l1' } }] }] });
    expect(after(2, 'desc')).toEqual({ $and: [{ $or: [{ rank: { $lt: 2 } }, { rank: 2, _id: { $lt: 'l1' } }, { rank: null }] }] });
    expect(after(null, 'asc')).toEqual({ $and: [{ $or: [{ rank: { $ne: null } }, { rank: null, _id: { $gt: 'l1' } }] }] });
    expect(after(null, 'desc')).toEqual({ $and: [{ rank: null, _id: { $lt: 'l1' } }] });
    const byId = toMongoFind('loans', declared, { cursor: cursorFrom({ id: 'l7' }, 'id') });
    expect(byId.filter).toEqual({ $and: [{ _id: { $gt: 'l7' } }] });
  });

  it('reads a dotted sort field into the cursor, a missing one as null', () => {
    const nested = cursorFrom({ id: 'a', outstanding: { total: '12.00' } }, 'outstanding.total');
    expect(toMongoFind('loans', declared, { sort: { field: 'outstanding.total', direction: 'asc' }, cursor: nested }).filter).toEqual({
      $and: [{ $or: [{ 'outstanding.total': { $gt: '12.00' } }, { 'outstanding.total': '12.00', _id: { $gt: 'a' } }] }],
    });
    const missing = cursorFrom({ id: 'b' }, 'outstanding.total', true);
    expect(toMongoFind('loans', declared, { sort: { field: 'outstanding.total', direction: 'desc' }, cursor: missing }).filter).toEqual({
      $and: [{ 'outstanding.total': null, _id: { $lt: 'b' } }],
    });
  });

  it('refuses undeclared fields, bad limits and cursors from another sort', () => {
    expect(() => toMongoFind('loans', declared, { where: { secret: 1 } })).toThrow(expect.objectContaining({ code: 'UNDECLARED_FIELD' }));
    expect(() => toMongoFind('loans', declared, { sort: { field: 'secret', direction: 'asc' } })).toThrow(expect.objectContaining({ code: 'UNDECLARED_FIELD' }));
    expect(() => toMongoFind('loans', declared, { limit: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }));
    expect(() => toMongoFind('loans', declared, { limit: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_QUERY' }));
    const byRank = cursorFrom({ id: 'l1', rank: 1 }, 'rank');
    expect(() => toMongoFind('loans', declared, { sort: { field: 'status', direction: 'asc' }, cursor: byRank })).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
    expect(() => toMongoFind('loans', declared, { sort: { field: 'rank', direction: 'desc' }, cursor: byRank })).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR', message: expect.stringMatching(/issued for another sort \(rank, not -rank\)/) }),
    );
    expect(() => toMongoFind('loans', declared, { cursor: 'garbage' })).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it('groups writes per collection in order, as JSON (a Decimal becomes its string)', () => {
    const batches = toBulkWrites([
      { op: 'put', collection: 'loans', doc: { id: 'a', principal: new Decimal('10.50') } },
      { op: 'put', collection: 'schedules', doc: { id: 's' } },
      { op: 'delete', collection: 'loans', id: 'a' },
    ]);
    expect([...batches.keys()]).toEqual(['loans', 'schedules']);
    expect(batches.get('loans')).toEqual([
      { replaceOne: { filter: { _id: 'a' }, replacement: { _id: 'a', id: 'a', principal: '10.5' }, upsert: true } },
      { deleteOne: { filter: { _id: 'a' } } },
    ]);
  });

  it('refuses a write that has no JSON form before anything reaches the server', () => {
    const circular: Doc = { id: 'c' };
    circular.self = circular;
    expect(() => toBulkWrites([{ op: 'put', collection: 'loans', doc: circular }])).toThrow(TypeError);
  });

  it('stores checkpoint positions as decimal strings, exact past 2^64', () => {
    const checkpoint = { projection: 'loan-summary', version: 3, position: 2n ** 64n - 1n, updatedAt: '2026-01-01T00:00:00.000Z' };
    expect(toStoredCheckpoint(checkpoint)).toEqual({ _id: 'loan-summary', version: 3, position: '18446744073709551615', updatedAt: checkpoint.updatedAt });
    expect(fromStoredCheckpoint(toStoredCheckpoint(checkpoint))).toEqual(checkpoint);
  });
});

const reason = await skipReason(MONGO_URL_VAR);
const runtimeMissing = await skipReason();

describe.skipIf(reason !== null)(reason === null ? 'MongoDB contract' : `MongoDB contract (skipped: ${reason})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startMongo();
  }, CONTAINER_STARTUP_MS);
  afterAll(async () => server?.stop());

  // One server for the suite; a fresh database per store.
  async function freshStore(): Promise<{ store: MongoReadStore; dbName: string; cleanup(): Promise<void> }> {
    const dbName = `lendcore_test_${randomUUID().slice(0, 8)}`;
    const store = await MongoReadStore.connect(server.url, dbName);
    const cleanup = async () => {
      const client = await MongoClient.connect(server.url);
      await client.db(dbName).dropDatabase();
      await client.close();
      await store.close();
    };
    return { store, dbName, cleanup };
  }

  readStoreContract('mongodb', freshStore);

  describe('MongoDB specifics', () => {
    it('finishes a swap that a crash interrupted after the first rename, on the next checkpoint read', async () => {
      const { store, dbName, cleanup } = await freshStore();
      await store.ensureCollection({ name: 'loans', indexes: ['status'] });
      await store.ensureCollection({ name: 'loans__shadow', indexes: ['status'] });
      await store.ensureCollection({ name: 'schedules__shadow', indexes: [] });
      await store.commit([{ op: 'put', collection: 'loans__shadow', doc: { id: 'new', status: 'rebuilt' } }], checkpointAt(1n, 'rebuild'));
      // The state a crash leaves: intent recorded, loans renamed, schedules not, checkpoint not moved.
      const client = await MongoClient.connect(server.url);
      const db = client.db(dbName);
      await db.collection('_lendcore_swaps').insertOne({
        _id: 'test' as never,
        pairs: [{ from: 'loans__shadow', to: 'loans' }, { from: 'schedules__shadow', to: 'schedules' }],
        checkpoint: toStoredCheckpoint(checkpointAt(12n)),
      });
      await db.renameCollection('loans__shadow', 'loans', { dropTarget: true });
      await client.close();

      expect(await store.getCheckpoint('test')).toEqual(checkpointAt(12n));
      expect(await store.get('loans', 'new')).toEqual({ id: 'new', status: 'rebuilt' });
      expect((await store.find('schedules', {})).items).toEqual([]);
      await expect(store.find('schedules__shadow', {})).rejects.toMatchObject({ code: 'UNKNOWN_COLLECTION' });
      await cleanup();
    });

    it('refuses writes to a collection nobody ensured, writing nothing', async () => {
      const { store, cleanup } = await freshStore();
      await expect(store.commit([{ op: 'put', collection: 'ghosts', doc: { id: 'g' } }], checkpointAt(1n))).rejects.toMatchObject({
        code: 'UNKNOWN_COLLECTION',
      });
      expect(await store.getCheckpoint('test')).toBeNull();
      await expect(store.swapCollections([{ from: 'ghosts', to: 'loans' }], checkpointAt(2n))).rejects.toMatchObject({ code: 'UNKNOWN_COLLECTION' });
      await cleanup();
    });

    it.skipIf(runtimeMissing !== null)('refuses a standalone server with a pointer to the replica set setup', async () => {
      const standalone = await startStandaloneMongo();
      try {
        await expect(MongoReadStore.connect(standalone.url, 'lendcore')).rejects.toThrow(/needs a replica set.*--replSet.*docker-compose\.yml/);
      } finally {
        await standalone.stop();
      }
    }, CONTAINER_STARTUP_MS);
  });
});

function checkpointAt(position: bigint, projection = 'test') {
  return { projection, version: 1, position, updatedAt: '2026-01-01T00:00:00.000Z' };
}
