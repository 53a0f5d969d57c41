import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/eventstore/canonical-json.js';
import { chainHash, contentHash, GENESIS_HASH, linkContent, verifyChain, type ChainLink } from '../../src/eventstore/hash-chain.js';
import { envelopeContent, envelopeHash, envelopeHashOfEncoded } from '../../src/eventstore/hash-envelope.js';
import { sealBatch } from '../../src/eventstore/stored-event.js';
import { Upcasters } from '../../src/eventstore/upcasters.js';

const actor = { sub: 'officer-1', role: 'officer' } as const;
const fields = {
  type: 'T', schemaVersion: 1, data: { b: 1, a: 2 }, occurredAt: '2026-01-01', actor, eventId: 'evt-1', streamId: 'loan-1', revision: 0n,
  recordedAt: '2026-01-01T00:00:00.005Z', correlationId: 'corr-1', causationId: null, idempotencyKey: 'officer-1:k1',
};
const chain = (count: number): ChainLink[] =>
  sealBatch('loan-1', Array.from({ length: count }, (_, n) => ({
    type: 'TestNoted', data: { n }, occurredAt: '2026-01-01', actor, correlationId: `c-${n}`, causationId: n > 0 ? `cause-${n}` : null, idempotencyKey: n === 1 ? 'officer-1:k' : null,
  })), null, '2026-01-01T00:00:00.000Z', new Upcasters());

describe('hash version 2', () => {
  it('hashes sha256(prevHash ‖ canonical JSON of the whole envelope but position, hashVersion 2 inside)', () => {
    const bytes = '{"actor":{"role":"officer","sub":"officer-1"},"causationId":null,"correlationId":"corr-1","data":{"a":2,"b":1},"eventId":"evt-1",'
      + '"hashVersion":2,"idempotencyKey":"officer-1:k1","occurredAt":"2026-01-01","recordedAt":"2026-01-01T00:00:00.005Z","revision":"0",'
      + '"schemaVersion":1,"streamId":"loan-1","type":"T"}';
    expect(canonicalJson(envelopeContent(fields))).toBe(bytes);
    // Pinned (sha256 over the literal bytes above): changing it breaks every stored version-2 chain.
    expect(envelopeHash(GENESIS_HASH, envelopeContent(fields))).toBe('3910c998f7ba97ce35f09ad4da95dea7b0df16a38b87b030f5fff6f9b5bcfbd9');
  });

  it('hashes on the append path exactly the bytes envelopeHash hashes, for any envelope', () => {
    const nullable = fc.option(fc.string(), { nil: null });
    fc.assert(
      fc.property(
        fc.jsonValue(), fc.record({ sub: fc.string(), role: fc.string() }), fc.string(), fc.integer({ min: 1, max: 1_000 }), fc.string(), fc.string(), fc.string(),
        fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), fc.string(), fc.string(), nullable, nullable,
        (data, who, type, schemaVersion, occurredAt, eventId, streamId, revision, recordedAt, correlationId, causationId, idempotencyKey) => {
          const envelope = { type, schemaVersion, occurredAt, eventId, streamId, revision, recordedAt, correlationId, causationId, idempotencyKey };
          const fast = envelopeHashOfEncoded(GENESIS_HASH, envelope, canonicalJson(data), canonicalJson(who));
          expect(fast).toBe(envelopeHash(GENESIS_HASH, envelopeContent({ ...envelope, data, actor: who as { sub: string; role: 'officer' } })));
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });

  it('never gives the version-1 hash of the same event, and an envelope names its version', () => {
    expect(envelopeHash(GENESIS_HASH, envelopeContent(fields))).not.toBe(chainHash(GENESIS_HASH, fields));
    expect(linkContent({ ...fields, hashVersion: 2, prevHash: GENESIS_HASH, hash: '' })).toMatchObject({ hashVersion: 2, revision: '0' });
    expect(linkContent({ ...fields, hashVersion: 1, prevHash: GENESIS_HASH, hash: '' })).not.toHaveProperty('hashVersion');
    expect(linkContent({ ...fields, hashVersion: 3, prevHash: GENESIS_HASH, hash: '' })).toBeNull();
  });

  it('is what every append writes', () => {
    for (const event of chain(3)) {
      expect(event.hashVersion).toBe(2);
      expect(event.hash).toBe(contentHash(event.prevHash, linkContent(event)!));
    }
  });

  const edits: [string, (event: ChainLink) => ChainLink][] = [
    ['recordedAt', (e) => ({ ...e, recordedAt: '2027-01-01T00:00:00.000Z' })],
    ['correlationId', (e) => ({ ...e, correlationId: 'forged' })],
    ['causationId', (e) => ({ ...e, causationId: 'forged' })],
    ['causationId (removed)', (e) => ({ ...e, causationId: null })],
    ['idempotencyKey', (e) => ({ ...e, idempotencyKey: 'forged' })],
    ['eventId', (e) => ({ ...e, eventId: 'forged' })],
    ['streamId', (e) => ({ ...e, streamId: 'loan-2' })],
    ['type', (e) => ({ ...e, type: 'Forged' })],
    ['actor', (e) => ({ ...e, actor: { sub: 'someone-else', role: 'officer' } })],
  ];
  it.each(edits)('names an event whose %s was edited', (_field, edit) => {
    const events = chain(3);
    events[1] = edit(events[1]!);
    expect(verifyChain(events)).toMatchObject({ revision: 1n, eventId: events[1]!.eventId, reason: 'hash_mismatch' });
  });

  it('names an event whose version was edited, down to 1, up to an unknown one', () => {
    const down = chain(2);
    down[1] = { ...down[1]!, hashVersion: 1 };
    expect(verifyChain(down)).toMatchObject({ revision: 1n, reason: 'hash_version_downgrade' });
    const first = chain(2);
    first[0] = { ...first[0]!, hashVersion: 1 };
    expect(verifyChain(first)).toMatchObject({ revision: 0n, reason: 'hash_mismatch' });
    const unknown = chain(2);
    unknown[0] = { ...unknown[0]!, hashVersion: 3 };
    expect(verifyChain(unknown)).toMatchObject({ revision: 0n, reason: 'hash_version_unknown' });
  });

  it('names a downgrade even when the edited event was rehashed at version 1 to match', () => {
    const events = chain(3);
    const forged = { ...events[1]!, correlationId: 'forged', hashVersion: 1 };
    forged.hash = chainHash(forged.prevHash, forged);
    expect(verifyChain([events[0]!, forged])).toMatchObject({ revision: 1n, eventId: forged.eventId, reason: 'hash_version_downgrade' });
  });

  it('accepts a stream of version-1 events followed by version-2 ones (an upgraded store)', () => {
    const v1 = { ...fields, hashVersion: 1, prevHash: GENESIS_HASH, hash: chainHash(GENESIS_HASH, fields) };
    const next = { ...fields, eventId: 'evt-2', revision: 1n, hashVersion: 2, prevHash: v1.hash, hash: '' };
    next.hash = envelopeHash(v1.hash, envelopeContent(next));
    expect(verifyChain([v1, next])).toBeNull();
  });
});
