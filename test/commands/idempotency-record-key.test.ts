import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idempotencyRecordKey } from '../../src/commands/idempotency-lookup.js';

const recordKey = (sub: string, key: string) => idempotencyRecordKey({ actor: { sub, role: 'officer' } }, key);

// QA 12 Q7: a key is its caller's, so two (subject, key) pairs may share a record only when they are one pair.
describe('idempotencyRecordKey', () => {
  it('property: the caller and the key are read back from the record key, so two pairs share a record only when they are one pair', () => {
    // A small alphabet holding the separator, the escape and its digits, so subjects and keys that look alike are drawn often.
    const text = fc.string({ unit: fc.constantFrom('a', ':', '%', '2', '3', '5', 'A'), minLength: 1, maxLength: 8 });
    fc.assert(fc.property(text, text, (sub, key) => {
      const recorded = recordKey(sub, key);
      const end = recorded.indexOf(':');
      expect([decodeURIComponent(recorded.slice(0, end)), recorded.slice(end + 1)]).toEqual([sub, key]);
    }), { numRuns: 500 });
  });

  it('keeps a subject holding ":" apart from a key holding it', () => {
    expect(recordKey('officer-olga', 'x:k-1')).toBe('officer-olga:x:k-1');
    expect(recordKey('officer-olga:x', 'k-1')).toBe('officer-olga%3Ax:k-1');
    expect(recordKey('officer-olga%3Ax', 'k-1')).toBe('officer-olga%253Ax:k-1');
  });

  it('leaves the record key of a subject without ":" or "%" as it was before the escape, so stored records are still found', () => {
    expect(recordKey('0b6c1f7e-8f5d-4c1e-9a3b-2d4e6f8a0c1e', 'reg-1')).toBe('0b6c1f7e-8f5d-4c1e-9a3b-2d4e6f8a0c1e:reg-1');
    expect(recordKey('demo-borrower-cust-1', 'pay.1')).toBe('demo-borrower-cust-1:pay.1');
  });
});
