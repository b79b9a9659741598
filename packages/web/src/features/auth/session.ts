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

/**
 * Ends the session and reloads the app at the sign-in page. A full page load (rather than an
 * in-app redirect) drops every cached answer and token of the person who left, and opens
 * sign-in afresh instead of "returning" the next person to the previous one's page.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: api.logout,
    onSuccess: () => window.location.assign('/login'),
  });
}
