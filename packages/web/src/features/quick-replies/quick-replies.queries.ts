import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useReloadingMutation } from '../settings/crm-settings.api.ts';
import { quickRepliesApi } from './quick-replies.api.ts';

export const quickRepliesQueryKey = ['quick-replies'] as const;

/** The replies matching a search (all of them for an empty one). */
export function useQuickReplies(query = '', enabled = true) {
  return useQuery({
    queryKey: [...quickRepliesQueryKey, query],
    queryFn: () => quickRepliesApi.list(query),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Any change to a reply reloads every list and search of them. */
export function useQuickReplyMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  return useReloadingMutation(quickRepliesQueryKey, mutationFn);
}
