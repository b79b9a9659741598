import type { Conversation, ConversationStatus, Media, Message, SendMessageRequest } from '@charla/contracts';
import { requestJson } from '../../shared/api/client.ts';

/** A page of the thread, oldest first; `nextBefore` asks for the page before it. */
export interface ThreadPage {
  items: Message[];
  nextBefore: string | null;
}

const conversationPath = (conversationId: string) => `/conversations/${encodeURIComponent(conversationId)}`;

/** Every call the chat column makes, typed by `@charla/contracts`. */
export const chatApi = {
  getConversation: (conversationId: string) =>
    requestJson<Conversation>('GET', conversationPath(conversationId)),

  getThreadPage: (conversationId: string, before: string | null, limit = 50) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before) query.set('before', before);
    return requestJson<ThreadPage>('GET', `${conversationPath(conversationId)}/messages?${query}`);
  },

  sendMessage: (conversationId: string, body: SendMessageRequest) =>
    requestJson<Message>('POST', `${conversationPath(conversationId)}/messages`, body),

  retryMessage: (conversationId: string, messageId: string) =>
    requestJson<Message>(
      'POST',
      `${conversationPath(conversationId)}/messages/${encodeURIComponent(messageId)}/retry`,
    ),

  open: (conversationId: string) =>
    requestJson<Conversation>('POST', `${conversationPath(conversationId)}/open`),

  assign: (conversationId: string, memberId: string | null, expectedMemberId: string | null) =>
    requestJson<Conversation>('PUT', `${conversationPath(conversationId)}/assignee`, {
      memberId,
      expectedMemberId,
    }),

  setStatus: (conversationId: string, status: ConversationStatus) =>
    requestJson<Conversation>('PUT', `${conversationPath(conversationId)}/status`, { status }),

  setRead: (conversationId: string, read: boolean) =>
    requestJson<Conversation>('PUT', `${conversationPath(conversationId)}/read`, { read }),

  setBot: (conversationId: string, enabled: boolean) =>
    requestJson<Conversation>('PUT', `${conversationPath(conversationId)}/bot`, { enabled }),

  setBlocked: (conversationId: string, blocked: boolean) =>
    requestJson<Conversation>('PUT', `${conversationPath(conversationId)}/blocked`, { blocked }),

  /** Uploads a file, checked by the server against the channel's limits by its content. */
  uploadMedia: (file: File, channelId: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return requestJson<Media>('POST', `/media?channelId=${encodeURIComponent(channelId)}`, form);
  },
};
