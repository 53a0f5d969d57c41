import { describe, expect, it, vi } from 'vitest';
import { mintToken } from '../../../src/api/auth/token.js';
import { VerifiedTokens } from '../../../src/api/auth/verified-tokens.js';

// Counts real verifications: the cache is only worth having if repeat requests skip them.
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/api/auth/token.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/api/auth/token.js')>();
  return {
    ...actual,
    verifyTokenUntil: async (...args: Parameters<typeof actual.verifyTokenUntil>) => {
      verifications.count += 1;
      return actual.verifyTokenUntil(...args);
    },
  };
});

const SECRET = new TextEncoder().encode('a-test-secret-of-thirty-two-bytes!');
const T0 = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe('VerifiedTokens', () => {
  it('verifies a token once and answers repeats from memory until it expires', async () => {
    const tokens = new VerifiedTokens(SECRET);
    const token = await mintToken({ sub: 'b1', role: 'borrower', customerId: 'c1', ttl: '1h' }, SECRET, T0);
    verifications.count = 0;
    expect(await tokens.verify(token, T0)).toEqual({ sub: 'b1', role: 'borrower', customerId: 'c1' });
    expect(await tokens.verify(token, later(60_000))).toEqual({ sub: 'b1', role: 'borrower', customerId: 'c1' });
    expect(verifications.count).toBe(1);
    await expect(tokens.verify(token, later(3_600_000))).rejects.toMatchObject({ statusCode: 401, message: 'the bearer token has expired' });
  });

  it('never trusts a token that differs from a verified one, even only in its signature', async () => {
    const tokens = new VerifiedTokens(SECRET);
    const token = await mintToken({ sub: 'o1', role: 'officer', ttl: '1h' }, SECRET, T0);
    await tokens.verify(token, T0);
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(tokens.verify(forged, T0)).rejects.toMatchObject({ statusCode: 401, message: 'the bearer token is not valid' });
  });

  it('verifies again when the clock is set back before the first verification', async () => {
    const tokens = new VerifiedTokens(SECRET);
    const token = await mintToken({ sub: 'o1', role: 'officer', ttl: '1h' }, SECRET, T0);
    await tokens.verify(token, later(1_000));
    verifications.count = 0;
    await tokens.verify(token, T0);
    expect(verifications.count).toBe(1);
  });
});
