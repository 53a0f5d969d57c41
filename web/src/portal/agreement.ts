import { useMutation } from '@tanstack/react-query';
import { postJson } from '../api/client';

/** POST /v1/loans/agreement's document (the LoanAgreement schema): every figure is the server's decimal string. */
export interface LoanAgreementDocument {
  format: string;
  lender: string;
  borrower: { customerId: string };
  product: { id: string; version: number; name: string };
  currency: string;
  principal: string;
  term: number;
  frequency: 'monthly' | 'biweekly' | 'weekly';
  annualRate: string;
  interestMethod: string;
  amortization: string;
  apr: string;
  aprMethod: string;
  fees: { kind: string; type: string; value: string }[];
  originationFees: { kind: string; amount: string }[];
  startDate: string;
  firstRepaymentDate: string | null;
  schedule: { number: number; dueDate: string; principal: string; interest: string; fee: string; total: string; balance: string }[];
  netDisbursed: string;
  totalInterest: string;
  totalFees: string;
  totalCost: string;
  totalRepayment: string;
}

export interface RenderedAgreement {
  document: LoanAgreementDocument;
  /** The exact bytes the server hashed (canonical JSON). */
  canonical: string;
  /** SHA-256 of `canonical`, hex: what the application sends back once accepted. */
  hash: string;
}

/** Asks the server to render the agreement for these terms (nothing is recorded). */
export function useAgreement() {
  return useMutation({
    mutationFn: (body: { productId: string; principal: string; term: number }) => postJson<RenderedAgreement>('/v1/loans/agreement', body),
  });
}
