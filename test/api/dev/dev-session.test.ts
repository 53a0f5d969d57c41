import { afterEach, describe, expect, it } from 'vitest';
import { verifyToken } from '../../../src/api/auth/token.js';
import { devSessionRoutes } from '../../../src/api/routes/dev/dev-session.js';
import { harness, NOW, SECRET, type Harness } from '../harness.js';

let h: Harness | null = null;
afterEach(async () => {
  await h?.app.close();
  h = null;
});

describe('POST /v1/dev/session', () => {
  it('mints a token for the asked role that the API accepts, only in development', async () => {
    h = await harness({ routes: [devSessionRoutes], environment: 'development' });
    const res = await h.app.inject({ method: 'POST', url: '/v1/dev/session', payload: { role: 'underwriter' } });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ token: string; sub: string; role: string }>();
    expect(body).toMatchObject({ sub: 'dev-underwriter', role: 'underwriter' });
    expect(await verifyToken(body.token, SECRET, NOW)).toEqual({ sub: 'dev-underwriter', role: 'underwriter' });
  });

  it('gives a borrower its customer, and refuses a borrower without one with 400 problem+json', async () => {
    h = await harness({ routes: [devSessionRoutes], environment: 'development' });
    const ok = await h.app.inject({ method: 'POST', url: '/v1/dev/session', payload: { role: 'borrower', customerId: 'c-1' } });
    expect(await verifyToken(ok.json<{ token: string }>().token, SECRET, NOW)).toEqual({ sub: 'dev-borrower-c-1', role: 'borrower', customerId: 'c-1' });
    const bad = await h.app.inject({ method: 'POST', url: '/v1/dev/session', payload: { role: 'borrower' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json<{ code: string; detail: string }>().detail).toContain('customerId');
  });

  it('does not exist outside development', async () => {
    h = await harness({ routes: [devSessionRoutes] });
    const res = await h.app.inject({ method: 'POST', url: '/v1/dev/session', payload: { role: 'admin' } });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ code: string }>().code).toBe('NOT_FOUND');
  });
});
