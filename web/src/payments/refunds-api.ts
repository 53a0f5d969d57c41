import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { ApiRequest, ApiResponse } from '../api/schema';

/** GET /v1/loans/:id/refunds: the server's figures (credit, held by pending payouts, free to refund) and every payout. */
export type RefundDesk = ApiResponse<'payments.loanRefundPayouts'>;

/** A refund payout as GET /v1/payouts/:id shows it. */
export type Payout = ApiResponse<'payments.getPayout'>;
export type PayoutChannel = Payout['channel'];

/** POST /v1/loans/:id/refunds's answer: the payout started and, for a provider, the page that pays it. */
export type StartedPayout = ApiResponse<'payments.startRefundPayout'>;

export type RefundRequest = ApiRequest<'payments.startRefundPayout'>;

const deskKey = (loanId: string) => ['refund-desk', loanId];
const POLL_MS = 2000;

/** The loan's refund desk, polled while a payout is pending (a channel settles it on its own). */
export function useRefundDesk(loanId: string) {
  return useQuery({
    queryKey: deskKey(loanId),
    queryFn: () => getJson<RefundDesk>(`/v1/loans/${encodeURIComponent(loanId)}/refunds`),
    refetchInterval: (query) => (query.state.data?.items.some((p) => p.status === 'pending') ? POLL_MS : false),
  });
}

/** POST /v1/loans/:id/refunds: starts a payout; the loan changes only when the channel confirms it. */
export function useStartRefund(loanId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RefundRequest) => postJson<StartedPayout>(`/v1/loans/${encodeURIComponent(loanId)}/refunds`, body),
    onSettled: () => client.invalidateQueries({ queryKey: deskKey(loanId) }),
  });
}

/** POST /v1/payouts/:id/confirmation or /failure: an officer settles a bank-transfer payout. */
export function useSettleBankPayout(loanId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; bankReference: string } | { id: string; reason: string }) =>
      postJson(`/v1/payouts/${encodeURIComponent(id)}/${'bankReference' in body ? 'confirmation' : 'failure'}`, body),
    onSettled: () => client.invalidateQueries({ queryKey: deskKey(loanId) }),
  });
}

/** POST /v1/payouts/:id/status-query or /cancellation: the provider's answer, recorded by the server. */
export type CheckedPayout = ApiResponse<'payments.queryPayout'>;

/** An officer follows up a pending provider payout: asks the provider where it stands, or cancels it to pay the credit again. */
export function useFollowUpPayout(loanId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; action: 'query' } | { id: string; action: 'cancel'; reason: string }) =>
      postJson<CheckedPayout>(`/v1/payouts/${encodeURIComponent(id)}/${body.action === 'query' ? 'status-query' : 'cancellation'}`, body.action === 'query' ? {} : { reason: body.reason }),
    onSettled: () => client.invalidateQueries({ queryKey: deskKey(loanId) }),
  });
}

/** POST /v1/payouts/:id/approval's answer: the payout sent, and for a provider the page that pays it. */
export type ApprovedPayout = ApiResponse<'payments.approvePayout'>;

/**
 * Four eyes on money out: a second officer approves a payout waiting for approval (the server sends
 * it then, and refuses its maker), or rejects it with a reason (nothing is sent, its credit is free).
 */
export function useDecidePayout(loanId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; action: 'approve' } | { id: string; action: 'reject'; reason: string }) =>
      (body.action === 'approve'
        ? postJson<ApprovedPayout>(`/v1/payouts/${encodeURIComponent(id)}/approval`, {})
        : postJson<ApprovedPayout | null>(`/v1/payouts/${encodeURIComponent(id)}/rejection`, { reason: body.reason }).then(() => null)),
    onSettled: () => client.invalidateQueries({ queryKey: deskKey(loanId) }),
  });
}
