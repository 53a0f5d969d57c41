import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { borrower, openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { call, command, defineProduct, PERSONAL, disbursedLoan, read, repay, useBusinessClock, verifiedCustomer } from './journey.js';

let t: TestApp;
let head: string;

beforeAll(async () => {
  useBusinessClock();
  t = await openTestApp();
  await defineProduct(t);
  // Dearer, but lends more: ranked after personal-12.
  // From 6 months: its 1 % fee over 3 months would put the APR above the 24 % cap (24.17 %).
  await defineProduct(t, { productId: 'premium-18', name: 'Premium 18', annualRate: '18', principal: { min: '1000.00', max: '100000.00' }, term: { min: 6, max: 24 } });
  // Cheapest, but its smallest loan needs a large income.
  await defineProduct(t, { productId: 'jumbo-8', name: 'Jumbo 8', annualRate: '8', principal: { min: '400000.00', max: '500000.00' }, term: { min: 12, max: 36 } });
  await defineProduct(t, { productId: 'old-10', name: 'Old 10', annualRate: '10' });
  await command(t, STAFF.admin, 'POST', '/v1/products/old-10/retire', { reason: 'replaced' });
  await verifiedCustomer(t, 'c1');
  await verifiedCustomer(t, 'poor', '60.00');
  head = await disbursedLoan(t, 'l1', 'c1');
  await t.caughtUp(head);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('GET /v1/customers/:id', () => {
  it('shows the account centre with masked PII, KYC status, loans and totals', async () => {
    const account = await read(t, borrower('c1'), '/v1/customers/c1');
    expect(account).toMatchObject({
      id: 'c1',
      profile: { name: 'Z**** S**', nationalId: '110***********1234', phone: '138****1234', email: 'z***@example.com' },
      kycStatus: 'verified',
      kyc: { monthlyIncome: '20000.00', bankAccount: '****5678' },
      erased: false,
      loans: [{ loanId: 'l1', status: 'active', currency: 'CNY', principal: '3000.00', outstanding: '3060.20', nextDue: { date: '2026-02-15', amount: '1020.07' } }],
      totals: [{ currency: 'CNY', loans: 1, open: 1, principal: '3000.00', outstanding: '3060.20' }],
    });
    expect(JSON.stringify(account)).not.toContain('Zhang');
  });

  it('answers 404 to another borrower and for an unknown customer', async () => {
    expect((await call(t, borrower('poor'), 'GET', '/v1/customers/c1')).statusCode).toBe(404);
    expect((await call(t, STAFF.officer, 'GET', '/v1/customers/nobody')).statusCode).toBe(404);
  });

  it('shows [erased] everywhere once the key is destroyed, balances intact', async () => {
    await verifiedCustomer(t, 'gone');
    await disbursedLoan(t, 'lg', 'gone');
    // Not while the loan runs (the identity is needed to perform it): repaid the day it was paid out, it closes.
    expect((await call(t, STAFF.compliance, 'DELETE', '/v1/customers/gone/pii', { reason: 'PIPL request' })).statusCode).toBe(409);
    await repay(t, 'lg', 'gone', '3000.00', '2026-01-15', 'r-gone');
    const position = await command(t, STAFF.compliance, 'DELETE', '/v1/customers/gone/pii', { reason: 'PIPL request' });
    const account = await read(t, STAFF.compliance, `/v1/customers/gone?minPosition=${position}`);
    expect(account).toMatchObject({
      erased: true, profile: { name: '[erased]', nationalId: '[erased]', phone: '[erased]', email: '[erased]' }, kyc: { bankAccount: '[erased]' },
      totals: [{ principal: '3000.00', outstanding: '0.00' }],
    });
    const history = await read<{ borrower: Record<string, string> }>(t, STAFF.compliance, '/v1/loans/lg/history');
    expect(Object.values(history.borrower)).toEqual(Array(5).fill('[erased]'));
  });
});

describe('GET /v1/products', () => {
  const ids = (body: { items: { id: string }[] }) => body.items.map((p) => p.id);

  it('lists products on sale in id order; retired ones only when asked for', async () => {
    expect(ids(await read(t, borrower('c1'), '/v1/products'))).toEqual(['jumbo-8', 'personal-12', 'premium-18']);
    expect(ids(await read(t, STAFF.admin, '/v1/products?includeRetired=true'))).toEqual(['jumbo-8', 'old-10', 'personal-12', 'premium-18']);
  });

  it('filters to what the customer qualifies for', async () => {
    expect(ids(await read(t, borrower('c1'), '/v1/products?customerId=c1'))).toEqual(['personal-12', 'premium-18']);
    expect(ids(await read(t, STAFF.officer, '/v1/products?customerId=poor'))).toEqual([]);
    expect((await call(t, borrower('c1'), 'GET', '/v1/products?customerId=poor')).statusCode).toBe(404);
    expect((await call(t, STAFF.officer, 'GET', '/v1/products?customerId=nobody')).statusCode).toBe(404);
  });

  it('shows the newest version after an amendment', async () => {
    const position = await command(t, STAFF.admin, 'POST', '/v1/products/premium-18/amend', { ...PERSONAL, productId: undefined, name: 'Premium 16', annualRate: '16', principal: { min: '1000.00', max: '100000.00' } });
    expect(await read(t, borrower('c1'), `/v1/products/premium-18?minPosition=${position}`)).toMatchObject({ version: 2, retired: false, terms: { name: 'Premium 16', annualRate: '16' } });
  });

  it('reads one product with its terms, 404 when unknown', async () => {
    const product = await read(t, borrower('c1'), '/v1/products/old-10');
    expect(product).toMatchObject({ id: 'old-10', version: 1, retired: true, terms: { annualRate: '10', principal: { min: '1000.00', max: '50000.00' } } });
    expect((await call(t, borrower('c1'), 'GET', '/v1/products/nope')).statusCode).toBe(404);
  });

  it('recommends qualifying products cheapest first', async () => {
    const body = await read<{ customerId: string; items: { id: string }[] }>(t, borrower('c1'), '/v1/products/recommended?customerId=c1');
    expect(body.customerId).toBe('c1');
    expect(ids(body)).toEqual(['personal-12', 'premium-18']);
    expect((await call(t, borrower('c1'), 'GET', '/v1/products/recommended?customerId=poor')).statusCode).toBe(404);
    expect((await call(t, borrower('c1'), 'GET', '/v1/products/recommended')).statusCode).toBe(400);
    expect((await call(t, STAFF.compliance, 'GET', '/v1/products/recommended?customerId=c1')).statusCode).toBe(403);
  });
});
