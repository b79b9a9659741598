import {
  channelListResponseSchema,
  channelParamsSchema,
  channelSchema,
  channelTestResponseSchema,
  createChannelRequestSchema,
  errorResponseSchema,
  updateChannelRequestSchema,
  webhookSetupResponseSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { AppError } from '../platform/errors.ts';
import { assertCanManageWorkspace } from '../workspaces/members.policy.ts';
import { presentChannel } from './channels.presenter.ts';
import { findChannel, listChannels } from './channels.repo.ts';
import { connectChannel } from './commands/connect-channel.ts';
import { updateChannel } from './commands/update-channel.ts';
import { testChannel } from './test-channel.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['channels'];

/** Channels: everyone lists them (rail, filters); admins connect, edit, test and disconnect. */
export function channelRoutes({
  db,
  clock,
  config,
  secretBox,
  webhookSecrets,
}: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);
    // A connected or edited channel may bring a new app secret: verify with it at once.
    app.addHook('onResponse', async (request) => {
      if (request.method !== 'GET') webhookSecrets.invalidate();
    });

    app.get(
      '/channels',
      {
        schema: {
          tags,
          summary: 'Connected channels',
          response: { 200: channelListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        items: (await listChannels(db.kysely, actorOf(request).workspaceId)).map((row) =>
          presentChannel(row, secretBox),
        ),
      }),
    );

    app.post(
      '/channels',
      {
        schema: {
          tags,
          summary: 'Connect a WhatsApp number, Facebook Page or Instagram account (admins)',
          body: createChannelRequestSchema,
          response: { 201: channelSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentChannel(
              await connectChannel(db, secretBox, actorOf(request), request.body, clock.now()),
              secretBox,
            ),
          ),
    );

    app.patch(
      '/channels/:channelId',
      {
        schema: {
          tags,
          summary:
            'Rename, replace the token or app secret, disconnect (active: false) or reconnect (admins)',
          params: channelParamsSchema,
          body: updateChannelRequestSchema,
          response: { 200: channelSchema, ...errors },
        },
      },
      async (request) =>
        presentChannel(
          await updateChannel(
            db,
            secretBox,
            actorOf(request),
            request.params.channelId,
            request.body,
            clock.now(),
          ),
          secretBox,
        ),
    );

    app.post(
      '/channels/:channelId/test',
      {
        schema: {
          tags,
          summary: 'Call the Graph API with the channel token and report what Meta says (admins)',
          params: channelParamsSchema,
          response: { 200: channelTestResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        assertCanManageWorkspace(actor);
        const channel = await findChannel(db.kysely, actor.workspaceId, request.params.channelId);
        if (!channel) throw new AppError('CHANNEL_NOT_FOUND');
        return testChannel(config.META_GRAPH_URL, secretBox, channel);
      },
    );

    app.get(
      '/channels/webhook-setup',
      {
        schema: {
          tags,
          summary: 'The callback URL and verify token to paste into the Meta App Dashboard (admins)',
          response: { 200: webhookSetupResponseSchema, ...errors },
        },
      },
      async (request) => {
        assertCanManageWorkspace(actorOf(request));
        const base = config.PUBLIC_URL ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
        return {
          webhookUrl: `${base.replace(/\/$/, '')}/webhooks/meta`,
          verifyToken: config.META_VERIFY_TOKEN ?? null,
        };
      },
    );
  };
}
