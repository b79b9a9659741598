import {
  errorResponseSchema,
  loginRequestSchema,
  memberSchema,
  meResponseSchema,
  setAvailabilityRequestSchema,
  setupRequestSchema,
  setupStatusResponseSchema,
} from '@charla/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { AppError } from '../platform/errors.ts';
import { createWorkspace } from '../workspaces/commands/create-workspace.ts';
import { setAvailability } from '../workspaces/commands/set-availability.ts';
import { presentMember, presentWorkspace } from '../workspaces/workspaces.presenter.ts';
import { countWorkspaces, findMember, findWorkspace } from '../workspaces/workspaces.repo.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { signIn } from './commands/sign-in.ts';
import { deleteSession } from './sessions.repo.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

/** First-run setup, sign in / out, and who am I. */
export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, clock, config, loginThrottle } = deps;
  const ttlMs = config.SESSION_TTL_HOURS * 3_600_000;

  async function openSession(reply: FastifyReply, email: string, password: string, clientAddress: string) {
    const { token, session, member } = await signIn(db, loginThrottle, {
      email,
      password,
      clientAddress,
      now: clock.now(),
      ttlMs,
    });
    const workspace = await findWorkspace(db.kysely, member.workspace_id);
    if (!workspace) throw new AppError('WORKSPACE_NOT_FOUND');
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: '/',
      maxAge: Math.floor(ttlMs / 1000),
    });
    return {
      member: presentMember(member),
      workspace: presentWorkspace(workspace),
      csrfToken: session.csrf_token,
      via: 'session' as const,
    };
  }

  return async (app) => {
    app.get(
      '/setup',
      {
        schema: {
          tags: ['auth'],
          summary: 'Whether first-run setup is needed',
          response: { 200: setupStatusResponseSchema },
        },
      },
      async () => ({ needsSetup: (await countWorkspaces(db.kysely)) === 0 }),
    );

    app.post(
      '/setup',
      {
        schema: {
          tags: ['auth'],
          summary: 'First run: create the workspace and its first admin, and sign in',
          body: setupRequestSchema,
          response: { 201: meResponseSchema, 409: errorResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { workspaceName, name, email, password } = request.body;
        await createWorkspace(db, clock.now(), {
          workspaceName,
          adminName: name,
          adminEmail: email,
          adminPassword: password,
          onlyIfFirst: true,
        });
        return reply.code(201).send(await openSession(reply, email, password, request.ip));
      },
    );

    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password; sets the session cookie',
          body: loginRequestSchema,
          response: { 200: meResponseSchema, 429: errorResponseSchema, ...errors },
        },
      },
      async (request, reply) => openSession(reply, request.body.email, request.body.password, request.ip),
    );

    app.post(
      '/auth/logout',
      {
        preHandler: app.requireAuth,
        schema: { tags: ['auth'], summary: 'Sign out this session', response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (actor.sessionId) await deleteSession(db.kysely, actor.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'The signed-in member and workspace',
          response: { 200: meResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const [member, workspace] = await Promise.all([
          findMember(db.kysely, actor.workspaceId, actor.memberId),
          findWorkspace(db.kysely, actor.workspaceId),
        ]);
        if (!member || !workspace) throw new AppError('UNAUTHENTICATED');
        return {
          member: presentMember(member),
          workspace: presentWorkspace(workspace),
          csrfToken: actor.csrfToken,
          via: actor.via,
        };
      },
    );

    app.put(
      '/me/availability',
      {
        preHandler: app.requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'Set yourself available or away',
          body: setAvailabilityRequestSchema,
          response: { 200: memberSchema, ...errors },
        },
      },
      async (request) =>
        presentMember(await setAvailability(db, actorOf(request), request.body.availability, clock.now())),
    );
  };
}
