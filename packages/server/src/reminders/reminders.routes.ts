import {
  createReminderRequestSchema,
  customerParamsSchema,
  errorResponseSchema,
  reminderListQuerySchema,
  reminderListResponseSchema,
  reminderParamsSchema,
  reminderSchema,
  workspaceTimeZoneSchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conversationScope } from '../conversations/conversations.policy.ts';
import { loadVisibleCustomer } from '../customers/customer-access.ts';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { cancelReminder } from './commands/cancel-reminder.ts';
import { scheduleReminder } from './commands/schedule-reminder.ts';
import { setTimeZone } from './commands/set-time-zone.ts';
import { presentReminder } from './reminders.presenter.ts';
import { findWorkspaceTimeZone, listReminderViews, remindersOfCustomer } from './reminders.repo.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['reminders'];

/** Reminders about customers: a WhatsApp template or a notification to the owner, at a local time. */
export function reminderRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.get(
      '/customers/:customerId/reminders',
      {
        schema: {
          tags,
          summary: "The customer's reminders, soonest first, in every status",
          params: customerParamsSchema,
          response: { 200: reminderListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const customer = await loadVisibleCustomer(db.kysely, actor, request.params.customerId);
        return {
          items: (await remindersOfCustomer(db.kysely, actor.workspaceId, customer.id)).map(presentReminder),
        };
      },
    );

    app.post(
      '/customers/:customerId/reminders',
      {
        schema: {
          tags,
          summary:
            "Schedule a reminder at a local time in the workspace's time zone: send a WhatsApp template, or notify the customer's owner",
          params: customerParamsSchema,
          body: createReminderRequestSchema,
          response: { 201: reminderSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await scheduleReminder(
              db,
              actorOf(request),
              request.params.customerId,
              request.body,
              clock.now(),
            ),
          ),
    );

    app.get(
      '/reminders',
      {
        schema: {
          tags,
          summary: 'Reminders of the customers you can see, soonest first (first 1000)',
          querystring: reminderListQuerySchema,
          response: { 200: reminderListResponseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const rows = await listReminderViews(
          db.kysely,
          actor.workspaceId,
          conversationScope(actor),
          request.query.status,
        );
        return { items: rows.map(presentReminder) };
      },
    );

    app.post(
      '/reminders/:reminderId/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a scheduled reminder',
          params: reminderParamsSchema,
          response: { 200: reminderSchema, ...errors },
        },
      },
      async (request) => cancelReminder(db, actorOf(request), request.params.reminderId, clock.now()),
    );

    app.get(
      '/workspace/time-zone',
      {
        schema: {
          tags,
          summary: "The workspace's time zone (IANA), in which reminder times are read",
          response: { 200: workspaceTimeZoneSchema, ...errors },
        },
      },
      async (request) => ({ timeZone: await findWorkspaceTimeZone(db.kysely, actorOf(request).workspaceId) }),
    );

    app.put(
      '/workspace/time-zone',
      {
        schema: {
          tags,
          summary: "Set the workspace's time zone (admins)",
          body: workspaceTimeZoneSchema,
          response: { 200: workspaceTimeZoneSchema, ...errors },
        },
      },
      async (request) => setTimeZone(db, actorOf(request), request.body.timeZone),
    );
  };
}
