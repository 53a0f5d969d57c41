import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { ApiRequest } from '../api/schema';
import type { CommandResult, LoanHistory, LoanStateAt, LoanSummary, Payoff, Schedule } from '../api/types';
import { commandOf, type LoanAction } from './loan-command-path';

export const loanKey = (id: string) => ['loan', id] as const;

export function useLoan(id: string) {
  return useQuery({ queryKey: [...loanKey(id), 'summary'], queryFn: () => getJson<LoanSummary>(`/v1/loans/${encodeURIComponent(id)}`) });
}

export function useSchedule(id: string) {
  return useQuery({ queryKey: [...loanKey(id), 'schedule'], queryFn: () => getJson<Schedule>(`/v1/loans/${encodeURIComponent(id)}/schedule`) });
}

export function useHistory(id: string) {
  return useQuery({ queryKey: [...loanKey(id), 'history'], queryFn: () => getJson<LoanHistory>(`/v1/loans/${encodeURIComponent(id)}/history`) });
}

/** The loan as it stood just after its event at `revision` (time travel through its history); staff only. */
export function useStateAfter(id: string, revision: string | null) {
  return useQuery({
    queryKey: [...loanKey(id), 'state', revision],
    queryFn: () => getJson<LoanStateAt>(`/v1/loans/${encodeURIComponent(id)}/state`, { revision: revision ?? undefined }),
    enabled: revision !== null,
    placeholderData: (previous) => previous,
  });
}

/** The loan as it stood at business time `asOf` (an ISO instant): every event effective by then, back-dated ones included; staff only. */
export function useStateAsOf(id: string, asOf: string | null) {
  return useQuery({
    queryKey: [...loanKey(id), 'state-as-of', asOf],
    queryFn: () => getJson<LoanStateAt>(`/v1/loans/${encodeURIComponent(id)}/state`, { asOf: asOf ?? undefined }),
    enabled: asOf !== null,
  });
}

export function usePayoff(id: string, date: string | null) {
  return useQuery({
    queryKey: [...loanKey(id), 'payoff', date],
    queryFn: () => getJson<Payoff>(`/v1/loans/${encodeURIComponent(id)}/payoff`, { date: date ?? undefined }),
    enabled: date !== null,
  });
}

/** Today's payoff quote (the server's business date), fetched only when `enabled`. */
export function usePayoffToday(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...loanKey(id), 'payoff', 'today'],
    queryFn: () => getJson<Payoff>(`/v1/loans/${encodeURIComponent(id)}/payoff`),
    enabled,
  });
}

/** Sends a loan command and waits until the loan summary shows it (read-your-writes); answers the command's result. */
export async function sendLoanCommand(id: string, action: LoanAction, values: Record<string, unknown>): Promise<CommandResult> {
  const { path, body } = commandOf(action, values);
  const result = await postJson<CommandResult>(`/v1/loans/${encodeURIComponent(id)}/${path}`, body);
  await getJson(`/v1/loans/${encodeURIComponent(id)}`, { minPosition: result.position });
  return result;
}

/** Sends a loan command, then refetches the loan once the projections have caught up with it (read-your-writes). */
export function useLoanCommand(id: string, action: LoanAction) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: Record<string, unknown>) => sendLoanCommand(id, action, values),
    onSuccess: () => client.invalidateQueries({ queryKey: loanKey(id) }),
  });
}

/** POST /v1/loans's body; `agreement` is the loan agreement the borrower accepted (POST /v1/loans/agreement's hash and when it was ticked). */
export type Application = ApiRequest<'loans.apply'>;

/** POST /v1/loans; resolves once the loan summary shows the new loan. */
export function useApply() {
  return useMutation({
    mutationFn: async (body: Application) => {
      const result = await postJson<CommandResult>('/v1/loans', body);
      await getJson(`/v1/loans/${encodeURIComponent(result.id)}`, { minPosition: result.position });
      return result;
    },
  });
}
