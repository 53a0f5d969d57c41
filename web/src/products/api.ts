import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { ApiResponse } from '../api/schema';
import type { CommandResult } from '../api/types';

/** GET /v1/products: what is on sale, or (staff's catalogue) retired products too. */
export function useProducts(includeRetired = false) {
  return useQuery({
    queryKey: ['products', { includeRetired }],
    queryFn: () => getJson<ApiResponse<'products.list'>>('/v1/products', includeRetired ? { includeRetired: 'true' } : {}),
  });
}

/** A product command, then the catalogue read once the projection has caught up with it (read your writes). */
function useProductCommand<V>(send: (v: V) => Promise<CommandResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (v: V) => {
      const result = await send(v);
      await getJson('/v1/products', { minPosition: result.position });
      return result;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['products'] }),
  });
}

/** POST /v1/products (admin); the body is DESIGN.md's product terms. */
export const useDefineProduct = () => useProductCommand((body: object) => postJson<CommandResult>('/v1/products', body));
/** POST /v1/products/:id/amend (admin): a new version; existing loans keep theirs. */
export const useAmendProduct = () => useProductCommand(({ id, terms }: { id: string; terms: object }) => postJson<CommandResult>(`/v1/products/${id}/amend`, terms));
/** POST /v1/products/:id/retire (admin): no new applications. */
export const useRetireProduct = () => useProductCommand(({ id, reason }: { id: string; reason?: string }) => postJson<CommandResult>(`/v1/products/${id}/retire`, reason ? { reason } : {}));
