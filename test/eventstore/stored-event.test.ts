import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { GENESIS_HASH, verifyChain } from '../../src/eventstore/hash-chain.js';
import type { NewEvent } from '../../src/eventstore/port.js';
import { sealBatch, toRecorded } from '../../src/eventstore/stored-event.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';

const actor = { sub: 'officer-1', role: 'officer' } as const;
const event = (extra: Partial<NewEvent> = {}): NewEvent => ({ type: 'TestNoted', data: { n: 1 }, occurredAt: '2026-01-01', actor, correlationId: 'c', ...extra });
const upcasters = new Upcasters().register('TestNoted', 1, (d) => ({ ...(d as object), tags: [] }));

describe('sealBatch', () => {
  it('continues the stream from its head with consecutive revisions and a linked chain', () => {
    const [first] = sealBatch('loan-1', [event()], null, 'now', upcasters);
    const next = sealBatch('loan-1', [event(), event()], { revision: first!.revision, hash: first!.hash }, 'now', upcasters);
    expect(first).toMatchObject({ revision: 0n, prevHash: GENESIS_HASH, schemaVersion: 2, causationId: null, idempotencyKey: null });
    expect(next.map((e) => e.revision)).toEqual([1n, 2n]);
    expect(verifyChain([first!, ...next])).toBeNull();
  });

  it('stores the payload as its JSON form', () => {
    const [stored] = sealBatch('loan-1', [event({ data: { amount: new Decimal('10.50'), at: 3n } })], null, 'now', upcasters);
    expect(stored!.data).toEqual({ amount: '10.5', at: '3' });
  });

  it('refuses schema versions the code does not know', () => {
    expect(() => sealBatch('loan-1', [event({ schemaVersion: 3 })], null, 'now', upcasters)).toThrow(/v3 cannot be written/);
    expect(() => sealBatch('loan-1', [event({ schemaVersion: 0 })], null, 'now', upcasters)).toThrow(/v0 cannot be written/);
  });

  it('hands readers the upcast payload, keeping the stored hash', () => {
    const [stored] = sealBatch('loan-1', [event({ schemaVersion: 1 })], null, 'now', upcasters);
    const recorded = toRecorded(stored!, 7n, upcasters);
    expect(recorded).toMatchObject({ position: 7n, schemaVersion: 2, data: { n: 1, tags: [] }, hash: stored!.hash });
    expect(stored!.schemaVersion).toBe(1);
  });
});
