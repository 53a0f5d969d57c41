import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/eventstore/canonical-json.js';
import { chainHash, chainHashOfEncoded, contentHash, GENESIS_HASH, linkContent } from '../../src/eventstore/hash-chain.js';
import { sealBatchEncoded } from '../../src/eventstore/stored-event.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';

describe('chainHashOfEncoded', () => {
  it('hashes exactly the bytes chainHash hashes, for any payload, actor, type and time', () => {
    const actor = fc.record({ sub: fc.string(), role: fc.string() }, { requiredKeys: ['sub', 'role'] });
    fc.assert(
      fc.property(fc.jsonValue(), actor, fc.string(), fc.integer({ min: 1, max: 1_000 }), fc.string(), (data, who, type, schemaVersion, occurredAt) => {
        const content = { type, schemaVersion, data, occurredAt, actor: who as { sub: string; role: 'officer' } };
        const fast = chainHashOfEncoded(GENESIS_HASH, type, schemaVersion, canonicalJson(data), occurredAt, canonicalJson(who));
        expect(fast).toBe(chainHash(GENESIS_HASH, content));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('keeps the pinned hash of the chain format', () => {
    const actor = { sub: 'officer-1', role: 'officer' };
    const hash = chainHashOfEncoded(GENESIS_HASH, 'T', 1, canonicalJson({ b: 1, a: 2 }), '2026-01-01', canonicalJson(actor));
    expect(hash).toBe('980583de6c9c1ad733792393e5a6b94f8d9001030ddfddc50565db434ce07d76');
  });
});

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
