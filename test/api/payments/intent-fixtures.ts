import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { borrower, openTestApp, type TestApp } from '../../support/test-app.js';
import { activeLoan, defineProduct, verifiedCustomer } from '../commands/journey-steps.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** The id of the payment intent a response carries. */
export const idOf = (res: { body: string }) => (JSON.parse(res.body) as { id: string }).id;

/** What a payment-intent test file runs against: the app, opened before its tests with the default product and closed after. */
export interface IntentDesk {
  /** The app (set once the file's beforeAll has run). */
  readonly app: TestApp;
  /** The borrower's POST opening a sandbox payment intent of `amount` (a decimal string) on the loan. */
  open(customerId: string, loanId: string, amount: string): Promise<LightMyRequestResponse>;
  /** The sandbox gateway's confirm or fail button for the intent, posted as its page does. */
  gateway(intentId: string, what: 'confirm' | 'fail'): Promise<LightMyRequestResponse>;
  /** A new verified customer `<prefix>-<n>` with an active 5 000.00 loan disbursed 2026-01-15. */
  freshLoan(): Promise<{ customerId: string; loanId: string }>;
}

/** Registers the file's beforeAll/afterAll and returns the desk its tests use; `prefix` names its customers. */
export function intentDesk(prefix: string): IntentDesk {
  let t: TestApp | null = null;
  let productId = '';
  let loans = 0;
  const app = (): TestApp => {
    if (t === null) throw new Error('the intent desk is used before its beforeAll ran');
    return t;
  };
  beforeAll(async () => {
    t = await openTestApp();
    productId = await defineProduct(t);
  });
  afterAll(() => t?.close());
  return {
    get app() {
      return app();
    },
    open: (customerId, loanId, amount) => app().call(borrower(customerId), 'POST', `/v1/loans/${loanId}/payment-intents`, { amount, channel: 'sandbox' }),
    gateway: (intentId, what) => app().runtime.app.inject({ method: 'POST', url: `/v1/payments/sandbox/${intentId}/${what}`, headers: form, payload: '' }),
    async freshLoan() {
      loans += 1;
      const customerId = `${prefix}-${loans}`;
      await verifiedCustomer(app(), customerId);
      return { customerId, loanId: await activeLoan(app(), customerId, productId, '2026-01-15', '5000.00') };
    },
  };
}
