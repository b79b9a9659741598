import type { Conversation, CustomerProfile } from '@charla/contracts';
import { requestJson } from '../../shared/api/client.ts';

/** The two reads behind the customer panel. */
export const customerApi = {
  conversation: (conversationId: string) =>
    requestJson<Conversation>('GET', `/conversations/${encodeURIComponent(conversationId)}`),
  profile: (customerId: string) =>
    requestJson<CustomerProfile>('GET', `/customers/${encodeURIComponent(customerId)}`),
};
