import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect, vi } from 'vitest';
import { mintToken } from '../../../src/api/auth/token.js';
import { borrower, STAFF, type Caller, type TestApp } from '../../support/test-app.js';
import { nationalIdOf } from '../commands/journey-steps.js';

/**
 * The journey moves the (faked) Date to each step's business day, so every event's business time
 * is the day it happened, as in production. Tokens are minted once, before 2026, valid for years,
 * so moving the clock never makes them expire or lie in the future.
 */
export function useBusinessClock(): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
}

export function businessDay(date: string): void {
  vi.setSystemTime(new Date(`${date}T10:00:00.000Z`));
}

/**
 * `app.inject` on any app sharing the test app's JWT secret, as the caller (null: anonymous), with
 * a token minted at the (possibly faked) current time: tests move the clock across business days,
 * and tokens may not outlive LENDCORE_TOKEN_MAX_TTL.
 */
export async function callApp(
  t: TestApp, app: FastifyInstance, caller: Caller | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown,
): Promise<LightMyRequestResponse> {
  const secret = t.runtime.config.jwtSecret;
  if (!secret) throw new Error('the test app runs with LENDCORE_JWT_SECRET');
  let headers: Record<string, string> = {};
  if (caller) {
    const token = await mintToken({ ...caller, ttl: '1h' }, secret, new Date());
    headers = { authorization: `Bearer ${token}` };
  }
  return app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
}

/** `callApp` on the test app's own runtime. */
export function call(t: TestApp, caller: Caller | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return callApp(t, t.runtime.app, caller, method, url, body);
}

/** A product a 20 000 income easily qualifies for: 12 %, monthly, equal installments, 1 % origination fee. */
export const PERSONAL = {
  productId: 'personal-12', name: 'Personal 12', currency: 'CNY', principal: { min: '1000.00', max: '50000.00' }, term: { min: 3, max: 24 },
  frequency: 'monthly', annualRate: '12', fees: [{ kind: 'origination', type: 'percent', value: '1' }], aprCap: '24',
};

export const CUSTOMER = { name: 'Zhang San', nationalId: '110105199001011234', phone: '13812341234', email: 'zhang.san@example.com' };
export const BANK_ACCOUNT = '6222020200112345678';

/** Sends a command and returns its position; fails the test with the problem body on any non-2xx. */
export async function command(t: TestApp, caller: Caller, method: 'POST' | 'DELETE', url: string, body?: unknown): Promise<string> {
  const response = await call(t, caller, method, url, body);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return (response.json() as { position: string }).position;
}

/** A read that must succeed, as JSON. */
export async function read<T = Record<string, unknown>>(t: TestApp, caller: Caller, url: string): Promise<T> {
  const response = await call(t, caller, 'GET', url);
  expect(response.statusCode, `GET ${url}: ${response.body}`).toBe(200);
  return response.json() as T;
}

export async function defineProduct(t: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  businessDay('2026-01-02');
  return command(t, STAFF.admin, 'POST', '/v1/products', { ...PERSONAL, ...overrides });
}

/** Registers a customer and gets its KYC verified, declaring `monthlyIncome`. */
export async function verifiedCustomer(t: TestApp, customerId: string, monthlyIncome = '20000.00'): Promise<string> {
  businessDay('2026-01-05');
  // A national id belongs to one customer: each gets its own, of CUSTOMER's shape.
  await command(t, STAFF.officer, 'POST', '/v1/customers', { customerId, ...CUSTOMER, nationalId: nationalIdOf(customerId) });
  await command(t, STAFF.officer, 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome, employer: 'Acme Ltd', employmentMonths: 30, bankAccount: BANK_ACCOUNT });
  return command(t, STAFF.compliance, 'POST', `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' });
}

/** A 3 000.00, 3-month loan applied for on 2026-01-10 and disbursed on 2026-01-15 (1 020.07 due on the 15th of Feb and Mar, 1 020.06 in Apr). */
export async function disbursedLoan(t: TestApp, loanId: string, customerId: string): Promise<string> {
  businessDay('2026-01-10');
  await command(t, borrower(customerId), 'POST', '/v1/loans', { loanId, customerId, productId: PERSONAL.productId, principal: '3000.00', term: 3, purpose: 'car repair' });
  await command(t, STAFF.officer, 'POST', `/v1/loans/${loanId}/assess`, {});
  await command(t, STAFF.underwriter, 'POST', `/v1/loans/${loanId}/approve`, {});
  businessDay('2026-01-15');
  return command(t, STAFF.officer, 'POST', `/v1/loans/${loanId}/disburse`, { effectiveDate: '2026-01-15', channel: 'bank_transfer' });
}

export async function repay(t: TestApp, loanId: string, customerId: string, amount: string, effectiveDate: string, reference: string): Promise<string> {
  businessDay(effectiveDate);
  return command(t, STAFF.officer, 'POST', `/v1/loans/${loanId}/repayments`, { amount, channel: 'alipay', reference, effectiveDate });
}
