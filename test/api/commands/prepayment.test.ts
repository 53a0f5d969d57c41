import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await verifiedCustomer(t, 'cust-pre');
});
afterAll(() => t.close());

type Rows = { rows: { number: number; principal: string; interest: string }[] };

describe('prepayment options over HTTP', () => {
  it('a product may re-amortise; a repayment may override with reduce-term, which drops the rows it no longer needs', async () => {
    const productId = await defineProduct(t, { ...PRODUCT, name: 'Re-amortising', prepaymentStrategy: 're-amortise' });
    // 12 000.00 at 12 % over 12 months from 2024-01-15: EMI 1 066.19. On the disbursement day 6 000.00 with reduce-term first pays
    // row 1, its interest on the principal left: r = 120.00 × (6 000.00 + r) ÷ 12 000.00 ⇒ r = 60.61, so 5 939.39 of principal
    // is paid and 6 060.61 is left: over 6 rows its EMI is 6 060.61 × 0.01 / (1 − 1.01⁻⁶) = 1 045.75 ≤ 1 066.19, over 5 rows
    // 1 248.73 is more. Row 1 and 6 rows remain.
    const loanId = await activeLoan(t, 'cust-pre', productId, '2024-01-15', '12000.00');
    const paid = accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, {
      amount: '6000.00', channel: 'bank_transfer', reference: 'PRE-1', effectiveDate: '2024-01-15', prepayment: 'reduce-term',
    }));
    const schedule = (await t.call(STAFF.officer, 'GET', `/v1/loans/${loanId}/schedule?minPosition=${paid.position}`)).json() as Rows;
    expect(schedule.rows).toHaveLength(7);
    const column = schedule.rows.reduce((sum, row) => sum + Math.round(Number(row.principal) * 100), 0);
    expect(column).toBe(1_200_000);
    refused(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, {
      amount: '10.00', channel: 'bank_transfer', reference: 'PRE-2', prepayment: 'skip-a-month',
    }), 400, 'VALIDATION_FAILED');
  });
});
