import { useMutation } from '@tanstack/react-query';
import { postJson } from '../api/client';

/** POST /v1/loans/quote's answer: what the loan would cost; the server computes every figure. */
export interface LoanQuote {
  currency: string;
  principal: string;
  term: number;
  startDate: string;
  rows: { number: number; dueDate: string; principal: string; interest: string; fee: string; total: string; balance: string }[];
  netDisbursed: string;
  totalInterest: string;
  totalFees: string;
  totalRepayment: string;
  apr: string;
  aprMethod: string;
}

/** Asks the server for a quote; nothing is recorded. */
export function useQuote() {
  return useMutation({ mutationFn: (body: { productId: string; principal: string; term: number }) => postJson<LoanQuote>('/v1/loans/quote', body) });
}
