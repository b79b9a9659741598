import { eventsQuerySchema } from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf, isAllowedOrigin } from '../http/request-auth.ts';
import { AppError } from '../platform/errors.ts';
import { RealtimeHub } from './realtime-hub.ts';

/** Without `after` the socket streams from now on; with it, it first catches up from the table. */
const socketQuerySchema = z.object({ after: eventsQuerySchema.shape.after.unwrap().optional() });

/**
 * WebSocket `/realtime`: the live event stream, authenticated like any request (session cookie
 * or `Authorization: Bearer`). Refusals (bad credentials, foreign Origin) are plain HTTP errors
 * before the upgrade. Owns the process's realtime hub and stops it when the app closes.
 */
export function realtimeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const hub = new RealtimeHub(deps.db, deps.logger);
    await hub.start();
    app.addHook('onClose', async () => hub.stop());

    app.get(
      '/realtime',
      {
        websocket: true,
        preHandler: [
          // A browser always sends Origin on WebSockets: this stops cross-site socket hijacking.
          async (request) => {
            if (!isAllowedOrigin(request, deps.config)) throw new AppError('ORIGIN_NOT_ALLOWED');
          },
          app.requireAuth,
        ],
        schema: { querystring: socketQuerySchema },
      },
      async (socket, request) => {
        await hub.attach(socket, actorOf(request), request.query.after ?? null);
      },
    );
  };
}
