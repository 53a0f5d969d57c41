import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoutes } from '../fixture-routes.js';
import { harness, NOW, type Harness } from '../harness.js';

/** A tiny identity provider on 127.0.0.1: discovery document and key set, as Keycloak or Azure AD serve them. */
let server: Server;
let issuer: string;
let providerKey: CryptoKey;
let strangerKey: CryptoKey;
let h: Harness;
let keySetFetches = 0;

beforeAll(async () => {
  const provider = await generateKeyPair('RS256');
  providerKey = provider.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(provider.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/realms/lender/.well-known/openid-configuration') {
      response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/certs` }));
    } else if (request.url === '/realms/lender/certs') {
      keySetFetches++;
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/lender`;
  h = await harness({
    routes: [fixtureRoutes],
    oidc: { issuer, audience: 'lendcore-api', roleClaim: 'realm_access.roles', roleMap: { 'loan-officer': 'officer', auditor: 'compliance' }, jwksUrl: null },
  });
});
afterAll(async () => {
  await h.app.close();
  await new Promise((resolve) => server.close(resolve));
});

interface Claims { iss?: string; aud?: string; roles?: string[]; ttlSeconds?: number; issuedAt?: Date; kid?: string }
async function providerToken(key: CryptoKey, claims: Claims = {}): Promise<string> {
  const iat = Math.floor((claims.issuedAt ?? NOW).getTime() / 1000);
  return new SignJWT({ realm_access: { roles: claims.roles ?? ['offline_access', 'loan-officer'] }, sid: 'idp-session' })
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? 'k1' })
    .setIssuer(claims.iss ?? issuer)
    .setAudience(claims.aud ?? 'lendcore-api')
    .setSubject('F3A1-Staff-Olga')
    .setIssuedAt(iat)
    .setExpirationTime(iat + (claims.ttlSeconds ?? 300))
    .sign(key);
}
const call = (token: string) => h.app.inject({ method: 'GET', url: '/t/officers', headers: { authorization: `Bearer ${token}` } });

describe('OIDC provider tokens', () => {
  it('admits a provider token, mapping its role claim and normalising its subject; the provider session id is not ours to check', async () => {
    const res = await call(await providerToken(providerKey));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ sub: 'f3a1-staff-olga' });
    expect(keySetFetches).toBe(1);
    await call(await providerToken(providerKey, { ttlSeconds: 200 }));
    expect(keySetFetches).toBe(1);
  });

  it.each<[string, () => Promise<string>, string]>([
    ['another issuer', () => providerToken(providerKey, { iss: 'https://evil.example.net/realms/lender' }), 'not valid'],
    ['another audience', () => providerToken(providerKey, { aud: 'some-other-app' }), 'not valid'],
    ["another provider's key", () => providerToken(strangerKey), 'not valid'],
    ['an expired token', () => providerToken(providerKey, { issuedAt: new Date(NOW.getTime() - 3_600_000) }), 'expired'],
    ['a lifetime above the maximum', () => providerToken(providerKey, { ttlSeconds: 9 * 3600 }), 'lives longer'],
    ['a token issued two minutes ahead of our clock', () => providerToken(providerKey, { issuedAt: new Date(NOW.getTime() + 120_000) }), 'issued in the future'],
    ['no mapped role', () => providerToken(providerKey, { roles: ['offline_access'] }), 'names no role'],
  ])('refuses %s with 401', async (_case, token, detail) => {
    const res = await call(await token());
    expect(res.statusCode).toBe(401);
    expect(res.json<{ detail: string }>().detail).toContain(detail);
  });

  it('answers 401, not 500, while the provider cannot be reached', async () => {
    const unreachable = 'http://127.0.0.1:9/realms/gone';
    const down = await harness({ routes: [fixtureRoutes], oidc: { issuer: unreachable, audience: 'lendcore-api', roleClaim: 'roles', roleMap: { officer: 'officer' }, jwksUrl: null } });
    try {
      const res = await down.app.inject({ method: 'GET', url: '/t/officers', headers: { authorization: `Bearer ${await providerToken(providerKey, { iss: unreachable })}` } });
      expect(res.statusCode).toBe(401);
    } finally {
      await down.app.close();
    }
  });

  it('maps to the configured role, and the route policy still applies', async () => {
    const res = await call(await providerToken(providerKey, { roles: ['auditor'] }));
    expect(res.statusCode).toBe(403);
  });
});
