import { errorResponseSchema } from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { pendingMigrations } from '../db/migrate.ts';
import type { AppDeps } from './deps.ts';
import { sendError } from './http-errors.ts';

/** `/healthz`: the process answers. `/readyz`: the database answers and its schema is current. */
export function healthRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      { schema: { tags: ['health'], response: { 200: z.object({ ok: z.literal(true) }) } } },
      async () => ({ ok: true as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          response: {
            200: z.object({ ok: z.literal(true), engine: z.enum(['sqlite', 'postgres']) }),
            503: errorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        try {
          await sql`select 1`.execute(db.kysely);
          if ((await pendingMigrations(db)).length > 0) return sendError(request, reply, 'NOT_READY');
        } catch (error) {
          request.log.warn({ err: error }, 'readiness check failed');
          return sendError(request, reply, 'NOT_READY');
        }
        return { ok: true as const, engine: db.engine };
      },
    );
  };
}
