import { useMutation, useQuery } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';

/** What the borrower does next to pay: open a page, scan a code, or hand an order string to the Alipay app. */
export type PaymentAction =
  | { type: 'redirect'; url: string }
  | { type: 'qr'; codeUrl: string }
  | { type: 'order-string'; orderString: string };

export interface CreatedIntent {
  id: string;
  status: 'pending';
  channel: 'alipay' | 'wechat' | 'sandbox';
  amount: string;
  currency: string;
  expiresAt: string;
  action: PaymentAction;
}

export interface IntentView {
  id: string;
  loanId: string;
  status: 'pending' | 'confirmed' | 'failed' | 'expired';
  amount: string;
  currency: string;
  position: string;
}

/** POST /v1/loans/:id/payment-intents: starts a payment; nothing is recorded until the channel confirms it. */
export function useCreateIntent(loanId: string) {
  return useMutation({
    mutationFn: (body: { amount: string; channel: 'alipay' | 'wechat' | 'sandbox' }) =>
      postJson<CreatedIntent>(`/v1/loans/${encodeURIComponent(loanId)}/payment-intents`, body),
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
