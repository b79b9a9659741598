import {
  createDealRequestSchema,
  createFunnelRequestSchema,
  dealListQuerySchema,
  dealListResponseSchema,
  dealParamsSchema,
  dealSchema,
  errorResponseSchema,
  funnelListResponseSchema,
  funnelParamsSchema,
  funnelSchema,
  updateDealRequestSchema,
  updateFunnelRequestSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { createDeal, deleteDeal, updateDeal } from './commands/manage-deals.ts';
import { createFunnel, deleteFunnel, updateFunnel } from './commands/manage-funnels.ts';
import { presentFunnel } from './deals.presenter.ts';
import { listFunnelRows, stagesOfFunnels } from './funnels.repo.ts';
import { listDeals } from './list-deals.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Sales funnels (admin settings) and the deals moving through their stages. */
export function dealRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/funnels',
      {
        schema: {
          tags: ['funnels'],
          summary: "The workspace's funnels with their stages in board order",
          response: { 200: funnelListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const { workspaceId } = actorOf(request);
        const funnels = await listFunnelRows(db.kysely, workspaceId);
        const stages = await stagesOfFunnels(
          db.kysely,
          funnels.map((funnel) => funnel.id),
        );
        return { items: funnels.map((funnel) => presentFunnel(funnel, stages)) };
      },
    );

    app.post(
      '/funnels',
      {
        schema: {
          tags: ['funnels'],
          summary: 'Create a funnel with its stages (admins)',
          body: createFunnelRequestSchema,
          response: { 201: funnelSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createFunnel(db, actorOf(request), request.body, clock.now())),
    );

    app.patch(
      '/funnels/:funnelId',
      {
        schema: {
          tags: ['funnels'],
          summary: 'Rename a funnel and/or add, rename, reorder and remove its stages (admins)',
          params: funnelParamsSchema,
          body: updateFunnelRequestSchema,
          response: { 200: funnelSchema, ...errors },
        },
      },
      async (request) =>
        updateFunnel(db, actorOf(request), request.params.funnelId, request.body, clock.now()),
    );

    app.delete(
      '/funnels/:funnelId',
      {
        schema: {
          tags: ['funnels'],
          summary: 'Delete a funnel that holds no deals (admins)',
          params: funnelParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteFunnel(db, actorOf(request), request.params.funnelId, clock.now());
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/deals',
      {
        schema: {
          tags: ['deals'],
          summary: 'Deals under the filters, with each stage’s count and totals (agents: their own deals)',
          querystring: dealListQuerySchema,
          response: { 200: dealListResponseSchema, ...errors },
        },
      },
      async (request) => listDeals(db.kysely, actorOf(request), request.query),
    );

    app.post(
      '/deals',
      {
        schema: {
          tags: ['deals'],
          summary: 'Create a deal for a customer in a stage',
          body: createDealRequestSchema,
          response: { 201: dealSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createDeal(db, actorOf(request), request.body, clock.now())),
    );

    app.patch(
      '/deals/:dealId',
      {
        schema: {
          tags: ['deals'],
          summary: 'Edit a deal; a new stageId moves it',
          params: dealParamsSchema,
          body: updateDealRequestSchema,
          response: { 200: dealSchema, ...errors },
        },
      },
      async (request) => updateDeal(db, actorOf(request), request.params.dealId, request.body, clock.now()),
    );

    app.delete(
      '/deals/:dealId',
      {
        schema: {
          tags: ['deals'],
          summary: 'Delete a deal',
          params: dealParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await deleteDeal(db, actorOf(request), request.params.dealId, clock.now());
        return reply.code(204).send(null);
      },
    );
  };
}
