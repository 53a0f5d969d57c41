import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/api/auth/token.js';
import { fixtureRoutes } from './fixture-routes.js';
import { harness, NOW, SECRET, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => (h = await harness({ routes: [fixtureRoutes], corsOrigins: ['https://console.example.com'] })));
afterAll(() => h.app.close());

const officer = async () => ({ authorization: `Bearer ${await mintToken({ sub: 'o1', role: 'officer', ttl: '1h' }, SECRET, NOW)}` });

describe('security headers', () => {
  it('marks API answers no-store and nosniff, with a CSP allowing no inline or foreign scripts', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/nothing-here', headers: await officer() });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('sends every helmet header on every answer, a refusal and an unknown route included', async () => {
    for (const res of [
      await h.app.inject({ method: 'GET', url: '/v1/nothing-here' }),
      await h.app.inject({ method: 'GET', url: '/no/such/page.js' }),
    ]) {
      expect(res.headers).toMatchObject({
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-content-type-options': 'nosniff',
      });
      expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('serves the API docs under the same policy', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect(res.headers['content-security-policy']).toBeDefined();
  });
});

describe('CORS', () => {
  it('answers a preflight from a configured origin, with credentials', async () => {
    const res = await h.app.inject({
      method: 'OPTIONS', url: '/v1/loans',
      headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://console.example.com');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });

  it('grants nothing to any other origin', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example.net' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
