import type { Conversation, ConversationStatus, RealtimeEvent } from '@charla/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useRealtimeEvents } from '../../shared/realtime/index.ts';
import { chatApi } from './chat.api.ts';

export const conversationQueryKey = (conversationId: string) => ['conversation', conversationId] as const;

/**
 * The open conversation as the top bar shows it, kept live by `conversation.updated` and
 * `message.created` events (both carry the conversation as it now stands).
 */
export function useConversation(conversationId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: conversationQueryKey(conversationId),
    queryFn: () => chatApi.getConversation(conversationId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  useRealtimeEvents((event: RealtimeEvent) => {
    const updated =
      event.type === 'conversation.updated' || event.type === 'message.created' ? event.conversation : null;
    if (updated?.id === conversationId)
      queryClient.setQueryData(conversationQueryKey(conversationId), updated);
  });
  return query;
}

/**
 * Opening a chat tells the server a member looked at it (marks it read; new → open), once per
 * visit and only when there is something to clear; messages arriving while it is on screen are
 * marked read as they come.
 */
export function useOpenOnView(conversation: Conversation | undefined) {
  const queryClient = useQueryClient();
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!conversation || opened.current === conversation.id) return;
    opened.current = conversation.id;
    if (conversation.status !== 'new' && conversation.unreadCount === 0) return;
    chatApi
      .open(conversation.id)
      .then((fresh) => queryClient.setQueryData(conversationQueryKey(fresh.id), fresh))
      .catch(() => {
        // Not fatal: the chat still shows; the list keeps its unread badge until the next visit.
      });
  }, [conversation, queryClient]);
  // What arrives while the member is looking at the chat is read: no badge for what they saw.
  useRealtimeEvents((event: RealtimeEvent) => {
    if (event.type !== 'message.created' || event.conversation.id !== conversation?.id) return;
    if (event.message.direction !== 'inbound' || event.conversation.unreadCount === 0) return;
    if (document.visibilityState !== 'visible') return;
    chatApi
      .setRead(event.conversation.id, true)
      .then((fresh) => queryClient.setQueryData(conversationQueryKey(fresh.id), fresh))
      .catch(() => {
        // Not fatal: the badge stays until the member reads it another way.
      });
  });
}

/** One top-bar action: its call, with the server's answer swapped into the cache. */
function useConversationAction<Input>(
  conversationId: string,
  call: (conversationId: string, input: Input) => Promise<Conversation>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => call(conversationId, input),
    onSuccess: (fresh) => queryClient.setQueryData(conversationQueryKey(fresh.id), fresh),
  });
}

/** Assign, reassign or unassign (compare-and-set against the owner the screen shows). */
export const useAssign = (conversationId: string) =>
  useConversationAction(
    conversationId,
    (id, input: { memberId: string | null; expectedMemberId: string | null }) =>
      chatApi.assign(id, input.memberId, input.expectedMemberId),
  );
export const useSetStatus = (conversationId: string) =>
  useConversationAction(conversationId, (id, status: ConversationStatus) => chatApi.setStatus(id, status));
export const useSetRead = (conversationId: string) =>
  useConversationAction(conversationId, (id, read: boolean) => chatApi.setRead(id, read));
export const useSetBot = (conversationId: string) =>
  useConversationAction(conversationId, (id, enabled: boolean) => chatApi.setBot(id, enabled));
export const useSetBlocked = (conversationId: string) =>
  useConversationAction(conversationId, (id, blocked: boolean) => chatApi.setBlocked(id, blocked));
