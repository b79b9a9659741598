import type { MeResponse } from '@charla/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/index.ts';
import { sessionQueryKey } from './session.ts';

/** Sets "available" / "away" for the signed-in member and shows it at once everywhere. */
export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.setAvailability,
    onSuccess: (member) =>
      queryClient.setQueryData<MeResponse | null>(sessionQueryKey, (me) => (me ? { ...me, member } : me)),
  });
}
