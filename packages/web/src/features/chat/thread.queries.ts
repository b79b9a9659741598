import type { Message, RealtimeEvent } from '@charla/contracts';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useRealtimeEvents } from '../../shared/realtime/index.ts';
import { chatApi } from './chat.api.ts';
import { mergeMessages } from './thread-rows.ts';

/** What the cache holds for one open thread: every loaded message and where older ones start. */
export interface ThreadState {
  messages: Message[];
  nextBefore: string | null;
}

const PAGE_SIZE = 50;

export const threadQueryKey = (conversationId: string) => ['thread', conversationId] as const;

/** Adds or replaces messages in a thread already in the cache (optimistic sends, live events). */
export function upsertThreadMessages(queryClient: QueryClient, conversationId: string, messages: Message[]) {
  queryClient.setQueryData<ThreadState>(threadQueryKey(conversationId), (thread) =>
    thread ? { ...thread, messages: mergeMessages(thread.messages, messages) } : thread,
  );
}

/** Removes one message (an optimistic copy the server refused). */
export function removeThreadMessage(queryClient: QueryClient, conversationId: string, messageId: string) {
  queryClient.setQueryData<ThreadState>(threadQueryKey(conversationId), (thread) =>
    thread ? { ...thread, messages: thread.messages.filter((message) => message.id !== messageId) } : thread,
  );
}

/**
 * The open thread: the newest page first, older pages on demand (`loadOlder`), and live
 * messages and delivery updates merged in as they happen.
 */
export function useThread(conversationId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: threadQueryKey(conversationId),
    queryFn: async (): Promise<ThreadState> => {
      const page = await chatApi.getThreadPage(conversationId, null, PAGE_SIZE);
      return { messages: page.items, nextBefore: page.nextBefore };
    },
    // Live events keep it current; refetching would only race them.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
  });
  const [olderError, setOlderError] = useState<unknown>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const inFlight = useRef(false);

  const nextBefore = query.data?.nextBefore ?? null;
  const loadOlder = useCallback(async () => {
    if (!nextBefore || inFlight.current) return;
    inFlight.current = true;
    setLoadingOlder(true);
    try {
      const page = await chatApi.getThreadPage(conversationId, nextBefore, PAGE_SIZE);
      queryClient.setQueryData<ThreadState>(threadQueryKey(conversationId), (thread) =>
        thread
          ? { messages: mergeMessages(thread.messages, page.items), nextBefore: page.nextBefore }
          : thread,
      );
      setOlderError(null);
    } catch (error) {
      setOlderError(error);
    } finally {
      inFlight.current = false;
      setLoadingOlder(false);
    }
  }, [conversationId, nextBefore, queryClient]);

  useRealtimeEvents((event: RealtimeEvent) => {
    if (event.type === 'message.created' || event.type === 'message.updated') {
      if (event.message.conversationId === conversationId) {
        upsertThreadMessages(queryClient, conversationId, [event.message]);
      }
    }
  });

  return {
    messages: query.data?.messages ?? null,
    error: query.error,
    hasOlder: nextBefore !== null,
    loadOlder,
    loadingOlder,
    olderError,
  };
}
