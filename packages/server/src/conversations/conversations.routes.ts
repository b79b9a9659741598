import {
  assignRequestSchema,
  conversationCountsResponseSchema,
  conversationListQuerySchema,
  conversationListResponseSchema,
  conversationParamsSchema,
  conversationSchema,
  errorResponseSchema,
  idSchema,
  messageSchema,
  sendMessageRequestSchema,
  setBlockedRequestSchema,
  setBotRequestSchema,
  setReadRequestSchema,
  setStatusRequestSchema,
  threadQuerySchema,
  threadResponseSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { assignCustomer } from './commands/assign-customer.ts';
import { markConversationRead } from './commands/mark-read.ts';
import { openConversation } from './commands/open-conversation.ts';
import { retrySend } from './commands/retry-send.ts';
import { sendMessage } from './commands/send-message.ts';
import { setCustomerFlag } from './commands/set-customer-flag.ts';
import { setConversationStatus } from './commands/set-status.ts';
import { loadVisibleConversation } from './conversation-access.ts';
import { conversationView } from './conversations.events.ts';
import { countVisibleConversations, listConversations } from './list-conversations.ts';
import { loadThread } from './load-thread.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['conversations'];

/** The inbox: list, counts, one conversation, its thread, sending, and the top-bar actions. */
export function conversationRoutes({ db, clock, worker }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    /** After a command: the conversation as the list now shows it. */
    const current = async (actorId: Parameters<typeof loadVisibleConversation>[1], id: string) => {
      await loadVisibleConversation(db.kysely, actorId, id);
      return conversationView(db.kysely, id);
    };

    app.get(
      '/conversations',
      {
        schema: {
          tags,
          summary: 'The conversation list (keyset-paginated)',
          querystring: conversationListQuerySchema,
          response: { 200: conversationListResponseSchema, ...errors },
        },
      },
      async (request) => listConversations(db, actorOf(request), request.query),
    );

    app.get(
      '/conversations/counts',
      {
        schema: {
          tags,
          summary: 'Counts per tab, status and channel under the same filters',
          querystring: conversationListQuerySchema,
          response: { 200: conversationCountsResponseSchema, ...errors },
        },
      },
      async (request) => countVisibleConversations(db, actorOf(request), request.query),
    );

    app.get(
      '/conversations/:conversationId',
      {
        schema: { tags, params: conversationParamsSchema, response: { 200: conversationSchema, ...errors } },
      },
      async (request) => current(actorOf(request), request.params.conversationId),
    );

    app.get(
      '/conversations/:conversationId/messages',
      {
        schema: {
          tags,
          summary: 'A page of the thread, oldest first; pass nextBefore as before for older messages',
          params: conversationParamsSchema,
          querystring: threadQuerySchema,
          response: { 200: threadResponseSchema, ...errors },
        },
      },
      async (request) => loadThread(db, actorOf(request), request.params.conversationId, request.query),
    );

    app.post(
      '/conversations/:conversationId/messages',
      {
        schema: {
          tags,
          summary: 'Send a message or add a note; the same clientId again returns the same message (200)',
          params: conversationParamsSchema,
          body: sendMessageRequestSchema,
          response: { 200: messageSchema, 201: messageSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { message, created } = await sendMessage(
          db,
          actorOf(request),
          request.params.conversationId,
          request.body,
          clock.now(),
        );
        if (created) worker.wake();
        return reply.code(created ? 201 : 200).send(message);
      },
    );

    app.post(
      '/conversations/:conversationId/messages/:messageId/retry',
      {
        schema: {
          tags,
          summary: 'Send a failed message again (a message already on its way is returned unchanged)',
          params: conversationParamsSchema.extend({ messageId: idSchema }),
          response: { 200: messageSchema, ...errors },
        },
      },
      async (request) => {
        const { conversationId, messageId } = request.params;
        const { message, queued } = await retrySend(
          db,
          actorOf(request),
          conversationId,
          messageId,
          clock.now(),
        );
        if (queued) worker.wake();
        return message;
      },
    );

    app.post(
      '/conversations/:conversationId/open',
      {
        schema: {
          tags,
          summary: 'A member opened the chat: marks it read, and new → open',
          params: conversationParamsSchema,
          response: { 200: conversationSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await openConversation(db, actor, request.params.conversationId, clock.now());
        return current(actor, request.params.conversationId);
      },
    );

    app.put(
      '/conversations/:conversationId/assignee',
      {
        schema: {
          tags,
          summary: "Assign or unassign the conversation's customer (compare-and-set)",
          params: conversationParamsSchema,
          body: assignRequestSchema,
          response: { 200: conversationSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await assignCustomer(
          db,
          actor,
          { conversationId: request.params.conversationId, ...request.body },
          clock.now(),
        );
        return current(actor, request.params.conversationId);
      },
    );

    app.put(
      '/conversations/:conversationId/status',
      {
        schema: {
          tags,
          summary: 'Move the status by hand (forward, or resolved → pending)',
          params: conversationParamsSchema,
          body: setStatusRequestSchema,
          response: { 200: conversationSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await setConversationStatus(
          db,
          actor,
          request.params.conversationId,
          request.body.status,
          clock.now(),
        );
        return current(actor, request.params.conversationId);
      },
    );

    app.put(
      '/conversations/:conversationId/read',
      {
        schema: {
          tags,
          summary: 'Mark read or unread',
          params: conversationParamsSchema,
          body: setReadRequestSchema,
          response: { 200: conversationSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await markConversationRead(db, actor, request.params.conversationId, request.body.read, clock.now());
        return current(actor, request.params.conversationId);
      },
    );

    app.put(
      '/conversations/:conversationId/bot',
      {
        schema: {
          tags,
          summary: 'Chatbot on or off for this customer',
          params: conversationParamsSchema,
          body: setBotRequestSchema,
          response: { 200: conversationSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const change = { flag: 'bot' as const, enabled: request.body.enabled };
        await setCustomerFlag(db, actor, request.params.conversationId, change, clock.now());
        return current(actor, request.params.conversationId);
      },
    );

    app.put(
      '/conversations/:conversationId/blocked',
      {
        schema: {
          tags,
          summary: 'Block or unblock the customer',
          params: conversationParamsSchema,
          body: setBlockedRequestSchema,
          response: { 200: conversationSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const change = { flag: 'blocked' as const, enabled: request.body.blocked };
        await setCustomerFlag(db, actor, request.params.conversationId, change, clock.now());
        return current(actor, request.params.conversationId);
      },
    );
  };
}
