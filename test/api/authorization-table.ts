import { expect } from 'vitest';
import type { RouteId } from '../../src/api/auth/policy.js';
import { borrower, STAFF, type Caller, type TestApp } from '../support/test-app.js';

/** The callers of the matrix: a borrower on its own and on another's resources, each staff role, no token. */
export const WHO = ['borrower-own', 'borrower-other', 'officer', 'underwriter', 'compliance', 'admin', 'none'] as const;
export type Who = (typeof WHO)[number];

/** 'allowed' passes the gate (whatever the domain then says); the rest are refusals by the gate. */
export type Access = 'allowed' | 'unauthenticated' | 'forbidden' | 'hidden';

export interface AccessRow {
  route: RouteId;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A concrete URL on the own borrower's resources. */
  url: string;
  /** A schema-valid body, so only the gate can refuse. */
  body?: unknown;
  /** Who passes; a borrower-other is hidden (404) wherever borrower-own passes, forbidden elsewhere. */
  allowed: readonly Who[];
}

/** The access the row promises to `who`. */
export function expectedAccess(row: AccessRow, who: Who): Access {
  if (row.allowed.includes(who)) return 'allowed';
  if (who === 'none') return 'unauthenticated';
  if (who === 'borrower-other' && row.allowed.includes('borrower-own')) return 'hidden';
  return 'forbidden';
}

/**
 * How the gate treated a response: 401 UNAUTHENTICATED, 403, or the ownership 404 (code NOT_FOUND);
 * anything else got through (a login route's own 401 INVALID_CREDENTIALS is the route's answer).
 */
export function accessOf(res: { statusCode: number; body: string }): Access {
  if (res.statusCode === 401 && (JSON.parse(res.body) as { code?: string }).code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (res.statusCode === 403) return 'forbidden';
  if (res.statusCode === 404 && (JSON.parse(res.body) as { code?: string }).code === 'NOT_FOUND') return 'hidden';
  return 'allowed';
}

/** The caller a `who` stands for; the own borrower is `ownCustomerId`, the other one a stranger. */
export function callerFor(who: Who, ownCustomerId: string): Caller | null {
  if (who === 'none') return null;
  if (who === 'borrower-own') return borrower(ownCustomerId);
  if (who === 'borrower-other') return borrower(`${ownCustomerId}-stranger`);
  return STAFF[who];
}

/** Calls the row's route as `who` with a real token and checks the gate's answer against the row. */
export async function checkAccess(t: TestApp, row: AccessRow, who: Who, ownCustomerId: string): Promise<void> {
  const res = await t.call(callerFor(who, ownCustomerId), row.method, row.url, row.body);
  expect(accessOf(res), `${who} ${row.method} ${row.url}: ${res.statusCode} ${res.body}`).toBe(expectedAccess(row, who));
  if (who === 'none' && !row.allowed.includes('none')) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}
