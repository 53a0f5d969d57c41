import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../../src/app/customers/erase-customer.js';
import { applyForLoan } from '../../../src/app/loans/apply-for-loan.js';
import { loadCustomer, loadLoan } from '../../../src/app/streams.js';
import { STAFF, type TestApp } from '../../support/test-app.js';
import { beforeNextAppend, OTHER_PROCESS_OFFICER as officer } from '../payments/other-process.js';
import { closeRaceApps, openRaceApps, type RaceApps } from '../payments/payout-fixtures.js';
import { refused, verifiedCustomer } from './journey-steps.js';

/** QA 8 N8: an erasure and an application sent together meet on the customer's stream; one of them is refused 409. */
let t: TestApp;
let other: RaceApps['other'];
let productId: string;
let customers = 0;

beforeAll(async () => ({ t, other, productId } = await openRaceApps('cust-erase-race-0')));
afterAll(() => closeRaceApps({ t, other }));

const compliance = { actor: { sub: 'compliance-carl', role: 'compliance' as const }, correlationId: 'other-process' };
const application = (customerId: string) => ({ customerId, productId, principal: '5000.00', term: 6, purpose: 'renovation' });

const eraseHere = (customerId: string) => t.call(STAFF.compliance, 'DELETE', `/v1/customers/${customerId}/pii`, { reason: 'PIPL request' });
const applyHere = (customerId: string) => t.call(STAFF.officer, 'POST', '/v1/loans', application(customerId));
const eraseThere = (customerId: string) => eraseCustomer(other.services, compliance, customerId, 'PIPL request');
const applyThere = (customerId: string) => applyForLoan(other.services, officer, application(customerId));

async function freshCustomer(): Promise<string> {
  customers += 1;
  const id = `cust-erase-race-${customers}`;
  await verifiedCustomer(t, id);
  return id;
}

/** The rule: never an erased customer with a loan still pending. */
async function expectNoPendingApplicationOfAnErasedCustomer(customerId: string): Promise<{ erased: boolean; pending: number }> {
  const erased = (await loadCustomer(t.runtime.eventStore, customerId)).erased;
  const loanIds = (await t.runtime.eventStore.readAll()).filter((e) => e.type === 'LoanApplicationSubmitted' && (e.data as { customerId: string }).customerId === customerId).map((e) => (e.data as { loanId: string }).loanId);
  let pending = 0;
  for (const loanId of loanIds) if ((await loadLoan(t.runtime.eventStore, loanId)).status === 'submitted') pending += 1;
  if (erased) expect(pending).toBe(0);
  return { erased, pending };
}

describe('erasure ∥ application (QA 8 N8)', () => {
  it('an application landing between the erasure\'s check of the loans and its append: the erasure is refused 409 CUSTOMER_HAS_OPEN_LOANS', async () => {
    const customerId = await freshCustomer();
    beforeNextAppend(t.runtime.eventStore, (stream) => stream === `customer-${customerId}`, () => applyThere(customerId));
    refused(await eraseHere(customerId), 409, 'CUSTOMER_HAS_OPEN_LOANS');
    expect(await expectNoPendingApplicationOfAnErasedCustomer(customerId)).toEqual({ erased: false, pending: 1 });
  });

  it('an erasure landing between the application\'s loan write and its note on the customer: the application is withdrawn and answered 409 CUSTOMER_ERASED', async () => {
    const customerId = await freshCustomer();
    beforeNextAppend(t.runtime.eventStore, (stream) => stream === `customer-${customerId}`, () => eraseThere(customerId));
    refused(await applyHere(customerId), 409, 'CUSTOMER_ERASED');
    expect(await expectNoPendingApplicationOfAnErasedCustomer(customerId)).toEqual({ erased: true, pending: 0 });
  });

  it('any interleaving of the two, either in either process: exactly one succeeds, and an erased customer never has a pending application', async () => {
    const cut = fc.record({ eraseHere: fc.boolean(), stream: fc.constantFrom<'loan-' | 'customer-'>('loan-', 'customer-') });
    await fc.assert(fc.asyncProperty(cut, async ({ eraseHere: erasing, stream }) => {
      const customerId = await freshCustomer();
      const matches = (id: string) => (stream === 'customer-' ? id === `customer-${customerId}` : id.startsWith('loan-'));
      let ok: [boolean, boolean];
      if (erasing) {
        let applied = false;
        beforeNextAppend(t.runtime.eventStore, matches, () => applyThere(customerId).then(() => { applied = true; }, () => undefined));
        const erased = await eraseHere(customerId);
        ok = [erased.statusCode === 201, applied];
      } else {
        let erased = false;
        beforeNextAppend(t.runtime.eventStore, matches, () => eraseThere(customerId).then(() => { erased = true; }, () => undefined));
        const applied = await applyHere(customerId);
        ok = [erased, applied.statusCode === 201];
      }
      expect(ok.filter(Boolean)).toHaveLength(1);
      const state = await expectNoPendingApplicationOfAnErasedCustomer(customerId);
      expect(state.erased).toBe(ok[0]);
    }), { numRuns: 8 });
  });
});
