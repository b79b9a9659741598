import {
  type ApiKey,
  apiKeyListResponseSchema,
  apiKeyParamsSchema,
  createApiKeyRequestSchema,
  createdApiKeyResponseSchema,
  errorResponseSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { assertCanManageWorkspace } from '../workspaces/members.policy.ts';
import { type ApiKeyRow, listApiKeys } from './api-keys.repo.ts';
import { createApiKey } from './commands/create-api-key.ts';
import { revokeApiKey } from './commands/revoke-api-key.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

export function presentApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Admins list, create and revoke API keys. */
export function apiKeyRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/api-keys',
      {
        schema: {
          tags: ['api keys'],
          summary: 'List API keys',
          response: { 200: apiKeyListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        assertCanManageWorkspace(actor);
        return { items: (await listApiKeys(db.kysely, actor.workspaceId)).map(presentApiKey) };
      },
    );

    app.post(
      '/api-keys',
      {
        schema: {
          tags: ['api keys'],
          summary: 'Create an API key; the secret is returned only here',
          body: createApiKeyRequestSchema,
          response: { 201: createdApiKeyResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        assertCanManageWorkspace(actor);
        const { row, secret } = await createApiKey(db, {
          workspaceId: actor.workspaceId,
          memberId: actor.memberId,
          name: request.body.name,
          now: clock.now(),
        });
        return reply.code(201).send({ apiKey: presentApiKey(row), secret });
      },
    );

    app.delete(
      '/api-keys/:apiKeyId',
      {
        schema: {
          tags: ['api keys'],
          summary: 'Revoke an API key',
          params: apiKeyParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await revokeApiKey(db, actorOf(request), request.params.apiKeyId, clock.now());
        return reply.code(204).send(null);
      },
    );
  };
}
