import {
  errorResponseSchema,
  startConversationRequestSchema,
  startConversationResponseSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { startConversation } from './commands/start-conversation.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** New chat: a member starts a WhatsApp conversation with an approved template. */
export function newChatRoutes({ db, clock, worker }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.post(
      '/conversations',
      {
        schema: {
          tags: ['conversations'],
          summary:
            'Start a WhatsApp chat with a phone number or a known customer by sending an approved template; the same clientId again returns the same chat and message (200)',
          body: startConversationRequestSchema,
          response: { 200: startConversationResponseSchema, 201: startConversationResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { created, ...started } = await startConversation(
          db,
          actorOf(request),
          request.body,
          clock.now(),
        );
        if (created) worker.wake();
        return reply.code(created ? 201 : 200).send(started);
      },
    );
  };
}
