import { customerParamsSchema, customerProfileSchema, errorResponseSchema } from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { loadCustomerProfile } from './load-customer-profile.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema };

/** Customers: the record the customer panel shows beside the chat. */
export function customerRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/customers/:customerId',
      {
        schema: {
          tags: ['customers'],
          summary: 'A customer with tags, channel identities, owner and all their conversations',
          params: customerParamsSchema,
          response: { 200: customerProfileSchema, ...errors },
        },
      },
      async (request) => loadCustomerProfile(db.kysely, actorOf(request), request.params.customerId),
    );
  };
}
