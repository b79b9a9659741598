import {
  customerParamsSchema,
  customerProfileSchema,
  errorResponseSchema,
  mergeCustomersRequestSchema,
  updateCustomerRequestSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { mergeCustomers } from './commands/merge-customers.ts';
import { updateCustomer } from './commands/update-customer-details.ts';
import { registerCustomerListRoutes } from './customer-list.routes.ts';
import { loadCustomerProfile } from './load-customer-profile.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Customers: the record the customer panel shows beside the chat. */
export function customerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, clock } = deps;
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);
    registerCustomerListRoutes(app, deps);

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

    app.patch(
      '/customers/:customerId',
      {
        schema: {
          tags: ['customers'],
          summary: 'Edit the customer\'s details (only the fields sent; null or "" clears one)',
          params: customerParamsSchema,
          body: updateCustomerRequestSchema,
          response: { 200: customerProfileSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await updateCustomer(db, actor, request.params.customerId, request.body, clock.now());
        return loadCustomerProfile(db.kysely, actor, request.params.customerId);
      },
    );

    app.post(
      '/customers/:customerId/merge',
      {
        schema: {
          tags: ['customers'],
          summary:
            'Merge another customer (`from`) into this one: every identity, conversation, note, deal, order, reminder, tag and field value moves, then `from` is deleted',
          params: customerParamsSchema,
          body: mergeCustomersRequestSchema,
          response: { 200: customerProfileSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await mergeCustomers(db, actor, request.params.customerId, request.body.from, clock.now());
        return loadCustomerProfile(db.kysely, actor, request.params.customerId);
      },
    );
  };
}
