import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, verifyChain, verifyLog, type ChainLink } from '../../src/eventstore/hash-chain.js';
import { sealBatch } from '../../src/eventstore/stored-event.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';

const actor = { sub: 'officer-1', role: 'officer' } as const;
const chain = (streamId: string, count: number): ChainLink[] =>
  sealBatch(streamId, Array.from({ length: count }, (_, n) => ({ type: 'TestNoted', data: { n }, occurredAt: '2026-01-01', actor, correlationId: 'c' })), null, '2026-01-01T00:00:00.000Z', new Upcasters());

describe('hash chain', () => {
  it('hashes sha256(prevHash ‖ canonical JSON of type, schemaVersion, data, occurredAt, actor)', () => {
    const content = { type: 'T', schemaVersion: 1, data: { b: 1, a: 2 }, occurredAt: '2026-01-01', actor };
    // Pinned (computed with sha256sum over the literal bytes): changing it breaks every stored chain.
    expect(chainHash(GENESIS_HASH, content)).toBe('980583de6c9c1ad733792393e5a6b94f8d9001030ddfddc50565db434ce07d76');
    expect(chainHash(GENESIS_HASH, { ...content, data: { a: 2, b: 1 } })).toBe(chainHash(GENESIS_HASH, content));
    expect(chainHash('f'.repeat(64), content)).not.toBe(chainHash(GENESIS_HASH, content));
  });

  it('accepts an intact chain', () => {
    const events = chain('loan-1', 4);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(events)).toBeNull();
  });

  it('names the first broken link and why', () => {
    const edited = chain('loan-1', 4);
    edited[2] = { ...edited[2]!, data: { n: 99 } };
    expect(verifyChain(edited)).toMatchObject({ revision: 2n, eventId: edited[2]!.eventId, reason: 'hash_mismatch' });

    const relinked = chain('loan-1', 4);
    relinked[1] = { ...relinked[1]!, prevHash: GENESIS_HASH };
    expect(verifyChain(relinked)).toMatchObject({ revision: 1n, reason: 'prev_hash_mismatch' });

    const gap = chain('loan-1', 4);
    gap.splice(1, 1);
    expect(verifyChain(gap)).toMatchObject({ revision: 2n, reason: 'revision_gap' });
  });

  it('verifies a log stream by stream, one broken link per stream', () => {
    const a = chain('loan-a', 3);
    const b = chain('loan-b', 3);
    b[0] = { ...b[0]!, data: { n: -1 } };
    b[1] = { ...b[1]!, data: { n: -2 } };
    const report = verifyLog([...a, ...b, ...chain('loan-c', 2)]);
    expect(report).toEqual({ streams: 3, events: 8, broken: [{ streamId: 'loan-b', revision: 0n, eventId: b[0]!.eventId, reason: 'hash_mismatch' }] });
  });
});
