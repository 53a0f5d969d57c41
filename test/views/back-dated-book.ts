import { expect, vi } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { activeLoan, defineProduct, verifiedCustomer } from '../api/commands/journey-steps.js';
import { businessDay, useBusinessClock } from '../api/queries/journey.js';

/** A book no close of business has run on, read on 2026-12-02, and its one loan. */
export interface BackDatedBook {
  t: TestApp;
  loanId: string;
  /** GET as compliance; fails the test on anything but 200. */
  get<T = Record<string, unknown>>(url: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * qa17/qa18's book: business date 2026-12-02, no close run, one loan of `customerId` back-dated to
 * 2026-06-01 (100 000.00, 12 monthly rows due on the 1st from 2026-07-01) and never paid, the
 * projections caught up. `close` closes the app and gives the tests their real timers back.
 */
export async function openBackDatedBook(customerId: string): Promise<BackDatedBook> {
  useBusinessClock();
  businessDay('2026-12-02');
  const t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, customerId);
  const loanId = await activeLoan(t, customerId, productId, '2026-06-01', '100000.00');
  await t.caughtUp((await t.runtime.eventStore.headPosition()).toString());
  return {
    t,
    loanId,
    async get<T>(url: string): Promise<T> {
      const response = await t.call(STAFF.compliance, 'GET', url);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as T;
    },
    async close() {
      await t.close();
      vi.useRealTimers();
    },
  };
}
