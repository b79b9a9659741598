import {
  createCustomFieldRequestSchema,
  customerFieldParamsSchema,
  customerFieldValueSchema,
  customerFieldValuesResponseSchema,
  customerParamsSchema,
  customFieldListResponseSchema,
  customFieldParamsSchema,
  customFieldSchema,
  errorResponseSchema,
  setCustomerFieldValueRequestSchema,
  updateCustomFieldRequestSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { loadVisibleCustomer } from '../customers/customer-access.ts';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { createCustomField, deleteCustomField, updateCustomField } from './commands/manage-custom-fields.ts';
import { setCustomerFieldValue } from './commands/set-field-value.ts';
import { presentCustomerValues, presentCustomField } from './custom-fields.presenter.ts';
import { listCustomFields, valuesOfCustomer } from './custom-fields.repo.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['custom fields'];

/** Workspace-defined customer fields (admins define them) and each customer's values. */
export function customFieldRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    const customerValues = async (actor: Actor, customerId: string) => {
      const customer = await loadVisibleCustomer(db.kysely, actor, customerId);
      const [fields, values] = await Promise.all([
        listCustomFields(db.kysely, actor.workspaceId),
        valuesOfCustomer(db.kysely, actor.workspaceId, customer.id),
      ]);
      return presentCustomerValues(fields, values);
    };

    app.get(
      '/custom-fields',
      {
        schema: {
          tags,
          summary: 'The custom fields, in creation order',
          response: { 200: customFieldListResponseSchema, ...errors },
        },
      },
      async (request) => ({
        items: (await listCustomFields(db.kysely, actorOf(request).workspaceId)).map(presentCustomField),
      }),
    );

    app.post(
      '/custom-fields',
      {
        schema: {
          tags,
          summary:
            'Define a field: text, integer, decimal, boolean (yes/no), date (YYYY-MM-DD) or list (admins)',
          body: createCustomFieldRequestSchema,
          response: { 201: customFieldSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createCustomField(db, actorOf(request), request.body, clock.now())),
    );

    app.patch(
      '/custom-fields/:fieldId',
      {
        schema: {
          tags,
          summary:
            "Rename a field or change a list's options; values no longer an option are cleared (admins)",
          params: customFieldParamsSchema,
          body: updateCustomFieldRequestSchema,
          response: { 200: customFieldSchema, ...errors },
        },
      },
      async (request) =>
        updateCustomField(db, actorOf(request), request.params.fieldId, request.body, clock.now()),
    );

    app.delete(
      '/custom-fields/:fieldId',
      {
        schema: {
          tags,
          summary: "Delete a field and every customer's value of it (admins)",
          params: customFieldParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteCustomField(db, actorOf(request), request.params.fieldId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/customers/:customerId/custom-fields',
      {
        schema: {
          tags,
          summary: 'Every custom field with this customer’s value (null: not filled in)',
          params: customerParamsSchema,
          response: { 200: customerFieldValuesResponseSchema, ...errors },
        },
      },
      async (request) => ({ items: await customerValues(actorOf(request), request.params.customerId) }),
    );

    app.put(
      '/customers/:customerId/custom-fields/:fieldId',
      {
        schema: {
          tags,
          summary: "Set the customer's value of a field (checked against its type); null clears it",
          params: customerFieldParamsSchema,
          body: setCustomerFieldValueRequestSchema,
          response: { 200: customerFieldValueSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await setCustomerFieldValue(db, actor, request.params, request.body.value, clock.now());
        const items = await customerValues(actor, request.params.customerId);
        const item = items.find((entry) => entry.field.id === request.params.fieldId);
        if (!item) throw new Error('the field vanished after its value was set');
        return item;
      },
    );
  };
}
