import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FreshCollections } from '../../src/projections/fresh-collections.js';
import { SqliteReadStore } from '../../src/readstore/sqlite-read-store.js';
import type { Write } from '../../src/readstore/port.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lendcore-fresh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const id = fc.integer({ min: 0, max: 40 }).map((n) => `doc-${n}`);
const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), collection: fc.constantFrom('shadow', 'other'), id }),
  fc.record({ kind: fc.constant('delete' as const), collection: fc.constantFrom('shadow', 'other'), id }),
  fc.record({ kind: fc.constant('get' as const), collection: fc.constantFrom('shadow', 'other'), id }),
);

describe('FreshCollections: a rebuild\'s shadows, written only through it', () => {
  it('answers every get as the store does, through puts, deletes and puts again, on fresh and other collections', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 60 }), async (ops) => {
      const store = SqliteReadStore.open({ path: path.join(dir, `store-${run++}.db`) });
      try {
        await store.ensureCollection({ name: 'shadow', indexes: [] });
        await store.ensureCollection({ name: 'other', indexes: [] });
        // `other` is not declared fresh: it may hold documents written past the wrapper.
        await store.commit([{ op: 'put', collection: 'other', doc: { id: 'doc-1', by: 'outside' } }], { projection: 'p', version: 1, position: 0n, updatedAt: '' });
        const fresh = new FreshCollections(store, ['shadow']);
        let position = 1n;
        for (const step of ops) {
          if (step.kind === 'get') {
            expect(await fresh.get(step.collection, step.id)).toEqual(await store.get(step.collection, step.id));
            continue;
          }
          const write: Write = step.kind === 'put'
            ? { op: 'put', collection: step.collection, doc: { id: step.id, at: position.toString() } }
            : { op: 'delete', collection: step.collection, id: step.id };
          await fresh.commit([write], { projection: 'p', version: 1, position: position++, updatedAt: '' });
        }
      } finally {
        await store.close();
      }
    }), { numRuns: 40 });
  });

  it('does not ask the store for an id never written to a fresh collection', async () => {
    const store = SqliteReadStore.open({ path: path.join(dir, 'untouched.db') });
    await store.ensureCollection({ name: 'shadow', indexes: [] });
    const asked: string[] = [];
    const fresh = new FreshCollections(new Proxy(store, {
      get: (target, key, receiver) => (key === 'get' ? (c: string, i: string) => (asked.push(i), target.get(c, i)) : Reflect.get(target, key, receiver) as unknown),
    }), ['shadow']);
    await fresh.commit([{ op: 'put', collection: 'shadow', doc: { id: 'loan-1' } }], { projection: 'p', version: 1, position: 1n, updatedAt: '' });
    const misses = Array.from({ length: 1_000 }, (_, n) => `loan-${n + 2}`);
    for (const miss of misses) expect(await fresh.get('shadow', miss)).toBeNull();
    expect(await fresh.get('shadow', 'loan-1')).toEqual({ id: 'loan-1' });
    // The filter may over-report now and then (a Bloom filter), never for most ids.
    expect(asked).toContain('loan-1');
    expect(asked.length).toBeLessThan(10);
    await store.close();
  });
});
