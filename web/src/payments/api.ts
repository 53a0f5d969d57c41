import { useMutation, useQuery } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { ApiRequest, ApiResponse, Schema } from '../api/schema';

/** POST /v1/loans/:id/payment-intents's answer: the intent and what the borrower does next to pay (open a page, scan a code, or hand an order string to the Alipay app). */
export type CreatedIntent = ApiResponse<'payments.createIntent'>;
/** What the payer does while the intent is pending (the answer's action is null only for a replayed Idempotency-Key's closed intent). */
export type PaymentAction = NonNullable<CreatedIntent['action']>;

/** GET /v1/payment-intents/:id: where the payment stands. */
export type IntentView = Schema<'PaymentIntent'>;

/** POST /v1/loans/:id/payment-intents: starts a payment; nothing is recorded until the channel confirms it. */
export function useCreateIntent(loanId: string) {
  return useMutation({
    mutationFn: (body: ApiRequest<'payments.createIntent'>) =>
      postJson<CreatedIntent>(`/v1/loans/${encodeURIComponent(loanId)}/payment-intents`, body),
  });
}

/** POST /v1/payment-intents/:id/cancellation: gives up a pending intent so another amount can be started at once. */
export function useCancelIntent() {
  return useMutation({
    mutationFn: (intentId: string) => postJson<IntentView>(`/v1/payment-intents/${encodeURIComponent(intentId)}/cancellation`, {}),
  });
}

/** GET /v1/loans/:id/payment-intents/open: the payment the borrower started and has not finished (pending, not expired), or null — from the server, so a reload still shows it. */
export function useOpenIntent(loanId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['payment-intent', 'open', loanId],
    queryFn: async () => (await getJson<ApiResponse<'payments.openIntent'>>(`/v1/loans/${encodeURIComponent(loanId)}/payment-intents/open`)).intent,
    enabled,
  });
}

const POLL_MS = 2000;

/** GET /v1/payment-intents/:id every two seconds while it is pending; stops once the channel has answered. */
export function useIntent(id: string | null) {
  return useQuery({
    queryKey: ['payment-intent', id],
    queryFn: () => getJson<IntentView>(`/v1/payment-intents/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'pending' ? false : POLL_MS),
  });
}
