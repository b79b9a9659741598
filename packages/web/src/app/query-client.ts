import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../features/auth/index.ts';
import { ApiError } from '../shared/api/index.ts';

/** Codes meaning "this browser is no longer signed in" (not a wrong password). */
const SIGNED_OUT_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'MEMBER_DEACTIVATED']);

/** Client errors (4xx) will not change on retry; network and server errors might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * One query client per app. Any call answered with "not signed in" clears the session, which
 * sends the guarded screens to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.code && SIGNED_OUT_CODES.has(error.code)) {
      queryClient.setQueryData(sessionQueryKey, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
