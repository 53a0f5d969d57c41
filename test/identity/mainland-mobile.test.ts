import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalMobile } from '../../src/domain/customer/mainland-mobile.js';
import { normaliseLogin } from '../../src/identity/users.js';
import { profileTerms, queryTerms } from '../../src/vault/blind-index-terms.js';
import { accepted } from '../api/commands/journey-steps.js';
import { openTestApp, STAFF, type TestApp } from '../support/test-app.js';
import { codeFromOutbox, post, STRONG_PASSWORD } from './identity-steps.js';

/** An 11-digit mainland mobile. */
const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`);
const separator = fc.constantFrom('', ' ', '-', '.');
/** One way a person writes `national`: with or without a country code, grouped 3-4-4 with any separators. */
const spelling = (national: string) =>
  fc.tuple(fc.constantFrom('', '+86', '86', '0086', '+86 ', '0086 '), separator, separator).map(([prefix, a, b]) => `${prefix}${national.slice(0, 3)}${a}${national.slice(3, 7)}${b}${national.slice(7)}`);
const phoneTerms = (terms: { field: string; value: string }[]) => terms.filter((t) => t.field === 'phone').map((t) => t.value);

describe('one mainland mobile, one key', () => {
  it('reduces every spelling of a number to its national form: login key, indexed term and searched term', () => {
    fc.assert(fc.property(mobile.chain((n) => fc.tuple(fc.constant(n), spelling(n), spelling(n))), ([national, typed, searched]) => {
      expect(nationalMobile(typed)).toBe(national);
      expect(normaliseLogin(typed)).toBe(national);
      expect(phoneTerms(profileTerms({ name: 'x', nationalId: 'X1', phone: typed }))).toEqual([national]);
      expect(phoneTerms(queryTerms(searched))).toContain(national);
      // A profile indexed by the old normaliser (digits only) is still found by any spelling.
      expect(phoneTerms(queryTerms(searched))).toContain(typed.replace(/\D/g, ''));
    }));
  });

  it('is not fooled by numbers that are not mainland mobiles', () => {
    for (const text of ['12800002566', '1380000256', '138000025666', '+85213800002566', '8713800002566', '+86 138 0000 256', 'ada']) expect(nationalMobile(text)).toBeNull();
  });
});

describe('through the API', () => {
  let t: TestApp;
  beforeAll(async () => (t = await openTestApp()));
  afterAll(() => t.close());

  it('finds a customer by phone however either side wrote it', async () => {
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId: 'm1', name: '赵六', nationalId: '110105199001011234', phone: '+86 138-0000-2566' }));
    accepted(await t.call(STAFF.officer, 'POST', '/v1/customers', { customerId: 'm2', name: '钱七', nationalId: '110105199001015678', phone: '139 0000 2566' }));
    await t.caughtUp(await t.runtime.eventStore.headPosition());
    for (const [q, id] of [['13800002566', 'm1'], ['+8613800002566', 'm1'], ['0086 138 0000 2566', 'm1'], ['8613900002566', 'm2'], ['139-0000-2566', 'm2']] as const) {
      const res = await t.call(STAFF.officer, 'GET', `/v1/customers?q=${encodeURIComponent(q)}`);
      expect(res.json<{ items: { id: string }[] }>().items.map((c) => c.id), q).toEqual([id]);
    }
  });

  it('opens one borrower account per mobile: the other spellings get the owner a notice, and any spelling logs in', async () => {
    for (const phone of ['13800131356', '+8613800131356', '86 138 0013 1356']) expect((await post(t, '/v1/auth/register', { phone, password: STRONG_PASSWORD })).statusCode).toBe(202);
    const mailbox = t.runtime.identity.outbox.list({ limit: 10 });
    expect(new Set(mailbox.map((m) => m.recipient))).toEqual(new Set(['13800131356']));
    const verified = await post(t, '/v1/auth/verify', { login: '+86 138 0013 1356', code: codeFromOutbox(t, '13800131356'), password: STRONG_PASSWORD, name: '孙八', nationalId: '110105199001019999' });
    expect(verified.statusCode, verified.body).toBe(201);
    for (const login of ['13800131356', '+86 138-0013-1356', '008613800131356']) {
      expect((await post(t, '/v1/auth/login', { login, password: STRONG_PASSWORD })).statusCode, login).toBe(200);
    }
  });

  it('still finds an account whose login was stored with the country code before logins had a national form', async () => {
    const { identity } = t.runtime;
    const existing = identity.users.byLogin('13800131356');
    if (existing === null) throw new Error('the borrower of the previous test is missing');
    identity.users.insert({ ...existing, id: 'legacy-user', login: '+8613700131356', customerId: 'legacy-customer' });
    expect((await post(t, '/v1/auth/login', { login: '137 0013 1356', password: STRONG_PASSWORD })).statusCode).toBe(200);
    expect((await post(t, '/v1/auth/register', { phone: '13700131356', password: STRONG_PASSWORD })).statusCode).toBe(202);
    expect(identity.outbox.list({ recipient: '13700131356', limit: 1 })[0]?.subject).toBe('Registration attempt');
  });
});
