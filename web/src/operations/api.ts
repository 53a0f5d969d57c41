import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { CloseOfBusinessReport, ProjectionStatus } from '../api/types';

export function useCloseOfBusiness() {
  return useMutation({ mutationFn: (body: { date: string }) => postJson<CloseOfBusinessReport>('/v1/operations/close-of-business', body) });
}

/** Projection status, refreshed every few seconds while the page is open (admin). */
export function useProjections() {
  return useQuery({ queryKey: ['projections'], queryFn: () => getJson<{ items: ProjectionStatus[] }>('/v1/admin/projections'), refetchInterval: 3000 });
}

export function useRebuild() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => postJson<{ name: string; state: string }>(`/v1/admin/projections/${encodeURIComponent(name)}/rebuild`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['projections'] }),
  });
}
