import { channelParamsSchema, errorResponseSchema, templateListResponseSchema } from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findChannel } from '../channels/channels.repo.ts';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { AppError } from '../platform/errors.ts';
import { assertCanManageWorkspace } from '../workspaces/members.policy.ts';
import { syncTemplates } from './sync-templates.ts';
import { presentTemplate } from './template-components.ts';
import { listTemplates } from './templates.repo.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

/** WhatsApp templates per number: members list them for the composer; admins sync them from Meta. */
export function templateRoutes({ db, clock, config, secretBox }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/channels/:channelId/templates',
      {
        schema: {
          tags: ['templates'],
          summary: "A WhatsApp number's message templates",
          params: channelParamsSchema,
          response: { 200: templateListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return {
          items: (await listTemplates(db.kysely, actor.workspaceId, request.params.channelId)).map(
            presentTemplate,
          ),
        };
      },
    );

    app.post(
      '/channels/:channelId/templates/sync',
      {
        schema: {
          tags: ['templates'],
          summary: 'Sync templates from the WhatsApp Business Account now (admins)',
          params: channelParamsSchema,
          response: { 200: templateListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        assertCanManageWorkspace(actor);
        const channel = await findChannel(db.kysely, actor.workspaceId, request.params.channelId);
        if (!channel) throw new AppError('CHANNEL_NOT_FOUND');
        await syncTemplates(db, { secretBox, graphUrl: config.META_GRAPH_URL }, channel, clock.now());
        return {
          items: (await listTemplates(db.kysely, actor.workspaceId, channel.id)).map(presentTemplate),
        };
      },
    );
  };
}
