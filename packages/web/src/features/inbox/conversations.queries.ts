import type { ConversationCounts, RealtimeEvent } from '@charla/contracts';
import {
  hashKey,
  type InfiniteData,
  useInfiniteQuery,
  useIsFetching,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useRealtimeEvents, useRealtimeStatus } from '../../shared/realtime/index.ts';
import {
  applyEventToList,
  type ListViewer,
  type LoadedList,
  touchesConversations,
} from './conversation-list-patch.ts';
import { conversationsApi } from './conversations.api.ts';
import { type InboxFilters, type ListQuery, toListQuery } from './inbox-filters.ts';

type ListPage = Awaited<ReturnType<typeof conversationsApi.list>>;
type ListData = InfiniteData<ListPage, string | null>;

/** Every cached list and count of conversations (one per filter combination). */
export const conversationsQueryKey = ['conversations'] as const;
const listsKey = [...conversationsQueryKey, 'list'] as const;
const countsKey = [...conversationsQueryKey, 'counts'] as const;
const listKey = (query: ListQuery) => [...listsKey, query] as const;
const countKey = (query: ListQuery) => [...countsKey, query] as const;

/** Counts are one grouped query: after a burst of events, refetch them at most this often. */
const COUNTS_REFRESH_MS = 750;

/** The conversation list under these filters, page by page (keyset cursor). */
export function useConversationList(filters: InboxFilters) {
  const query = toListQuery(filters);
  return useInfiniteQuery({
    queryKey: listKey(query),
    queryFn: ({ pageParam }) => conversationsApi.list(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: filters.channel !== 'comments',
  });
}

/** Tab counts and per-channel unread badges under the same filters as the list. */
export function useConversationCounts(filters: InboxFilters) {
  const query = toListQuery(filters);
  return useQuery<ConversationCounts>({
    queryKey: countKey(query),
    queryFn: () => conversationsApi.counts(query),
    placeholderData: (previous) => previous,
  });
}

function patchList(
  data: ListData,
  event: RealtimeEvent,
  filters: InboxFilters,
  viewer: ListViewer,
): ListData {
  const loaded: LoadedList = {
    pages: data.pages.map((page) => page.items),
    hasMore: data.pages.at(-1)?.nextCursor != null,
  };
  const next = applyEventToList(loaded, event, filters, viewer);
  if (next === loaded) return data;
  return {
    ...data,
    pages: data.pages.map((page, index) => ({ ...page, items: next.pages[index] ?? [] })),
  };
}

/**
 * Keeps the shown list and counts live: each event patches the rows in place (a new message
 * moves its conversation up, a change of status or owner shows at once, a lost one goes),
 * other cached lists are marked stale, and counts are refetched shortly after.
 */
export function useLiveConversations(filters: InboxFilters, viewer: ListViewer): void {
  const queryClient = useQueryClient();
  const status = useRealtimeStatus();
  const wasLive = useRef(false);
  const countsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchWhenFetched = useRef(false);
  const key = listKey(toListQuery(filters));
  const fetching = useIsFetching({ queryKey: key, exact: true });

  useRealtimeEvents((event) => {
    if (!touchesConversations(event)) return;
    // A fetch already under way was answered before this event, and its answer replaces the
    // list: patch now, and fetch once more when it lands so the event is not lost.
    if (queryClient.isFetching({ queryKey: key, exact: true }) > 0) refetchWhenFetched.current = true;
    queryClient.setQueryData<ListData>(key, (data) => data && patchList(data, event, filters, viewer));
    void queryClient.invalidateQueries({
      queryKey: listsKey,
      refetchType: 'none',
      predicate: (query) => hashKey(query.queryKey) !== hashKey(key),
    });
    if (countsTimer.current === null) {
      countsTimer.current = setTimeout(() => {
        countsTimer.current = null;
        void queryClient.invalidateQueries({ queryKey: countsKey });
      }, COUNTS_REFRESH_MS);
    }
  });

  useEffect(
    () => () => {
      if (countsTimer.current !== null) clearTimeout(countsTimer.current);
    },
    [],
  );

  const settled = fetching === 0;
  useEffect(() => {
    if (!settled || !refetchWhenFetched.current) return;
    refetchWhenFetched.current = false;
    void queryClient.invalidateQueries({ queryKey: listsKey, exact: false, refetchType: 'active' });
  }, [settled, queryClient]);

  // Events between loading the list and this hook's first live moment reached no one (the socket
  // was not up yet, or the inbox was not on screen): reload once. Later reconnects resume from
  // the last event, so they need no reload.
  useEffect(() => {
    if (status !== 'live' || wasLive.current) return;
    wasLive.current = true;
    void queryClient.invalidateQueries({ queryKey: conversationsQueryKey });
  }, [status, queryClient]);
}
