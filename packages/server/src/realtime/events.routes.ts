import { errorResponseSchema, eventsQuerySchema, eventsResponseSchema } from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { listVisibleEvents } from './list-visible-events.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

/** `GET /events?after=`: the event log a member may see, to resync after a reconnect. */
export function eventRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/events',
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ['realtime'],
          summary: 'Events after an id that the signed-in member may see, oldest first',
          querystring: eventsQuerySchema,
          response: { 200: eventsResponseSchema, ...errors },
        },
      },
      async (request) => {
        const { after, limit } = request.query;
        return listVisibleEvents(db.kysely, actorOf(request), after, limit);
      },
    );
  };
}
