import type { Conversation, Message } from '@charla/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../../shared/api/index.ts';
import { useSession } from '../auth/index.ts';
import { chatApi } from './chat.api.ts';
import { newClientId } from './client-id.ts';
import {
  fileToUpload,
  type Outgoing,
  optimisticMessage,
  sendRequestFor,
  UNSENT_ERROR_CODE,
} from './outgoing.ts';
import { removeThreadMessage, upsertThreadMessages } from './thread.queries.ts';

/**
 * Sends still waiting for an answer, by clientId: retrying one repeats the same request with
 * the same clientId (and the file already uploaded), so it can never arrive twice.
 */
const unsent = new Map<string, { outgoing: Outgoing; mediaId: string | null; conversation: Conversation }>();

/** No answer (network) or a server fault: worth trying again with the same clientId. */
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/**
 * Sending from the composer. The message shows at once as queued; the server's copy replaces
 * it. A refusal (window closed, blocked, too large…) removes it and is thrown for the composer
 * to show; a lost answer leaves it marked unsent with a retry.
 */
export function useSendMessage(conversation: Conversation) {
  const queryClient = useQueryClient();
  const { member } = useSession();

  const attempt = useCallback(
    async (clientId: string, optimistic: Message) => {
      const pending = unsent.get(clientId);
      if (!pending) return;
      const { outgoing } = pending;
      try {
        const file = fileToUpload(outgoing);
        if (file && !pending.mediaId) {
          pending.mediaId = (await chatApi.uploadMedia(file, pending.conversation.channel.id)).id;
        }
        const stored = await chatApi.sendMessage(
          pending.conversation.id,
          sendRequestFor(outgoing, clientId, pending.mediaId),
        );
        unsent.delete(clientId);
        upsertThreadMessages(queryClient, pending.conversation.id, [stored]);
      } catch (error) {
        if (isTransient(error)) {
          const failed: Message = {
            ...optimistic,
            delivery: optimistic.delivery && {
              state: 'failed',
              errorCode: UNSENT_ERROR_CODE,
              errorReason: null,
            },
            updatedAt: Date.now(),
          };
          upsertThreadMessages(queryClient, pending.conversation.id, [failed]);
          return;
        }
        unsent.delete(clientId);
        removeThreadMessage(queryClient, pending.conversation.id, optimistic.id);
        throw error;
      }
    },
    [queryClient],
  );

  const send = useCallback(
    async (outgoing: Outgoing) => {
      const clientId = newClientId();
      const file = fileToUpload(outgoing);
      const previewUrl = file ? URL.createObjectURL(file) : null;
      const author = { type: 'member' as const, memberId: member.id, name: member.name };
      const optimistic = optimisticMessage(outgoing, clientId, conversation, author, previewUrl, Date.now());
      unsent.set(clientId, { outgoing, mediaId: null, conversation });
      upsertThreadMessages(queryClient, conversation.id, [optimistic]);
      await attempt(clientId, optimistic);
    },
    [attempt, conversation, member.id, member.name, queryClient],
  );

  /** Tries again: an unsent copy repeats its request; a message the server failed is re-queued. */
  const retry = useCallback(
    async (message: Message) => {
      if (message.clientId && unsent.has(message.clientId)) {
        const queued: Message = {
          ...message,
          delivery: message.delivery && { state: 'queued', errorCode: null, errorReason: null },
        };
        upsertThreadMessages(queryClient, conversation.id, [queued]);
        await attempt(message.clientId, queued);
        return;
      }
      const stored = await chatApi.retryMessage(conversation.id, message.id);
      upsertThreadMessages(queryClient, conversation.id, [stored]);
    },
    [attempt, conversation.id, queryClient],
  );

  return { send, retry };
}
