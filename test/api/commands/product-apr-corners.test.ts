import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, PRODUCT, refused } from './journey-steps.js';

let t: TestApp;
beforeAll(async () => (t = await openTestApp()));
afterAll(() => t.close());

// 12 % under a 24 % cap is fine on 200 000.00 over 24 months; a fixed 50.00 fee makes 1 000.00 over 3 months cost about 32 %.
const withFixedFee = { ...PRODUCT, fees: [{ kind: 'origination', type: 'fixed', value: '50.00' }] };

describe('POST /v1/products checks the APR cap at every corner of principal × term', () => {
  it('refuses with 422 naming the corner that breaks the cap and its APR, and records nothing', async () => {
    const before = await t.runtime.eventStore.headPosition();
    const res = await t.call(STAFF.admin, 'POST', '/v1/products', withFixedFee);
    refused(res, 422, 'APR_CAP_EXCEEDED');
    expect(res.json<{ detail: string }>().detail).toMatch(/^APR (\d+\.\d\d) % \(irr-nominal\) at principal 1000\.00 over 3 periods exceeds the product's cap of 24 %$/);
    expect(await t.runtime.eventStore.headPosition()).toBe(before);
  });

  it('refuses an amendment that moves a corner over the cap', async () => {
    const id = accepted(await t.call(STAFF.admin, 'POST', '/v1/products', PRODUCT)).id;
    refused(await t.call(STAFF.admin, 'POST', `/v1/products/${id}/amend`, withFixedFee), 422, 'APR_CAP_EXCEEDED');
  });

  it('accepts the fee once the smallest loan can carry it', async () => {
    accepted(await t.call(STAFF.admin, 'POST', '/v1/products', { ...withFixedFee, principal: { min: '5000.00', max: '200000.00' }, term: { min: 6, max: 24 } }));
  });
});
