import {
  createMemberRequestSchema,
  errorResponseSchema,
  memberListResponseSchema,
  memberParamsSchema,
  memberSchema,
  updateMemberRequestSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { createMember } from './commands/create-member.ts';
import { updateMember } from './commands/update-member.ts';
import { presentMember } from './workspaces.presenter.ts';
import { listMembers } from './workspaces.repo.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Members of the workspace: every member may list them (to assign chats); admins manage them. */
export function memberRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/members',
      {
        schema: {
          tags: ['members'],
          summary: 'List members',
          response: { 200: memberListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        items: (await listMembers(db.kysely, actorOf(request).workspaceId)).map(presentMember),
      }),
    );

    app.post(
      '/members',
      {
        schema: {
          tags: ['members'],
          summary: 'Add a member (admins)',
          body: createMemberRequestSchema,
          response: { 201: memberSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(presentMember(await createMember(db, actorOf(request), request.body, clock.now()))),
    );

    app.patch(
      '/members/:memberId',
      {
        schema: {
          tags: ['members'],
          summary: 'Edit, deactivate or reactivate a member (admins)',
          params: memberParamsSchema,
          body: updateMemberRequestSchema,
          response: { 200: memberSchema, ...errors },
        },
      },
      async (request) =>
        presentMember(
          await updateMember(db, actorOf(request), request.params.memberId, request.body, clock.now()),
        ),
    );
  };
}
