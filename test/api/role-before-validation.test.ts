import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY, type RouteId } from '../../src/api/auth/policy.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** Every route that takes a body, with a staff role its policy leaves out. */
const ROWS = (Object.keys(POLICY) as RouteId[])
  .filter((route) => POLICY[route].method !== 'GET')
  .flatMap((route) => {
    const outsider = (['officer', 'underwriter', 'compliance', 'admin'] as const).find((role) => !(POLICY[route].roles as readonly string[]).includes(role));
    return outsider === undefined ? [] : [{ route, role: outsider, method: POLICY[route].method, url: POLICY[route].url.replace(/:[a-zA-Z]+/g, 'x') }];
  });

/**
 * A caller the route's role leaves out is refused 403 whatever it sends: the role is checked before the
 * body is validated, so the refusal does not depend on the body and a parse error tells such a caller
 * nothing of the route's schema (qa16 D2: an officer posting {} to close of business got 400
 * VALIDATION_FAILED body.date, and 403 only with a valid body).
 */
describe('a role the route leaves out is refused before its body is read', () => {
  it('covers the routes that take a body', () => {
    expect(ROWS.map((row) => row.route)).toContain('operations.closeOfBusiness');
  });

  it.each(ROWS)('$method $url ($route) as $role with a body no schema takes: 403', async ({ role, method, url }) => {
    const res = await t.call(STAFF[role], method, url, [1]);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
