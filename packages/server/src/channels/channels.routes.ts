import { type Channel, channelListResponseSchema, errorResponseSchema } from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { type ChannelRow, listChannels } from './channels.repo.ts';

/** A channel as members see it: never its token or app secret. */
export function presentChannel(row: ChannelRow): Channel {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    externalId: row.external_id,
    accountId: row.account_id,
    address: row.address,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

/** Connected channels, for the rail and filters. */
export function channelRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);
    app.get(
      '/channels',
      {
        schema: {
          tags: ['channels'],
          summary: 'Connected channels',
          response: { 200: channelListResponseSchema, 401: errorResponseSchema },
        },
      },
      async (request) => ({
        items: (await listChannels(db.kysely, actorOf(request).workspaceId)).map(presentChannel),
      }),
    );
  };
}
