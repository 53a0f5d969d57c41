import { randomUUID } from 'node:crypto';
import { call, expectOk } from './http-call.js';
import type { StaffTokens } from './role-tokens.js';

/** What a fault or soak run acts on: one product, verified customers, disbursed loans. */
export interface LoanBook {
  productId: string;
  customerIds: string[];
  loanIds: string[];
}

export const PRODUCT_BODY = {
  name: 'Harness consumer loan',
  currency: 'CNY',
  principal: { min: '1000.00', max: '200000.00' },
  term: { min: 3, max: 36 },
  frequency: 'monthly',
  annualRate: '12',
  aprCap: '24',
};

/** An application for a loan the caller names, so its presence in the log can be checked by id. */
export function applicationBody(loanId: string, customerId: string, productId: string): Record<string, unknown> {
  return { loanId, customerId, productId, principal: '20000.00', term: 12, purpose: 'harness traffic' };
}

type Post = (path: string, token: string, body: unknown, what: string) => Promise<{ id: string }>;

/** Registers a verified customer with ample income, so the scorecard approves its applications. */
async function verifiedCustomer(post: Post, tokens: StaffTokens, n: number): Promise<string> {
  const { id } = await post('/v1/customers', tokens.officer, { name: `Harness Customer ${n}`, nationalId: `1101051990010${String(n).padStart(5, '0')}`, phone: '13800000000' }, 'register customer');
  await post(`/v1/customers/${id}/kyc`, tokens.officer, { monthlyIncome: '90000.00', employer: 'Harness Ltd', employmentMonths: 120, bankAccount: '6222020200112345678' }, 'submit KYC');
  await post(`/v1/customers/${id}/kyc/decision`, tokens.compliance, { decision: 'verified' }, 'verify KYC');
  return id;
}

/** Takes a loan from application to disbursement through the four-eyes path. */
async function disbursedLoan(post: Post, tokens: StaffTokens, customerId: string, productId: string): Promise<string> {
  const { id } = await post('/v1/loans', tokens.officer, applicationBody(randomUUID(), customerId, productId), 'apply');
  await post(`/v1/loans/${id}/assess`, tokens.underwriter, {}, 'assess');
  await post(`/v1/loans/${id}/approve`, tokens.underwriter, {}, 'approve');
  await post(`/v1/loans/${id}/disburse`, tokens.officer, { channel: 'bank_transfer' }, 'disburse');
  return id;
}

/** Sets up the book over HTTP; every step must answer 2xx. Loans are spread round-robin over customers. */
export async function setUpLoanBook(baseUrl: string, tokens: StaffTokens, size: { customers: number; loans: number }): Promise<LoanBook> {
  const post: Post = async (path, token, body, what) => expectOk<{ id: string }>(await call(baseUrl, 'POST', path, { token, body, timeoutMs: 30_000 }), what);
  const { id: productId } = await post('/v1/products', tokens.admin, PRODUCT_BODY, 'define product');
  const customerIds: string[] = [];
  for (let n = 0; n < size.customers; n++) customerIds.push(await verifiedCustomer(post, tokens, n));
  const loanIds: string[] = [];
  for (let n = 0; n < size.loans; n++) loanIds.push(await disbursedLoan(post, tokens, customerIds[n % customerIds.length]!, productId));
  return { productId, customerIds, loanIds };
}
