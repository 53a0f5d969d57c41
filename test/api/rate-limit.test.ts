import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/api/auth/token.js';
import { FixedWindowLimiter } from '../../src/api/rate-limit.js';
import { fixtureRoutes } from './fixture-routes.js';
import { harness, NOW, SECRET, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => (h = await harness({ routes: [fixtureRoutes], rateLimitPerMinute: 2 })));
afterAll(() => h.app.close());

const asSubject = async (sub: string) => ({ authorization: `Bearer ${await mintToken({ sub, role: 'officer', ttl: '1h' }, SECRET, NOW)}` });

describe('rate limit', () => {
  it('answers 429 problem+json with Retry-After past the per-subject limit, other subjects unaffected', async () => {
    h.clock.set(new Date('2025-03-01T10:00:15Z'));
    const alice = await asSubject('alice');
    for (let i = 0; i < 2; i++) expect((await h.app.inject({ method: 'GET', url: '/t/officers', headers: alice })).statusCode).toBe(200);
    const limited = await h.app.inject({ method: 'GET', url: '/t/officers', headers: alice });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toBe('45');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });

    expect((await h.app.inject({ method: 'GET', url: '/t/officers', headers: await asSubject('bob') })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/health', headers: alice })).statusCode).toBe(200);

    h.clock.set(new Date('2025-03-01T10:01:00Z'));
    expect((await h.app.inject({ method: 'GET', url: '/t/officers', headers: alice })).statusCode).toBe(200);
  });
});

describe('FixedWindowLimiter', () => {
  it('resets every counter when the window rolls over', () => {
    const limiter = new FixedWindowLimiter(1, 1000);
    expect(limiter.hit('a', new Date(5000))).toBe(0);
    expect(limiter.hit('a', new Date(5100))).toBe(1);
    expect(limiter.hit('a', new Date(6000))).toBe(0);
  });
});
