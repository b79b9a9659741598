import type { MeResponse } from '@charla/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../shared/api/index.ts';

/** The cache key of "who is signed in": `MeResponse`, or `null` when nobody is. */
export const sessionQueryKey = ['session'] as const;

async function fetchSession(): Promise<MeResponse | null> {
  try {
    return await api.getMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Loads the session once per visit; every 401 elsewhere resets it (see `createQueryClient`). */
export function useSessionQuery() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** The signed-in member and workspace. Only for screens behind `RequireSession`. */
export function useSession(): MeResponse {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession() used outside a signed-in screen');
  return data;
}

/** Signs in and stores the session so guarded screens render at once. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.login,
    onSuccess: (me) => queryClient.setQueryData(sessionQueryKey, me),
  });
}

/** Ends the session and forgets everything cached for it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.logout,
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
