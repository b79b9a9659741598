import type { RealtimeEvent } from '@charla/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvents } from '../../shared/realtime/index.ts';
import { customerApi } from './customer.api.ts';

/** Cache key of a customer's profile. */
export const customerQueryKey = (customerId: string) => ['customers', customerId] as const;
const conversationCustomerKey = (conversationId: string) =>
  ['customers', 'of-conversation', conversationId] as const;

/** The conversation an event carries, if any. */
function conversationOf(event: RealtimeEvent) {
  return event.type === 'message.created' || event.type === 'conversation.updated'
    ? event.conversation
    : null;
}

/**
 * The profile of the customer behind an open conversation. It refreshes when a live event
 * changes one of the customer's conversations (owner, tags, status).
 */
export function useConversationCustomer(conversationId: string) {
  const queryClient = useQueryClient();
  const customerId = useQuery({
    queryKey: conversationCustomerKey(conversationId),
    queryFn: async () => (await customerApi.conversation(conversationId)).customer.id,
    staleTime: Infinity,
  });
  const profile = useQuery({
    queryKey: customerQueryKey(customerId.data ?? ''),
    queryFn: () => customerApi.profile(customerId.data ?? ''),
    enabled: customerId.data !== undefined,
  });
  useRealtimeEvents((event) => {
    const conversation = conversationOf(event);
    const touched = conversation?.customer.id;
    // A merge hands the open conversation to another customer: the panel follows it.
    if (conversation?.id === conversationId && touched !== customerId.data) {
      queryClient.setQueryData(conversationCustomerKey(conversationId), touched);
    }
    if (touched && touched === customerId.data) {
      void queryClient.invalidateQueries({ queryKey: customerQueryKey(touched) });
    }
  });
  return {
    profile,
    error: customerId.error ?? profile.error,
    isPending: customerId.isPending || profile.isPending,
  };
}
