import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/api/auth/token.js';
import { AUTH_REQUESTS_PER_MINUTE } from '../../src/api/rate-limit.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { fixtureRoutes } from './fixture-routes.js';
import { harness, NOW, SECRET, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => (h = await harness({ routes: [fixtureRoutes], rateLimitPerMinute: 2 })));
afterAll(() => h.app.close());

const asSubject = async (sub: string) => ({ authorization: `Bearer ${await mintToken({ sub, role: 'officer', ttl: '1h' }, SECRET, NOW)}` });

describe('rate limit', () => {
  it('answers 429 problem+json with Retry-After and RateLimit headers past the per-subject limit, other subjects unaffected', async () => {
    const alice = await asSubject('alice');
    const first = await h.app.inject({ method: 'GET', url: '/t/officers', headers: alice });
    expect(first.statusCode).toBe(200);
    expect(first.headers).toMatchObject({ 'ratelimit-limit': '2', 'ratelimit-remaining': '1' });
    expect((await h.app.inject({ method: 'GET', url: '/t/officers', headers: alice })).statusCode).toBe(200);
    const limited = await h.app.inject({ method: 'GET', url: '/t/officers', headers: alice });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });

    expect((await h.app.inject({ method: 'GET', url: '/t/officers', headers: await asSubject('bob') })).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await h.app.inject({ method: 'GET', url: '/health', headers: alice })).statusCode).toBe(200);
  });
});

describe('rate limit on the way in', () => {
  let t: TestApp;
  beforeAll(async () => (t = await openTestApp({ env: { LENDCORE_RATE_LIMIT: '60000' } })));
  afterAll(() => t.close());

  it(`allows ${AUTH_REQUESTS_PER_MINUTE} auth requests a minute per address, whatever the general limit`, async () => {
    const login = (remoteAddress: string) => t.runtime.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { login: 'nobody', password: 'x' }, remoteAddress });
    for (let i = 0; i < AUTH_REQUESTS_PER_MINUTE; i++) expect((await login('192.0.2.1')).statusCode).toBe(401);
    const limited = await login('192.0.2.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await login('192.0.2.2')).statusCode).toBe(401);
  });
});
