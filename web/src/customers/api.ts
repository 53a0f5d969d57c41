import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
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

export interface Registration {
  customerId?: string;
  name: string;
  nationalId: string;
  phone: string;
  email?: string;
}

export interface KycSubmission {
  monthlyIncome: string;
  employer: string;
  employmentMonths: number;
  bankAccount: string;
}

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
  return useCustomerCommand((body: { decision: 'verified' | 'rejected'; reason?: string }) =>
    postJson<CommandResult>(`/v1/customers/${encodeURIComponent(customerId)}/kyc/decision`, body));
}
