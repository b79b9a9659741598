import {
  createTagRequestSchema,
  customerParamsSchema,
  customerTagParamsSchema,
  errorResponseSchema,
  mergeTagRequestSchema,
  tagCustomerByNameRequestSchema,
  tagListResponseSchema,
  tagParamsSchema,
  tagSchema,
  updateTagRequestSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { createTag, deleteTag, loadTag, mergeTags, updateTag } from './commands/manage-tags.ts';
import { tagCustomer, untagCustomer } from './commands/tag-customer.ts';
import { listTagsWithUsage } from './tags.repo.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['tags'];

/** Coloured customer tags: the workspace's list, management (admins) and tagging customers. */
export function tagRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/tags',
      {
        schema: {
          tags,
          summary: 'Every tag, by name, with how many customers carry it',
          response: { 200: tagListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const rows = await listTagsWithUsage(db.kysely, actorOf(request).workspaceId);
        return {
          items: rows.map((row) => ({
            id: row.id,
            name: row.name,
            color: row.color,
            customerCount: Number(row.customer_count),
          })),
        };
      },
    );

    app.post(
      '/tags',
      {
        schema: {
          tags,
          summary: 'Create a tag',
          body: createTagRequestSchema,
          response: { 201: tagSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createTag(db, actorOf(request), request.body, clock.now())),
    );

    app.patch(
      '/tags/:tagId',
      {
        schema: {
          tags,
          summary: 'Rename or recolour a tag (admins)',
          params: tagParamsSchema,
          body: updateTagRequestSchema,
          response: { 200: tagSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await updateTag(db, actor, request.params.tagId, request.body, clock.now());
        const tag = await loadTag(db.kysely, actor, request.params.tagId);
        return { id: tag.id, name: tag.name, color: tag.color };
      },
    );

    app.delete(
      '/tags/:tagId',
      {
        schema: {
          tags,
          summary: 'Delete a tag and remove it from every customer (admins)',
          params: tagParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteTag(db, actorOf(request), request.params.tagId, clock.now());
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/tags/:tagId/merge',
      {
        schema: {
          tags,
          summary:
            'Merge this tag into another: its customers get `into` (once) and this tag is deleted (admins)',
          params: tagParamsSchema,
          body: mergeTagRequestSchema,
          response: { 200: tagSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await mergeTags(db, actor, request.params.tagId, request.body.into, clock.now());
        const into = await loadTag(db.kysely, actor, request.body.into);
        return { id: into.id, name: into.name, color: into.color };
      },
    );

    app.put(
      '/customers/:customerId/tags/:tagId',
      {
        schema: {
          tags,
          summary: 'Put a tag on a customer (again is harmless)',
          params: customerTagParamsSchema,
          response: { 200: tagSchema, ...errors },
        },
      },
      async (request) => {
        const { customerId, tagId } = request.params;
        return tagCustomer(db, actorOf(request), customerId, { tagId }, clock.now());
      },
    );

    app.post(
      '/customers/:customerId/tags',
      {
        schema: {
          tags,
          summary: 'Tag a customer by name: the existing tag of that name (any case), or a new one',
          params: customerParamsSchema,
          body: tagCustomerByNameRequestSchema,
          response: { 200: tagSchema, ...errors },
        },
      },
      async (request) =>
        tagCustomer(db, actorOf(request), request.params.customerId, request.body, clock.now()),
    );

    app.delete(
      '/customers/:customerId/tags/:tagId',
      {
        schema: {
          tags,
          summary: 'Remove a tag from a customer',
          params: customerTagParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { customerId, tagId } = request.params;
        await untagCustomer(db, actorOf(request), customerId, tagId, clock.now());
        return reply.code(204).send(null);
      },
    );
  };
}
