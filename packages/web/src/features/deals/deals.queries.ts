import type { DealListResponse, UpdateDealRequest } from '@charla/contracts';
import {
  keepPreviousData,
  type QueryClient,
  useIsMutating,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useRealtimeEvents, useRealtimeStatus } from '../../shared/realtime/index.ts';
import { useReloadingMutation } from '../settings/crm-settings.api.ts';
import { moveDealLocally } from './deal-board.ts';
import {
  boardQueryKey,
  customerDealsQueryKey,
  dealsQueryKey,
  funnelsQueryKey,
  type StaleDeals,
  staleDealsAfter,
} from './deal-live-events.ts';
import { type DealFilters, dealsApi } from './deals.api.ts';

/** Marks the member's own stage moves, so live reloads wait for them to settle. */
const moveDealKey = [...dealsQueryKey, 'move'] as const;

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
    queryKey: boardQueryKey(filters),
    queryFn: () => dealsApi.listDeals(filters as DealFilters),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });
}

/** One customer's deals, under the board's key so a change on either reloads both. */
export function useCustomerDeals(customerId: string) {
  return useQuery({
    queryKey: customerDealsQueryKey(customerId),
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
  const key = boardQueryKey(filters);
  return useMutation({
    mutationKey: moveDealKey,
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

function reload(queryClient: QueryClient, stale: readonly StaleDeals[]): void {
  if (stale.some((item) => item.funnels)) void queryClient.invalidateQueries({ queryKey: funnelsQueryKey });
  void queryClient.invalidateQueries({
    queryKey: dealsQueryKey,
    predicate: (query) => stale.some((item) => item.dealList(query.queryKey)),
  });
}

/**
 * Keeps funnels, boards and customer panels live: a deal or funnel changed by anyone (this tab
 * too) reloads the lists that show it. While `held` (the member is dragging a card) or one of
 * their moves is on its way, reloads wait: a reload then could put the card back where the
 * server still had it. The move reloads the board itself when it settles, and what came in
 * meanwhile is reloaded right after, so the board always ends on the server's state.
 */
export function useLiveDeals(held = false): void {
  const queryClient = useQueryClient();
  const status = useRealtimeStatus();
  const movesUnderway = useIsMutating({ mutationKey: moveDealKey });
  const paused = held || movesUnderway > 0;
  const waiting = useRef<StaleDeals[]>([]);
  // Changes between loading and the socket's first live moment reached no one: reload once then.
  // Later reconnects resume after the last event, so they need no reload.
  const awaitingLive = useRef(status !== 'live');

  useRealtimeEvents((event) => {
    const stale = staleDealsAfter(event);
    if (!stale) return;
    // Read the mutation count now: a move started in this tick has not re-rendered `paused` yet.
    if (held || queryClient.isMutating({ mutationKey: moveDealKey }) > 0) waiting.current.push(stale);
    else reload(queryClient, [stale]);
  });

  useEffect(() => {
    if (paused || waiting.current.length === 0) return;
    reload(queryClient, waiting.current.splice(0));
  }, [paused, queryClient]);

  useEffect(() => {
    if (status !== 'live' || !awaitingLive.current) return;
    awaitingLive.current = false;
    void queryClient.invalidateQueries({ queryKey: funnelsQueryKey });
    void queryClient.invalidateQueries({ queryKey: dealsQueryKey });
  }, [status, queryClient]);
}
