import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteJson, getJson, postJson, putJson } from '../api/client';
import type { ApiRequest, ApiResponse } from '../api/schema';

export type StaffRole = ApiRequest<'users.create'>['role'];
export const STAFF_ROLES: StaffRole[] = ['officer', 'underwriter', 'compliance', 'admin'];

/** A staff account as GET /v1/users lists it (no hashes, no secrets; `contact` masked). One-time passwords never reach the console: the server sends them to the person. */
export type StaffUser = ApiResponse<'users.create'>;

export function useStaffUsers() {
  return useQuery({ queryKey: ['users'], queryFn: () => getJson<ApiResponse<'users.list'>>('/v1/users') });
}

/** A users mutation that refreshes the list; the identity store answers at once (no projection to wait for). */
function useUserMutation<V>(send: (v: V) => Promise<StaffUser | ApiResponse<'users.revokeSessions'>>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }) });
}

/** POST /v1/users; the one-time password goes to `contact` (the person's mobile or e-mail), not to the console. */
export const useCreateUser = () => useUserMutation((body: ApiRequest<'users.create'>) => postJson<StaffUser>('/v1/users', body));
/** PUT /v1/users/:id/role (ends the user's sessions). */
export const useSetRole = () => useUserMutation(({ id, role }: { id: string; role: StaffRole }) => putJson<StaffUser>(`/v1/users/${id}/role`, { role }));
/** POST /v1/users/:id/disable or /enable. */
export const useSetEnabled = () => useUserMutation(({ id, enabled }: { id: string; enabled: boolean }) => postJson<StaffUser>(`/v1/users/${id}/${enabled ? 'enable' : 'disable'}`, {}));
/** POST /v1/users/:id/reset: a new one-time password sent to the person's contact, TOTP to enrol again. */
export const useResetUser = () => useUserMutation((id: string) => postJson<StaffUser>(`/v1/users/${id}/reset`, {}));
/** DELETE /v1/users/:id/sessions: how many sessions were ended. */
export const useRevokeSessions = () => useUserMutation((id: string) => deleteJson<ApiResponse<'users.revokeSessions'>>(`/v1/users/${id}/sessions`));
