import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/index.ts';

/** Cache key of `GET /setup`: whether this Charla still needs its first workspace. */
export const setupStatusQueryKey = ['setup-status'] as const;

/** Asked once per visit; setup flips it to false itself. */
export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusQueryKey,
    queryFn: api.getSetupStatus,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
