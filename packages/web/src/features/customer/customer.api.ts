import type { Conversation, CustomerProfile } from '@charla/contracts';
import { requestJson } from '../../shared/api/client.ts';

/** A customer as a search result: who they are, enough to pick them. */
export type CustomerChoice = { id: string; displayName: string };

/** The reads and the merge behind the customer panel. */
export const customerApi = {
  conversation: (conversationId: string) =>
    requestJson<Conversation>('GET', `/conversations/${encodeURIComponent(conversationId)}`),
  profile: (customerId: string) =>
    requestJson<CustomerProfile>('GET', `/customers/${encodeURIComponent(customerId)}`),
  /** Customers whose chats match a name, phone or e-mail, each once. */
  search: async (query: string): Promise<CustomerChoice[]> => {
    const page = await requestJson<{ items: Conversation[] }>(
      'GET',
      `/conversations?tab=all&limit=20&q=${encodeURIComponent(query)}`,
    );
    const byId = new Map(page.items.map((conversation) => [conversation.customer.id, conversation.customer]));
    return [...byId.values()].map(({ id, displayName }) => ({ id, displayName }));
  },
  /** Merges `fromId` into `keptId`; answers the kept customer's profile. */
  merge: (keptId: string, fromId: string) =>
    requestJson<CustomerProfile>('POST', `/customers/${encodeURIComponent(keptId)}/merge`, { from: fromId }),
};
