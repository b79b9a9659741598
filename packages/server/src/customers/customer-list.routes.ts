import {
  customerImportResultSchema,
  customerListQuerySchema,
  customerListResponseSchema,
  errorResponseSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../http/deps.ts';
import { preferredLanguage } from '../http/http-errors.ts';
import { actorOf } from '../http/request-auth.ts';
import { AppError } from '../platform/errors.ts';
import { importCustomers } from './commands/import-customers.ts';
import { exportCustomersCsv } from './export-customers.ts';
import { listCustomers } from './list-customers.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };
const tags = ['customers'];
/** Largest customers CSV accepted. */
const MAX_CSV_BYTES = 10 * 1024 * 1024;

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/** The Customers page: list with filters, CSV export under the same filters, CSV import. */
export function registerCustomerListRoutes(app: ZodApp, { db, clock }: AppDeps): void {
  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Customers the member may see, newest first (keyset-paginated), with filters',
        querystring: customerListQuerySchema,
        response: { 200: customerListResponseSchema, ...errors },
      },
    },
    async (request) => listCustomers(db, actorOf(request), request.query),
  );

  app.get(
    '/customers/export.csv',
    {
      schema: {
        tags,
        summary: 'The same customers as a CSV file (UTF-8 with BOM), one column per custom field',
        querystring: customerListQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await exportCustomersCsv(db, actorOf(request), request.query);
      const day = new Date(clock.now()).toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="customers-${day}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/customers/import',
    {
      schema: {
        tags,
        summary:
          'Import customers from a CSV file (multipart field "file"; admins). Every line is checked first: one bad line imports nothing and is named with its column',
        consumes: ['multipart/form-data'],
        response: { 200: customerImportResultSchema, ...errors },
      },
    },
    async (request) => {
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
      return importCustomers(db, actorOf(request), text, clock.now(), preferredLanguage(request));
    },
  );
}
