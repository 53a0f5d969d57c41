import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reference } from '../../../src/api/schemas/common.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, refused, verifiedCustomer } from './journey-steps.js';

// QA 10 R2: a reference "." or ".." was recorded, but its reversal URL lost the segment in every browser and fetch client.
let t: TestApp;
let loanId: string;
beforeAll(async () => {
  t = await openTestApp();
  const productId = await defineProduct(t);
  await verifiedCustomer(t, 'cust-dots');
  loanId = await activeLoan(t, 'cust-dots', productId, '2026-01-15', '10000.00');
});
afterAll(() => t.close());

/** What the WHATWG URL parser (fetch, browsers) keeps of `…/repayments/<encoded reference>/reversal`. */
const survivesUrl = (ref: string) => new URL(`https://lender.example.com/v1/loans/L/repayments/${encodeURIComponent(ref)}/reversal`).pathname.split('/').length === 7;

describe('repayment references', () => {
  it('property: of the charset, a reference is refused exactly when it is only dots, and every accepted one keeps its own segment in the reversal URL', () => {
    const char = fc.constantFrom(...'.Aa9_:/-'.split(''), '.', '.');
    fc.assert(fc.property(fc.array(char, { minLength: 1, maxLength: 6 }).map((cs) => cs.join('')), (ref) => {
      const ok = reference.safeParse(ref).success;
      expect(ok).toBe(!/^\.+$/.test(ref));
      if (ok) expect(survivesUrl(ref)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('refuses "." and ".." at the edge with 400 naming the reference, recording nothing; a reference with dots and more is recorded and reversible', async () => {
    const head = await t.runtime.eventStore.headPosition();
    for (const ref of ['.', '..', '...']) {
      const res = await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '1.00', channel: 'online', reference: ref });
      refused(res, 400, 'VALIDATION_FAILED');
      expect((JSON.parse(res.body) as { detail: string }).detail).toContain('reference');
    }
    expect(await t.runtime.eventStore.headPosition()).toBe(head);
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount: '1.00', channel: 'online', reference: 'a..b' }));
    accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments/${encodeURIComponent('a..b')}/reversal`, { reason: 'keyed twice' }));
  });

  it('refuses a bank statement whose bank_txn_id (the reference it is recorded under) is only dots', async () => {
    const body = ['bank_txn_id,date,amount,currency,memo,balance', '..,2026-02-10,10.00,CNY,memo,10'].join('\r\n');
    refused(await t.call(STAFF.officer, 'POST', '/v1/payments/bank-statements', body, { 'content-type': 'text/csv' }), 400, 'STATEMENT_INVALID');
  });
});
