import {
  createQuickReplyRequestSchema,
  errorResponseSchema,
  quickReplyListQuerySchema,
  quickReplyListResponseSchema,
  quickReplyParamsSchema,
  quickReplySchema,
  updateQuickReplyRequestSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normalizeText } from '../customers/customer-search.ts';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { createQuickReply, deleteQuickReply, updateQuickReply } from './commands/manage-quick-replies.ts';
import { presentQuickReply } from './quick-replies.presenter.ts';
import { listUsableReplies } from './quick-replies.repo.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['quick replies'];

/** Saved replies for the composer's `/`: personal ones and the team's shared ones. */
export function quickReplyRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/quick-replies',
      {
        schema: {
          tags,
          summary:
            'Your personal and the shared quick replies, by shortcut; q searches shortcut, title and text',
          querystring: quickReplyListQuerySchema,
          response: { 200: quickReplyListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const needle = request.query.q ? normalizeText(request.query.q) : undefined;
        const rows = await listUsableReplies(db.kysely, actor.workspaceId, actor.memberId, needle);
        return { items: rows.map(presentQuickReply) };
      },
    );

    app.post(
      '/quick-replies',
      {
        schema: {
          tags,
          summary: 'Save a quick reply: personal, or shared (admins and supervisors)',
          body: createQuickReplyRequestSchema,
          response: { 201: quickReplySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createQuickReply(db, actorOf(request), request.body, clock.now())),
    );

    app.patch(
      '/quick-replies/:quickReplyId',
      {
        schema: {
          tags,
          summary: 'Edit a quick reply (yours, or a shared one as admin or supervisor)',
          params: quickReplyParamsSchema,
          body: updateQuickReplyRequestSchema,
          response: { 200: quickReplySchema, ...errors },
        },
      },
      async (request) =>
        updateQuickReply(db, actorOf(request), request.params.quickReplyId, request.body, clock.now()),
    );

    app.delete(
      '/quick-replies/:quickReplyId',
      {
        schema: {
          tags,
          summary: 'Delete a quick reply (yours, or a shared one as admin or supervisor)',
          params: quickReplyParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteQuickReply(db, actorOf(request), request.params.quickReplyId);
        return reply.code(204).send(null);
      },
    );
  };
}
