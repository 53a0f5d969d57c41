import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, defineProduct, PRODUCT, refused, verifiedCustomer } from '../commands/journey-steps.js';

let t: TestApp;
const ME = 'cust-agree';
const FEES = { ...PRODUCT, productId: 'agree-fees', fees: [{ kind: 'origination', type: 'percent', value: '1' }] };
const terms = { productId: 'agree-fees', principal: '12000.00', term: 12 };

interface Rendered {
  document: { borrower: { customerId: string }; product: { id: string; version: number }; apr: string; annualRate: string; totalInterest: string; totalFees: string; totalCost: string; schedule: unknown[]; originationFees: { amount: string }[] };
  canonical: string;
  hash: string;
}

beforeAll(async () => {
  t = await openTestApp();
  await defineProduct(t, FEES);
  await verifiedCustomer(t, ME);
});
afterAll(() => t.close());

const render = async (body: object = terms, caller = borrower(ME)) => {
  const res = await t.call(caller, 'POST', '/v1/loans/agreement', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Rendered;
};
const apply = (agreement: object, extra: object = {}) =>
  t.call(borrower(ME), 'POST', '/v1/loans', { ...terms, purpose: 'study', agreement, ...extra });
const now = () => new Date().toISOString();

describe('POST /v1/loans/agreement and the accepted agreement on the application', () => {
  it('renders the agreement from the quote, hashed over its canonical JSON, recording nothing', async () => {
    const head = await t.runtime.eventStore.headPosition();
    const rendered = await render();
    expect(rendered.hash).toBe(createHash('sha256').update(rendered.canonical, 'utf8').digest('hex'));
    expect(JSON.parse(rendered.canonical)).toEqual(rendered.document);
    const quote = (await t.call(borrower(ME), 'POST', '/v1/loans/quote', terms)).json() as { apr: string; totalInterest: string; totalFees: string; rows: unknown[] };
    expect(rendered.document).toMatchObject({
      borrower: { customerId: ME }, product: { id: 'agree-fees', version: 1 }, annualRate: '12', apr: quote.apr,
      totalInterest: quote.totalInterest, totalFees: quote.totalFees, originationFees: [{ amount: '120.00' }],
    });
    expect(rendered.document.totalFees).not.toBe('0.00');
    expect(rendered.document.schedule).toHaveLength(12);
    expect(await render()).toEqual(rendered);
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
  });

  it('puts the hash and the acceptance time into LoanApplicationSubmitted when they match a fresh rendering', async () => {
    const { hash } = await render();
    const acceptedAt = now();
    const { id } = accepted(await apply({ hash, acceptedAt }));
    const [submitted] = await t.runtime.eventStore.readStream(`loan-${id}`);
    expect(submitted?.type).toBe('LoanApplicationSubmitted');
    expect((submitted?.data as { agreement?: unknown }).agreement).toEqual({ hash, acceptedAt });
  });

  it('refuses an agreement that is not the one for this application (422 AGREEMENT_MISMATCH), and an impossible acceptance time', async () => {
    const { hash } = await render();
    refused(await apply({ hash, acceptedAt: now() }, { principal: '12000.01' }), 422, 'AGREEMENT_MISMATCH');
    refused(await apply({ hash: 'a'.repeat(64), acceptedAt: now() }), 422, 'AGREEMENT_MISMATCH');
    refused(await apply({ hash, acceptedAt: new Date(Date.now() + 3_600_000).toISOString() }), 422, 'AGREEMENT_TIME_INVALID');
    refused(await apply({ hash, acceptedAt: '2020-01-01T00:00:00Z' }), 422, 'AGREEMENT_TIME_INVALID');
    for (const bad of [{ hash: 'ABC', acceptedAt: now() }, { hash, acceptedAt: 'yesterday' }, { hash }, { hash, acceptedAt: now(), by: 'me' }]) {
      expect((await apply(bad)).statusCode).toBe(400);
    }
  });

  it('hides another customer\'s agreement from a borrower and wants staff to name the customer', async () => {
    refused(await t.call(borrower('someone-else'), 'POST', '/v1/loans/agreement', { ...terms, customerId: ME }), 404, 'NOT_FOUND');
    refused(await t.call(STAFF.officer, 'POST', '/v1/loans/agreement', terms), 400, 'CUSTOMER_ID_REQUIRED');
    expect((await render({ ...terms, customerId: ME }, STAFF.officer)).document.borrower.customerId).toBe(ME);
    refused(await t.call(borrower(ME), 'POST', '/v1/loans/agreement', { ...terms, principal: '999999999.00' }), 422, 'AMOUNT_OUT_OF_RANGE');
  });
});
