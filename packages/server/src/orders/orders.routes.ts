import {
  createOrderRequestSchema,
  customerOrdersResponseSchema,
  customerParamsSchema,
  errorResponseSchema,
  orderImportParamsSchema,
  orderImportSchema,
  orderParamsSchema,
  orderSchema,
  shopOrderRequestSchema,
  shopOrderResponseSchema,
  updateOrderRequestSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadVisibleCustomer } from '../customers/customer-access.ts';
import type { AppDeps } from '../http/deps.ts';
import { preferredLanguage } from '../http/http-errors.ts';
import { actorOf } from '../http/request-auth.ts';
import { AppError } from '../platform/errors.ts';
import { startOrderImport } from './commands/import-orders.ts';
import { createOrder, updateOrder } from './commands/member-orders.ts';
import { recordShopOrder } from './commands/record-shop-order.ts';
import { presentImport, presentOrder, presentStatusTotals } from './orders.presenter.ts';
import { findImportRow, ordersOfCustomer, orderTotalsOfCustomer } from './orders.repo.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['orders'];
/** Largest orders CSV accepted. */
const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** Orders: a customer's history with totals per status, members' orders, shops' API and CSV import. */
export function orderRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/customers/:customerId/orders',
      {
        schema: {
          tags,
          summary: "The customer's orders, newest first, with count and total per status and currency",
          params: customerParamsSchema,
          response: { 200: customerOrdersResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const customer = await loadVisibleCustomer(db.kysely, actor, request.params.customerId);
        const [rows, totals] = await Promise.all([
          ordersOfCustomer(db.kysely, actor.workspaceId, customer.id),
          orderTotalsOfCustomer(db.kysely, actor.workspaceId, customer.id),
        ]);
        return { items: rows.map(presentOrder), totals: presentStatusTotals(totals) };
      },
    );

    app.post(
      '/customers/:customerId/orders',
      {
        schema: {
          tags,
          summary: 'Record an order for the customer (prices in minor units)',
          params: customerParamsSchema,
          body: createOrderRequestSchema,
          response: { 201: orderSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await createOrder(db, actorOf(request), request.params.customerId, request.body, clock.now()),
          ),
    );

    app.patch(
      '/orders/:orderId',
      {
        schema: {
          tags,
          summary: "Change an order's status, notes or items",
          params: orderParamsSchema,
          body: updateOrderRequestSchema,
          response: { 200: orderSchema, ...errors },
        },
      },
      async (request) => updateOrder(db, actorOf(request), request.params.orderId, request.body, clock.now()),
    );

    app.post(
      '/orders',
      {
        schema: {
          tags,
          summary:
            'A shop posts an order (API key): the customer is matched by phone or e-mail, else created; the same externalId again answers 200 with the stored order',
          body: shopOrderRequestSchema,
          response: { 200: shopOrderResponseSchema, 201: shopOrderResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await recordShopOrder(db, actorOf(request), request.body, clock.now());
        return reply.code(result.created ? 201 : 200).send(result);
      },
    );

    app.post(
      '/orders/import',
      {
        schema: {
          tags,
          summary:
            'Import orders from a CSV file (multipart field "file"; admins). A file unreadable as a whole answers 400; otherwise the import is queued (202) and GET /orders/imports/{importId} shows it checking every line, then storing all orders in one transaction. One bad line imports nothing and is named with its column (in the Accept-Language, en or es)',
          consumes: ['multipart/form-data'],
          response: { 202: orderImportSchema, ...errors },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError('VALIDATION_FAILED', {
            fields: [{ field: 'body', message: 'must be multipart/form-data with a "file" field' }],
          });
        }
        const file = await request.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
        if (file?.fieldname !== 'file') {
          throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', message: 'is required' }] });
        }
        const text = (await file.toBuffer()).toString('utf8');
        const language = preferredLanguage(request);
        const started = await startOrderImport(db, actorOf(request), text, clock.now(), language);
        return reply.code(202).send(started);
      },
    );

    app.get(
      '/orders/imports/:importId',
      {
        schema: {
          tags,
          summary:
            "An import's progress: its phase, lines checked of the file's lines, the orders it holds, and each bad line",
          params: orderImportParamsSchema,
          response: { 200: orderImportSchema, ...errors },
        },
      },
      async (request) => {
        const row = await findImportRow(db.kysely, actorOf(request).workspaceId, request.params.importId);
        if (!row) throw new AppError('ORDER_IMPORT_NOT_FOUND');
        return presentImport(row, preferredLanguage(request));
      },
    );
  };
}
