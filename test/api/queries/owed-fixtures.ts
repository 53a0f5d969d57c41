import { afterAll, beforeAll } from 'vitest';
import { businessDateAt } from '../../../src/app/business-date.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { defineProduct, PRODUCT, verifiedCustomer } from '../commands/journey-steps.js';

/** Today's business date on the lender's clock (Asia/Shanghai), as the server dates a payment made now. */
export const today = () => businessDateAt(new Date(), 'Asia/Shanghai');

/**
 * What a test file of owed figures runs against: registers its beforeAll (the app, a product charging a fixed 50.00
 * penalty after 3 grace days, `customers` verified) and afterAll, and returns the app, the product and a caught-up read.
 */
export function penaltyBook(customers: readonly string[]) {
  let t: TestApp | null = null;
  let productId = '';
  const app = (): TestApp => {
    if (t === null) throw new Error('the penalty book is used before its beforeAll ran');
    return t;
  };
  beforeAll(async () => {
    t = await openTestApp();
    productId = await defineProduct(t, { ...PRODUCT, penalty: { type: 'fixed', value: '50.00', graceDays: 3 } });
    for (const customerId of customers) await verifiedCustomer(t, customerId);
  });
  afterAll(() => t?.close());
  return {
    /** The app (set once the file's beforeAll has run). */
    get app() {
      return app();
    },
    get productId() {
      return productId;
    },
    /** The officer's GET of `path` (a loan or a customer) once the read model has caught up with the log: its JSON body. */
    async caughtUp(path: string) {
      const position = (await app().runtime.eventStore.headPosition()).toString();
      return (await app().call(STAFF.officer, 'GET', `${path}?minPosition=${position}`)).json();
    },
  };
}
