import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUED_AT_SKEW_SECONDS } from '../../src/api/auth/issued-at.js';
import { POLICY } from '../../src/api/auth/policy.js';
import { mintToken, verifyToken, type TokenRequest } from '../../src/api/auth/token.js';
import { fixtureRoutes } from './fixture-routes.js';
import { harness, NOW, SECRET, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => (h = await harness({ routes: [fixtureRoutes] })));
afterAll(() => h.app.close());

const bearer = async (request: TokenRequest, secret = SECRET, at = NOW) => ({ authorization: `Bearer ${await mintToken(request, secret, at)}` });
const get = async (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });

describe('bearer authentication', () => {
  it('admits an allowed role and sets request.actor', async () => {
    const res = await get('/t/officers', await bearer({ sub: 'u1', role: 'officer', ttl: '1h' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sub: 'u1' });
  });

  it.each([
    ['missing', {}, 'a valid bearer token is required'],
    ['not a bearer', { authorization: 'Basic dTpw' }, 'the Authorization header must be "Bearer <token>"'],
    ['garbage', { authorization: 'Bearer not.a.jwt' }, 'the bearer token is not valid'],
  ])('answers 401 for a %s token', async (_case, headers, detail) => {
    const res = await get('/t/officers', headers);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail });
  });

  it('answers 401 for an expired token (checked against the app clock)', async () => {
    const headers = await bearer({ sub: 'u1', role: 'officer', ttl: '1h' }, SECRET, new Date(NOW.getTime() - 2 * 3600_000));
    const res = await get('/t/officers', headers);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ detail: 'the bearer token has expired' });
  });

  it('answers 401 for a token signed with another secret', async () => {
    const res = await get('/t/officers', await bearer({ sub: 'u1', role: 'officer', ttl: '1h' }, randomBytes(32)));
    expect(res.statusCode).toBe(401);
  });

  it('answers 403 for a role the route does not admit', async () => {
    const res = await get('/t/officers', await bearer({ sub: 'u1', role: 'compliance', ttl: '1h' }));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("answers 404 when a borrower reaches for another customer's resource", async () => {
    const own = await get('/t/customers/c1', await bearer({ sub: 'b1', role: 'borrower', customerId: 'c1', ttl: '1h' }));
    expect(own.statusCode).toBe(200);
    const other = await get('/t/customers/c2', await bearer({ sub: 'b1', role: 'borrower', customerId: 'c1', ttl: '1h' }));
    expect(other.statusCode).toBe(404);
    const staff = await get('/t/customers/c2', await bearer({ sub: 'o1', role: 'officer', ttl: '1h' }));
    expect(staff.statusCode).toBe(200);
  });

  it('answers 401 for a token living longer than LENDCORE_TOKEN_MAX_TTL (8 h here), however it was signed', async () => {
    const res = await get('/t/officers', await bearer({ sub: 'u1', role: 'officer', ttl: '9h' }));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ detail: 'the bearer token lives longer than this server allows' });
  });

  it('answers 401 problem+json for a token issued more than the clock skew (60 s) ahead of the app clock, and admits one within it', async () => {
    const ahead = (seconds: number) => bearer({ sub: 'u1', role: 'officer', ttl: '1h' }, SECRET, new Date(NOW.getTime() + seconds * 1000));
    const future = await get('/t/officers', await ahead(ISSUED_AT_SKEW_SECONDS + 1));
    expect(future.statusCode).toBe(401);
    expect(future.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(future.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'the bearer token is issued in the future; check the clock of the server that issued it' });
    // A year ahead with a lifetime inside the cap: without the check it would be good for a year and an hour.
    expect((await get('/t/officers', await ahead(365 * 86_400))).statusCode).toBe(401);
    expect((await get('/t/officers', await ahead(ISSUED_AT_SKEW_SECONDS))).statusCode).toBe(200);
  });

  it('answers 401 for a token naming a session when there is no identity store to check it', async () => {
    const res = await get('/t/officers', await bearer({ sub: 'u1', role: 'officer', sid: 'some-session', ttl: '15m' }));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ detail: 'the session of this token has ended; log in again' });
  });

  it('still serves public routes when a bad token is presented', async () => {
    expect((await get('/health', { authorization: 'Bearer junk' })).statusCode).toBe(200);
  });
});

describe('tokens', () => {
  it('round-trips sub, role and customerId', async () => {
    const token = await mintToken({ sub: 'b1', role: 'borrower', customerId: 'c1', ttl: '8h' }, SECRET, NOW);
    expect(await verifyToken(token, SECRET, NOW)).toEqual({ sub: 'b1', role: 'borrower', customerId: 'c1' });
  });

  it('refuses to mint a borrower token without customerId, or with a bad ttl', async () => {
    await expect(mintToken({ sub: 'b1', role: 'borrower', ttl: '8h' }, SECRET)).rejects.toThrow(/customerId/);
    await expect(mintToken({ sub: 'o1', role: 'officer', ttl: 'forever' }, SECRET)).rejects.toThrow(/ttl/);
  });

  it('normalises the subject, so Ulf and ulf are one identity for four-eyes checks', async () => {
    const upper = await mintToken({ sub: 'Ulf', role: 'officer', ttl: '1h' }, SECRET, NOW);
    const fullWidth = await mintToken({ sub: 'ＵＬＦ', role: 'officer', ttl: '1h' }, SECRET, NOW);
    expect(await verifyToken(upper, SECRET, NOW)).toEqual({ sub: 'ulf', role: 'officer' });
    expect(await verifyToken(fullWidth, SECRET, NOW)).toEqual({ sub: 'ulf', role: 'officer' });
  });

  it('refuses to mint a token above the maximum lifetime', async () => {
    await expect(mintToken({ sub: 'o1', role: 'officer', ttl: '9h', maxTtlSeconds: 8 * 3600 }, SECRET)).rejects.toThrow(/above the maximum/);
  });

  it('refuses a token issued in the future beyond the skew, whoever verifies it', async () => {
    const later = await mintToken({ sub: 'o1', role: 'officer', ttl: '1h' }, SECRET, new Date(NOW.getTime() + 120_000));
    await expect(verifyToken(later, SECRET, NOW)).rejects.toMatchObject({ statusCode: 401 });
    // The same token once the clock has reached it.
    expect(await verifyToken(later, SECRET, new Date(NOW.getTime() + 120_000))).toEqual({ sub: 'o1', role: 'officer' });
  });

  it('refuses a validly signed token whose role is unknown', async () => {
    const { SignJWT } = await import('jose');
    const token = await new SignJWT({ role: 'root' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuedAt(NOW.getTime() / 1000).setExpirationTime(NOW.getTime() / 1000 + 60).sign(SECRET);
    await expect(verifyToken(token, SECRET, NOW)).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('authorization policy', () => {
  it('lists only known roles and routes under /v1', () => {
    for (const [id, rule] of Object.entries(POLICY)) {
      expect(rule.url, id).toMatch(/^\/v1\//);
      expect(rule.roles.length, id).toBeGreaterThan(0);
    }
  });

  it('lets only underwriters approve (four eyes is the decider’s half)', () => {
    expect(POLICY['loans.approve'].roles).toEqual(['underwriter']);
  });
});
