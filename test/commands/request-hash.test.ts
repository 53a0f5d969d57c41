import { describe, expect, it } from 'vitest';
import { requestHash } from '../../src/commands/request-hash.js';

describe('requestHash', () => {
  it('is equal for equal bodies in any key order and differs for different bodies', () => {
    expect(requestHash({ amount: '10.00', reference: 'r' })).toBe(requestHash({ reference: 'r', amount: '10.00' }));
    expect(requestHash({ amount: '10.00' })).not.toBe(requestHash({ amount: '10.01' }));
    expect(requestHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
