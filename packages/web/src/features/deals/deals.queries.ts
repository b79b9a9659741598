import type { DealListResponse, UpdateDealRequest } from '@charla/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useReloadingMutation } from '../settings/crm-settings.api.ts';
import { moveDealLocally } from './deal-board.ts';
import { type DealFilters, dealsApi } from './deals.api.ts';

export const funnelsQueryKey = ['funnels'] as const;
export const dealsQueryKey = ['deals'] as const;

export function useFunnels() {
  return useQuery({ queryKey: funnelsQueryKey, queryFn: dealsApi.listFunnels });
}

/** Any funnel change (create, rename, stages) reloads funnels and the board built on them. */
export function useFunnelMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: funnelsQueryKey });
      await queryClient.invalidateQueries({ queryKey: dealsQueryKey });
    },
  });
}

export function useDeals(filters: DealFilters | null) {
  return useQuery({
    queryKey: [...dealsQueryKey, filters],
    queryFn: () => dealsApi.listDeals(filters as DealFilters),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });
}

/** One customer's deals, under the board's key so a change on either reloads both. */
export function useCustomerDeals(customerId: string) {
  return useQuery({
    queryKey: [...dealsQueryKey, 'customer', customerId],
    queryFn: () => dealsApi.listCustomerDeals(customerId),
  });
}

/** Creating, editing or deleting a deal reloads the board (counts and totals come from the server). */
export function useDealMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  return useReloadingMutation(dealsQueryKey, mutationFn);
}

/** Moves a deal to another stage: the card moves at once, then the server's figures replace the guess. */
export function useMoveDeal(filters: DealFilters | null) {
  const queryClient = useQueryClient();
  const key = [...dealsQueryKey, filters];
  return useMutation({
    mutationFn: ({ dealId, stageId }: { dealId: string; stageId: string }) =>
      dealsApi.updateDeal(dealId, { stageId } satisfies UpdateDealRequest),
    onMutate: async ({ dealId, stageId }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<DealListResponse>(key);
      if (before) queryClient.setQueryData(key, moveDealLocally(before, dealId, stageId));
      return { before };
    },
    onError: (_error, _move, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: dealsQueryKey }),
  });
}
