import type { Conversation, StartConversationRequest, StartConversationResponse } from '@charla/contracts';
import { requestJson } from '../../shared/api/client.ts';
import { chatApi } from '../chat/chat.api.ts';

/** A customer New chat can write to on WhatsApp, found through the conversation search. */
export type CustomerChoice = { id: string; name: string; phone: string | null };

/** Each customer once, keeping those reachable on WhatsApp (a phone or a WhatsApp chat). */
export function customerChoices(conversations: readonly Conversation[]): CustomerChoice[] {
  const byId = new Map<string, CustomerChoice>();
  for (const conversation of conversations) {
    const { customer } = conversation;
    if (byId.has(customer.id)) continue;
    if (!customer.phone && conversation.channel.type !== 'whatsapp') continue;
    byId.set(customer.id, { id: customer.id, name: customer.displayName, phone: customer.phone });
  }
  return [...byId.values()];
}

export const newChatApi = {
  /** Uploads the template's header file first, if it has one, then starts the chat. */
  start: async ({ request, headerFile }: { request: StartConversationRequest; headerFile: File | null }) => {
    const headerMediaId = headerFile ? (await chatApi.uploadMedia(headerFile, request.channelId)).id : null;
    const body = headerMediaId ? { ...request, template: { ...request.template, headerMediaId } } : request;
    return requestJson<StartConversationResponse>('POST', '/conversations', body);
  },
  searchCustomers: async (query: string): Promise<CustomerChoice[]> => {
    const page = await requestJson<{ items: Conversation[] }>(
      'GET',
      `/conversations?tab=all&limit=20&q=${encodeURIComponent(query)}`,
    );
    return customerChoices(page.items);
  },
};
