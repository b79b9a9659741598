import type { ApiKey } from '@charla/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/index.ts';

/** Cache key of the workspace's API keys (revoked ones included). */
export const apiKeysQueryKey = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: apiKeysQueryKey, queryFn: api.listApiKeys });
}

/** Creates a key; the answer carries the whole secret, shown once by the caller. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.createApiKey,
    onSuccess: ({ apiKey }) =>
      queryClient.setQueryData<ApiKey[]>(apiKeysQueryKey, (keys) => [apiKey, ...(keys ?? [])]),
  });
}

/** Revokes a key, then reloads the list to show when it was revoked. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.revokeApiKey,
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}
