import { randomUUID } from 'node:crypto';
import { applicationBody, type LoanBook } from './loan-book-setup.js';
import type { StaffTokens } from './role-tokens.js';

/** One valid request of the soak mix. */
export interface SoakRequest {
  kind: 'repayment' | 'application' | 'loan-query' | 'customer-query';
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: unknown;
}

/**
 * The n-th request of the mix: half repayments (small, unique references, so no loan pays off
 * during a run), a tenth applications, the rest loan and customer queries.
 */
export function mixedRequest(book: LoanBook, tokens: StaffTokens, n: number): SoakRequest {
  const slot = n % 10;
  const loanId = book.loanIds[n % book.loanIds.length]!;
  const customerId = book.customerIds[n % book.customerIds.length]!;
  if (slot < 5) {
    const body = { amount: '1.00', channel: 'online', reference: `soak-${n}-${randomUUID().slice(0, 8)}` };
    return { kind: 'repayment', method: 'POST', path: `/v1/loans/${loanId}/repayments`, token: tokens.officer, body };
  }
  if (slot === 5) return { kind: 'application', method: 'POST', path: '/v1/loans', token: tokens.officer, body: applicationBody(randomUUID(), customerId, book.productId) };
  if (slot < 9) return { kind: 'loan-query', method: 'GET', path: `/v1/loans/${loanId}`, token: tokens.officer };
  return { kind: 'customer-query', method: 'GET', path: `/v1/customers/${customerId}`, token: tokens.officer };
}
