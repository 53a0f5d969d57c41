import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

/** A second officer: four eyes need two people, not two roles. */
const otto: Caller = { role: 'officer', sub: 'officer-otto' };

let t: TestApp;
let productId: string;
beforeAll(async () => {
  t = await openTestApp();
  productId = await defineProduct(t, { ...PRODUCT, name: 'Four-eyes waivers (one at a time)', waiverApprovalAbove: '100.00' });
});
afterAll(() => t.close());

const waive = (loanId: string, body: object) => t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers`, { reason: 'hardship', effectiveDate: '2026-02-15', ...body });
const interest = async (loanId: string, position: string) =>
  Number(((await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/payoff?date=2026-02-15&minPosition=${position}`)).json() as { interest: string }).interest);

describe('a waiver request waiting for approval blocks another waiver of the same charge', () => {
  it('refuses a second request and a small waiver of that kind (409 WAIVER_PENDING, naming the request) until the first is decided; the same request again changes nothing; never cleared by its maker', async () => {
    await verifiedCustomer(t, 'cust-wp1');
    const loanId = await activeLoan(t, 'cust-wp1', productId, '2026-01-15', '100000.00');
    const first = accepted(await waive(loanId, { kind: 'interest', amount: '500.00', reference: 'GW-A' }));
    const before = await interest(loanId, first.position);
    for (const body of [{ kind: 'interest', amount: '400.00', reference: 'GW-B' }, { kind: 'interest', amount: '50.00' }]) {
      const second = await waive(loanId, body);
      refused(second, 409, 'WAIVER_PENDING');
      expect(second.json().detail).toContain('GW-A');
    }
    // Re-sending the waiting request itself changes nothing (200), as before.
    accepted(await waive(loanId, { kind: 'interest', amount: '500.00', reference: 'GW-A' }), 200);
    // The maker may not clear the way by approving its own request.
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/waivers/GW-A/approve`, {}), 422, 'FOUR_EYES_REQUIRED');
    const rejected = accepted(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/GW-A/reject`, { reason: 'not documented' }));
    expect(await interest(loanId, rejected.position)).toBe(before);
    // Decided: the next waiver of interest is taken (here one needing approval again, which then applies alone).
    accepted(await waive(loanId, { kind: 'interest', amount: '400.00', reference: 'GW-B' }));
    const approved = accepted(await t.call(otto, 'POST', `/v1/loans/${loanId}/waivers/GW-B/approve`, {}));
    expect(before - (await interest(loanId, approved.position))).toBeCloseTo(400, 2);
  });
});
