import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { residentIdProblem } from '../../../src/domain/customer/resident-id.js';
import { borrower, STAFF, type TestApp } from '../../support/test-app.js';

/** Clear PII used by the command tests; the SQLite files must never contain any of it. */
export const PII = {
  name: 'Zhang Sanfeng',
  nationalId: '110105199001011234',
  phone: '13812341234',
  email: 'zhang.sanfeng@example.com',
  bankAccount: '6222020200112345678',
};

/** 12 monthly, 12 %, no fees: the DOMAIN.md worked example's product (EMI 8 884.88 on 100 000). */
export const PRODUCT = {
  name: 'Consumer 12m',
  currency: 'CNY',
  principal: { min: '1000.00', max: '200000.00' },
  term: { min: 3, max: 24 },
  frequency: 'monthly',
  annualRate: '12',
  aprCap: '24',
  writeOffDpd: 30,
};

/** Expects a command answer with `status` and returns its body. */
export function accepted(res: { statusCode: number; body: string }, status = 201): { id: string; revision: string; position: string } {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body) as { id: string; revision: string; position: string };
}

export async function defineProduct(t: TestApp, body: object = PRODUCT): Promise<string> {
  return accepted(await t.call(STAFF.admin, 'POST', '/v1/products', body)).id;
}

/**
 * A national id of PII's shape, distinct per customer: a national id belongs to one customer (409
 * NATIONAL_ID_TAKEN). Never a valid resident identity number (one whose digits happen to pass GB
 * 11643 gets another last character), so no birth date is read from it (the age rules, QA 10 R6).
 */
export function nationalIdOf(customerId: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(customerId).digest('hex').slice(0, 12)}`).toString().padStart(8, '0').slice(-8);
  const id = `110105${digits}1234`;
  return residentIdProblem(id) === null ? `${id.slice(0, 17)}5` : id;
}

/** A self-registered borrower whose KYC compliance verified. */
export async function verifiedCustomer(t: TestApp, customerId: string, monthlyIncome = '30000.00'): Promise<void> {
  const me = borrower(customerId);
  accepted(await t.call(me, 'POST', '/v1/customers', { name: PII.name, nationalId: nationalIdOf(customerId), phone: PII.phone, email: PII.email }));
  accepted(await t.call(me, 'POST', `/v1/customers/${customerId}/kyc`, { monthlyIncome, employer: 'Acme Ltd', employmentMonths: 40, bankAccount: PII.bankAccount }));
  accepted(await t.call(STAFF.compliance, 'POST', `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' }));
}

/** Applies (as the borrower), assesses (officer), approves (underwriter); all today, or all on `approvedOn` (a loan keyed in late). Returns the loan id. */
export async function approvedLoan(t: TestApp, customerId: string, productId: string, principal = '100000.00', loanId?: string, approvedOn?: string): Promise<string> {
  const application = { customerId, productId, principal, term: 12, purpose: 'renovation', ...(loanId ? { loanId } : {}), ...(approvedOn ? { submittedOn: approvedOn } : {}) };
  const id = accepted(await t.call(borrower(customerId), 'POST', '/v1/loans', application)).id;
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${id}/assess`));
  accepted(await t.call(STAFF.underwriter, 'POST', `/v1/loans/${id}/approve`, approvedOn ? { effectiveDate: approvedOn } : {}));
  return id;
}

/** A loan approved and disbursed on `date`. */
export async function activeLoan(t: TestApp, customerId: string, productId: string, date: string, principal = '100000.00', id?: string): Promise<string> {
  const loanId = await approvedLoan(t, customerId, productId, principal, id, date);
  accepted(await t.call(STAFF.officer, 'POST', `/v1/loans/${loanId}/disburse`, { effectiveDate: date, channel: 'bank_transfer' }));
  return loanId;
}

/** Expects a problem+json answer with this status and code. */
export function refused(res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(res.body)).toMatchObject({ status, code });
}
