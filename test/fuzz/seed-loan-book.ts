import { expect } from 'vitest';
import { STAFF, type Caller, type TestApp } from '../support/test-app.js';

/** Ids of real entities, so some hostile requests get past the 404s into the command handlers. */
export interface SeededIds {
  productId: string;
  customerId: string;
  loanId: string;
  all: string[];
}

/** A product, a verified customer and a disbursed loan, made through the API (each step must answer 2xx). */
export async function seedLoanBook(t: TestApp): Promise<SeededIds> {
  const post = async (caller: Caller, url: string, body: unknown): Promise<string> => {
    const response = await t.call(caller, 'POST', url, body);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return (response.json() as { id: string }).id;
  };
  const productId = await post(STAFF.admin, '/v1/products', {
    name: 'Fuzz loan', currency: 'CNY', principal: { min: '1000.00', max: '50000.00' }, term: { min: 3, max: 24 }, frequency: 'monthly', annualRate: '12', aprCap: '24',
  });
  const customerId = await post(STAFF.officer, '/v1/customers', { name: 'Fuzz Target', nationalId: '110105199001011234', phone: '13800000000' });
  await post(STAFF.officer, `/v1/customers/${customerId}/kyc`, { monthlyIncome: '90000.00', employer: 'Acme', employmentMonths: 120, bankAccount: '6222020200112345678' });
  await post(STAFF.compliance, `/v1/customers/${customerId}/kyc/decision`, { decision: 'verified' });
  const loanId = await post(STAFF.officer, '/v1/loans', { customerId, productId, principal: '10000.00', term: 12, purpose: 'fuzzing' });
  await post(STAFF.underwriter, `/v1/loans/${loanId}/assess`, {});
  await post(STAFF.underwriter, `/v1/loans/${loanId}/approve`, {});
  await post(STAFF.officer, `/v1/loans/${loanId}/disburse`, { channel: 'bank_transfer' });
  return { productId, customerId, loanId, all: [productId, customerId, loanId, 'does-not-exist'] };
}
