import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from '../api/client';
import type { CommandResult, Product } from '../api/types';

export function useProducts() {
  return useQuery({ queryKey: ['products'], queryFn: () => getJson<{ items: Product[] }>('/v1/products') });
}

/** POST /v1/products (admin); the body is DESIGN.md's product terms. */
export function useDefineProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: object) => {
      const result = await postJson<CommandResult>('/v1/products', body);
      await getJson('/v1/products', { minPosition: result.position });
      return result;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['products'] }),
  });
}
