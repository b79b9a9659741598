import {
  customerNoteListResponseSchema,
  customerNoteParamsSchema,
  customerNoteRequestSchema,
  customerNoteSchema,
  customerParamsSchema,
  errorResponseSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadVisibleCustomer } from '../customers/customer-access.ts';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { addNote, editNote, removeNote } from './commands/customer-notes.ts';
import { presentNote } from './notes.presenter.ts';
import { listNotes } from './notes.repo.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const tags = ['customer notes'];

/** Free-text notes about a customer, with author and time. */
export function noteRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/customers/:customerId/notes',
      {
        schema: {
          tags,
          summary: "The customer's notes, newest first",
          params: customerParamsSchema,
          response: { 200: customerNoteListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const customer = await loadVisibleCustomer(db.kysely, actor, request.params.customerId);
        return { items: (await listNotes(db.kysely, actor.workspaceId, customer.id)).map(presentNote) };
      },
    );

    app.post(
      '/customers/:customerId/notes',
      {
        schema: {
          tags,
          summary: 'Add a note about the customer',
          params: customerParamsSchema,
          body: customerNoteRequestSchema,
          response: { 201: customerNoteSchema, ...errors },
        },
      },
      async (request, reply) => {
        const note = await addNote(
          db,
          actorOf(request),
          request.params.customerId,
          request.body.body,
          clock.now(),
        );
        return reply.code(201).send(note);
      },
    );

    app.patch(
      '/customers/:customerId/notes/:noteId',
      {
        schema: {
          tags,
          summary: 'Rewrite a note (its author only)',
          params: customerNoteParamsSchema,
          body: customerNoteRequestSchema,
          response: { 200: customerNoteSchema, ...errors },
        },
      },
      async (request) => editNote(db, actorOf(request), request.params, request.body.body, clock.now()),
    );

    app.delete(
      '/customers/:customerId/notes/:noteId',
      {
        schema: {
          tags,
          summary: 'Delete a note (its author, or an admin)',
          params: customerNoteParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await removeNote(db, actorOf(request), request.params);
        return reply.code(204).send(null);
      },
    );
  };
}
