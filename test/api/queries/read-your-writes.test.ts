import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProjectionControl } from '../../../src/api/deps.js';
import { PROJECTIONS } from '../../../src/runtime/projections.js';
import { MIN_POSITION_WAIT_MS } from '../../../src/api/routes/queries/read-your-writes.js';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { call, callApp, defineProduct, disbursedLoan, repay, useBusinessClock, verifiedCustomer } from './journey.js';
import { queryAppWith } from './query-app.js';

let t: TestApp;
let head: string;

beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  await verifiedCustomer(t, 'c1');
  head = await disbursedLoan(t, 'l1', 'c1');
  await t.caughtUp(head);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

/** A projection control whose projections never reach the position asked for; records each wait in `waited`. */
function neverCaughtUp(waited: unknown[][]): ProjectionControl {
  return {
    status: async () => [],
    waitForPosition: async (...args) => (waited.push(args), false),
    rebuild: async () => undefined,
  };
}

describe('?minPosition=', () => {
  it('waits until the projection has applied the write, then answers with it', async () => {
    const runner = t.runtime.projections;
    if (!runner) throw new Error('the test app runs its projections');
    let waiting!: () => void;
    const inWait = new Promise<void>((resolve) => (waiting = resolve));
    // The real runner, telling the test when the query has started waiting.
    const control: ProjectionControl = {
      status: () => runner.status(),
      waitForPosition: (name, position, timeoutMs) => (waiting(), runner.waitForPosition(name, position, timeoutMs)),
      rebuild: (name) => runner.rebuild(name),
    };
    const app = await queryAppWith(t, control);
    try {
      await runner.stop();
      const position = await repay(t, 'l1', 'c1', '1020.07', '2026-02-15', 'feb');
      const reading = callApp(t, app, borrower('c1'), 'GET', `/v1/loans/l1?minPosition=${position}`);
      await inWait;
      await runner.start();
      const response = await reading;
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ nextDue: { date: '2026-03-15' }, outstanding: { principal: '2009.93' } });
    } finally {
      await app.close();
    }
  });

  it('answers 503 problem+json with Retry-After when the projections stay behind', async () => {
    const waited: unknown[][] = [];
    const app = await queryAppWith(t, neverCaughtUp(waited));
    try {
      const response = await callApp(t, app, STAFF.compliance, 'GET', `/v1/reports/portfolio?minPosition=${head}`);
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 503, code: 'PROJECTION_BEHIND' });
      expect(waited).toEqual([['loan-summary', BigInt(head), MIN_POSITION_WAIT_MS], ['regulatory', BigInt(head), MIN_POSITION_WAIT_MS]]);
    } finally {
      await app.close();
    }
  });

  it('the ledger reconciliation waits, without minPosition, for the ledger to reach the head of the log as it stood when asked (a ledger behind a snapshot leaves the first event to fold from)', async () => {
    const waited: unknown[][] = [];
    const app = await queryAppWith(t, neverCaughtUp(waited));
    try {
      const now = await t.runtime.eventStore.headPosition();
      const response = await callApp(t, app, STAFF.admin, 'GET', '/v1/reports/ledger/reconciliation');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 503, code: 'PROJECTION_BEHIND' });
      expect(waited).toEqual([['general-ledger', now, MIN_POSITION_WAIT_MS]]);
    } finally {
      await app.close();
    }
  });

  it('reads the checkpoints when the projectors run in another process', async () => {
    const app = await queryAppWith(t, undefined);
    try {
      const response = await callApp(t, app, STAFF.officer, 'GET', `/v1/customers/c1?minPosition=${head}`);
      expect(response.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('counts a projection with no checkpoint yet as position 0: ?minPosition=0 on an empty read store answers at once', async () => {
    const empty = await openTestApp({ projectors: 'off' });
    try {
      expect(empty.runtime.projections).toBeNull();
      // As a freshly started worker leaves it: collections made, nothing applied, no checkpoints.
      for (const spec of PROJECTIONS.flatMap((p) => p.collections)) await empty.runtime.readStore.ensureCollection(spec);
      expect(await empty.runtime.readStore.getCheckpoint('loan-summary')).toBeNull();
      const response = await empty.call(STAFF.compliance, 'GET', '/v1/reports/portfolio?minPosition=0');
      expect(response.statusCode, response.body).toBe(200);
    } finally {
      await empty.close();
    }
  });

  it('refuses a position beyond the head of the log at once (400), on read models and on the log alike', async () => {
    const ahead = (BigInt(head) + 1000n).toString();
    for (const url of [`/v1/loans/l1?minPosition=${ahead}`, `/v1/loans?minPosition=${ahead}`, `/v1/loans/l1/history?minPosition=${ahead}`, `/v1/loans/l1/payoff?minPosition=${ahead}`]) {
      const response = await call(t, STAFF.compliance, 'GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: 'MIN_POSITION_AHEAD' });
    }
  });

  it('accepts minPosition on the routes that read the log itself, which need no wait', async () => {
    for (const url of ['/v1/loans/l1/history', '/v1/loans/l1/payoff', '/v1/loans/l1/transactions', '/v1/loans/l1/state?asOf=2026-02-01T00:00:00Z']) {
      const response = await call(t, STAFF.compliance, 'GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${head}`);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    }
  });

  it('refuses a position that is not a whole number (400)', async () => {
    for (const value of ['-1', 'abc', '1.5']) {
      expect((await call(t, STAFF.officer, 'GET', `/v1/loans/l1?minPosition=${value}`)).statusCode).toBe(400);
    }
  });
});
