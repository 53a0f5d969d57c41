import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson, postText } from '../api/client';
import type { ApiResponse, Schema } from '../api/schema';

export type StatementFormat = 'csv' | 'mt940';

/** POST /v1/payments/bank-statements's answer: the server's counts and every line's outcome. */
export type ImportedStatement = Schema<'ImportedStatement'>;

/** A statement line waiting in the suspense queue (GET /v1/payments/suspense). */
export type SuspenseLine = Schema<'SuspensePage'>['items'][number];

const SUSPENSE = ['payment-suspense'];

/** Uploads a statement's text; CSV as text/csv, MT940 as text/plain with ?format=mt940. */
export function useImportStatement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ text, format }: { text: string; format: StatementFormat }) =>
      postText<ImportedStatement>('/v1/payments/bank-statements', text, format === 'csv' ? 'text/csv' : 'text/plain', { format }),
    onSuccess: () => client.invalidateQueries({ queryKey: SUSPENSE }),
  });
}

/** The open suspense lines, one page; `minPosition` waits for the projection to include a write just made. */
export function useSuspense(cursor: string | undefined, minPosition: string | undefined) {
  return useQuery({
    queryKey: [...SUSPENSE, cursor, minPosition],
    queryFn: () => getJson<ApiResponse<'payments.suspense'>>('/v1/payments/suspense', { cursor, minPosition }),
  });
}

/** POST /v1/payments/suspense/:lineId/assign: records the line as the loan's repayment. */
export function useAssignLine() {
  return useMutation({
    mutationFn: ({ lineId, loanId }: { lineId: string; loanId: string }) =>
      postJson<ApiResponse<'payments.assignSuspense'>>(`/v1/payments/suspense/${encodeURIComponent(lineId)}/assign`, { loanId }),
  });
}
