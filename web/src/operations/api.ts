import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { ApiResponse } from '../api/schema';
import type { CloseOfBusinessReport } from '../api/types';

/**
 * POST /v1/operations/close-of-business. A close changes nearly every figure the console holds (days past due,
 * classification, accrued interest, penalties, reports, the last closed date), so every cached answer is refetched.
 */
export function useCloseOfBusiness() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { date: string }) => postJson<CloseOfBusinessReport>('/v1/operations/close-of-business', body),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Projection status, refreshed every few seconds while the page is open (admin). */
export function useProjections() {
  return useQuery({ queryKey: ['projections'], queryFn: () => getJson<ApiResponse<'admin.projections'>>('/v1/admin/projections'), refetchInterval: 3000 });
}

export function useRebuild() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => postJson<ApiResponse<'admin.rebuildProjection'>>(`/v1/admin/projections/${encodeURIComponent(name)}/rebuild`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['projections'] }),
  });
}
