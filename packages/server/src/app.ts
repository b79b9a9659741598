import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { apiKeyRoutes } from './auth/api-keys.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { channelRoutes } from './channels/channels.routes.ts';
import { conversationRoutes } from './conversations/conversations.routes.ts';
import { newChatRoutes } from './conversations/new-chat.routes.ts';
import { customFieldRoutes } from './custom-fields/custom-fields.routes.ts';
import { customerRoutes } from './customers/customers.routes.ts';
import { dealRoutes } from './deals/deals.routes.ts';
import type { AppDeps } from './http/deps.ts';
import { healthRoutes } from './http/health.routes.ts';
import { registerErrorHandling } from './http/http-errors.ts';
import { registerRequestAuth } from './http/request-auth.ts';
import { registerWebApp } from './http/web-app.ts';
import { MAX_UPLOAD_BYTES, mediaRoutes } from './media/media.routes.ts';
import { noteRoutes } from './notes/notes.routes.ts';
import { orderRoutes } from './orders/orders.routes.ts';
import { quickReplyRoutes } from './quick-replies/quick-replies.routes.ts';
import { eventRoutes, realtimeRoutes } from './realtime/index.ts';
import { reminderRoutes } from './reminders/reminders.routes.ts';
import { tagRoutes } from './tags/tags.routes.ts';
import { templateRoutes } from './templates/templates.routes.ts';
import { metaWebhookRoutes } from './webhooks/meta-webhook.routes.ts';
import { memberRoutes } from './workspaces/members.routes.ts';

/** Largest JSON body accepted (uploads go through multipart with their own limits). */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP app without listening; tests drive it with `inject` or a real port. */
export async function buildApp(
  deps: AppDeps,
  options: { webDistDir?: string } = {},
): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Charla API',
        description:
          'Omnichannel inbox API. Authenticate with `Authorization: Bearer <API key>`, or with the session cookie plus the `x-csrf-token` header on writes.',
        version: '1',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  // Clients only listen on the socket; anything they send is ignored, so keep frames tiny.
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });

  registerRequestAuth(app, deps);
  await app.register(healthRoutes(deps));
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(memberRoutes(deps));
      await api.register(apiKeyRoutes(deps));
      await api.register(channelRoutes(deps));
      await api.register(conversationRoutes(deps));
      await api.register(newChatRoutes(deps));
      await api.register(customerRoutes(deps));
      await api.register(mediaRoutes(deps));
      await api.register(eventRoutes(deps));
      await api.register(realtimeRoutes(deps));
      await api.register(templateRoutes(deps));
      await api.register(tagRoutes(deps));
      await api.register(dealRoutes(deps));
      await api.register(orderRoutes(deps));
      await api.register(reminderRoutes(deps));
      await api.register(noteRoutes(deps));
      await api.register(customFieldRoutes(deps));
      await api.register(quickReplyRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  await app.register(metaWebhookRoutes(deps));
  await registerWebApp(app, options.webDistDir);
  return app;
}
