import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson, postText } from '../api/client';
import type { Page } from '../search/api';

export type StatementFormat = 'csv' | 'mt940';

/** POST /v1/payments/bank-statements's answer: the server's counts and every line's outcome. */
export interface ImportedStatement {
  statementId: string;
  imported: boolean;
  matched: number;
  suspended: number;
  duplicates: number;
  skippedDebits: number;
  lines: { bankTxnId: string; outcome: 'matched' | 'suspended' | 'duplicate'; loanId: string | null; reason: string | null }[];
  position: string;
}

/** A statement line waiting in the suspense queue (GET /v1/payments/suspense). */
export interface SuspenseLine {
  id: string;
  bankTxnId: string;
  date: string;
  amount: string;
  currency: string;
  memo: string;
  reason: string;
  status: 'open' | 'assigned' | 'matched';
}

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
    queryFn: () => getJson<Page<SuspenseLine>>('/v1/payments/suspense', { cursor, minPosition }),
  });
}

/** POST /v1/payments/suspense/:lineId/assign: records the line as the loan's repayment. */
export function useAssignLine() {
  return useMutation({
    mutationFn: ({ lineId, loanId }: { lineId: string; loanId: string }) =>
      postJson<{ id: string; position: string }>(`/v1/payments/suspense/${encodeURIComponent(lineId)}/assign`, { loanId }),
  });
}
