import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { ApiRequest } from '../api/schema';
import type { CommandResult, CustomerAccount } from '../api/types';

export const customerKey = (id: string) => ['customer', id] as const;

/** The account centre; `retry: false` so a not-yet-registered borrower sees the 404 at once. */
export function useCustomer(id: string | null) {
  return useQuery({
    queryKey: customerKey(id ?? ''),
    queryFn: () => getJson<CustomerAccount>(`/v1/customers/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    retry: false,
  });
}

export type Registration = ApiRequest<'customers.register'>;

export type KycSubmission = ApiRequest<'customers.submitKyc'>;

/** Waits for the account centre to show a command's effect, then refreshes the customer. */
function useCustomerCommand<T>(send: (body: T) => Promise<CommandResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: T) => {
      const result = await send(body);
      await getJson(`/v1/customers/${encodeURIComponent(result.id)}`, { minPosition: result.position });
      return result;
    },
    onSuccess: (result) => client.invalidateQueries({ queryKey: customerKey(result.id) }),
  });
}

export function useRegisterCustomer() {
  return useCustomerCommand((body: Registration) => postJson<CommandResult>('/v1/customers', body));
}

export function useSubmitKyc(customerId: string) {
  return useCustomerCommand((body: KycSubmission) => postJson<CommandResult>(`/v1/customers/${encodeURIComponent(customerId)}/kyc`, body));
}

export function useKycDecision(customerId: string) {
  return useCustomerCommand((body: ApiRequest<'customers.decideKyc'>) =>
    postJson<CommandResult>(`/v1/customers/${encodeURIComponent(customerId)}/kyc/decision`, body));
}
