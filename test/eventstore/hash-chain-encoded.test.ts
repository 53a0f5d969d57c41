import { describe, expect, it } from 'vitest';
import { contentHash, GENESIS_HASH, linkContent } from '../../src/eventstore/hash-chain.js';
import { sealBatchEncoded } from '../../src/eventstore/stored-event.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';

describe('sealBatchEncoded', () => {
  it('hands back the canonical payload and actor it hashed, and an actor with sorted keys', () => {
    const [sealed] = sealBatchEncoded('loan-1', [{
      type: 'TestNoted', data: { z: 1, a: [2n] }, occurredAt: '2026-01-01', actor: { sub: 's', role: 'officer' }, correlationId: 'c',
    }], null, 'now', new Upcasters());
    expect(sealed!.dataJson).toBe('{"a":["2"],"z":1}');
    expect(sealed!.actorJson).toBe('{"role":"officer","sub":"s"}');
    expect(Object.keys(sealed!.stored.actor)).toEqual(['role', 'sub']);
    expect(sealed!.stored.hashVersion).toBe(2);
    expect(sealed!.stored.hash).toBe(contentHash(GENESIS_HASH, linkContent(sealed!.stored)!));
  });
});
