import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCustomerBody } from '../../../src/api/schemas/customers.js';
import { hostileCharacter } from '../../../src/api/schemas/free-text.js';
import { openTestApp, STAFF, type TestApp } from '../../support/test-app.js';
import { accepted, activeLoan, defineProduct, PRODUCT, refused, verifiedCustomer } from './journey-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await defineProduct(t, { ...PRODUCT, productId: 'p-text' });
  await verifiedCustomer(t, 'cust-text');
  await activeLoan(t, 'cust-text', 'p-text', '2026-01-15', '5000.00', 'loan-text');
});
afterAll(() => t.close());

const person = (over: Record<string, unknown> = {}) => ({ name: '张三', nationalId: 'P1234567', phone: '13800000000', ...over });

describe('free text refuses characters that hide or reorder what a reviewer reads', () => {
  it.each([
    ['a bidi override', 'Ali\u202Ece', 'U+202E'],
    ['a bidi isolate', 'Ali\u2066ce', 'U+2066'],
    ['a NUL', 'Ali\u0000ce', 'U+0000'],
    ['a newline', 'Ali\nce', 'U+000A'],
    ['a C1 control', 'Ali\u0085ce', 'U+0085'],
    ['a private-use character', 'Ali\uE000ce', 'U+E000'],
    ['an unassigned code point', 'Ali\u0378ce', 'U+0378'],
    ['a lone surrogate', 'Ali\uD800ce', 'U+D800'],
  ])('finds %s', (_what, text, codePoint) => {
    expect(hostileCharacter(text)).toBe(codePoint);
  });

  it.each(['张三', 'Zoë O’Brien-Smith', 'محمد', 'Nguyễn Văn A'])('lets %s through', (text) => {
    expect(hostileCharacter(text)).toBeNull();
  });

  it.each([
    ['a customer name', 'POST', '/v1/customers', person({ name: 'Ali\u202Ece' }), 'body.name'],
    ['an over-long name', 'POST', '/v1/customers', person({ name: 'x'.repeat(101) }), 'body.name'],
    ['an employer', 'POST', '/v1/customers/cust-text/kyc', { monthlyIncome: '1.00', employer: 'Acme\u0007', employmentMonths: 1, bankAccount: '12345678' }, 'body.employer'],
    ['a loan purpose', 'POST', '/v1/loans', { customerId: 'cust-text', productId: 'p-text', principal: '5000.00', term: 6, purpose: 'cars\u202E' }, 'body.purpose'],
    ['a waiver reason', 'POST', '/v1/loans/loan-text/waivers', { kind: 'interest', reason: 'ok\u2067' }, 'body.reason'],
    ['a product name', 'POST', '/v1/products', { ...PRODUCT, name: 'Consumer\uE000' }, 'body.name'],
    ['a holiday name', 'POST', '/v1/holidays', { date: '2026-10-08', name: 'Day\u0000off' }, 'body.name'],
  ] as const)('refuses %s with 400 naming the field, and writes nothing', async (_what, method, url, body, field) => {
    const before = await t.runtime.eventStore.headPosition();
    const res = await t.call(url.startsWith('/v1/products') || url.startsWith('/v1/holidays') ? STAFF.admin : STAFF.officer, method, url, body);
    refused(res, 400, 'VALIDATION_FAILED');
    expect(res.json<{ detail: string }>().detail).toContain(field);
    expect(await t.runtime.eventStore.headPosition()).toBe(before);
  });

  it('normalises names to NFC and trims them before they are sealed', () => {
    const body = registerCustomerBody.parse(person({ name: '  Zoe\u0301 Li ' }));
    expect(body.name).toBe('Zo\u00e9 Li');
  });
});

describe('national ids and mobile numbers', () => {
  it('checks a cn_resident national id: check character, birth date, region', async () => {
    for (const nationalId of ['110105199001011234', '11010519900230123X', '990105199001011232']) {
      const res = await t.call(STAFF.officer, 'POST', '/v1/customers', person({ nationalId, nationalIdType: 'cn_resident' }));
      refused(res, 400, 'VALIDATION_FAILED');
      expect(res.json<{ detail: string }>().detail).toMatch(/body\.nationalId: not a resident identity number/);
    }
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ customerId: 'cust-resident', nationalId: '11010519491231002X', nationalIdType: 'cn_resident' })));
  });

  it('refuses a national id another customer holds with 409, however it is spaced or cased', async () => {
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ customerId: 'cust-dup-1', nationalId: 'E12345678' })));
    const before = await t.runtime.eventStore.headPosition();
    for (const nationalId of ['E12345678', 'e1234 5678']) {
      refused(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ customerId: 'cust-dup-2', nationalId })), 409, 'NATIONAL_ID_TAKEN');
    }
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ customerId: 'cust-dup-3', nationalId: '11010519491231002x', nationalIdType: 'cn_resident' })), 409, 'NATIONAL_ID_TAKEN');
    expect(await t.runtime.eventStore.headPosition()).toBe(before);
    // The same customer again is its own conflict, not this one.
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ customerId: 'cust-dup-1', nationalId: 'E12345678' })), 409, 'CUSTOMER_EXISTS');
  });

  it('frees a national id when its customer is erased', async () => {
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ customerId: 'cust-gone', nationalId: 'G7654321' })));
    accepted(await t.call(STAFF.compliance, 'DELETE', '/v1/customers/cust-gone/pii', { reason: 'PIPL request' }));
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ customerId: 'cust-again', nationalId: 'G7654321' })));
  });

  it.each(['12345', '23800000000', '1380000000', '+1 415 555 0100', '138000000001'])('refuses %s as a mobile number', async (phone) => {
    refused(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ phone, nationalId: 'M1' })), 400, 'VALIDATION_FAILED');
  });

  it.each(['+86 138-0000-0001', '8613800000002', '138 0000 0003'])('accepts %s as a mobile number', async (phone) => {
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', person({ phone, nationalId: `M-${phone.replace(/\D/g, '')}` })));
  });
});
