import { z } from 'zod';
import { idSchema, timestampSchema } from '../common/primitives.ts';

export const REMINDER_STATUSES = ['scheduled', 'sent', 'cancelled', 'failed'] as const;
export const reminderStatusSchema = z.enum(REMINDER_STATUSES);
export type ReminderStatus = z.infer<typeof reminderStatusSchema>;

/** What happens at the time: a WhatsApp template to the customer, or a notification to the owner. */
export const reminderActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('template'),
    /** The WhatsApp number to send from; optional when the customer has one WhatsApp chat. */
    channelId: idSchema.optional(),
    template: z.object({
      name: z.string().trim().min(1, { message: 'must not be empty' }).max(512),
      language: z.string().trim().min(2, { message: 'must be a language code' }).max(15),
      variables: z.array(z.string().max(1024)).max(50).default([]),
      /** For a template with an image, video or document header: an id from `POST /api/v1/media`. */
      headerMediaId: idSchema.optional(),
    }),
  }),
  z.object({
    type: z.literal('notify'),
    /** What the owner is reminded of. */
    text: z.string().trim().min(1, { message: 'must not be empty' }).max(1000),
  }),
]);
export type ReminderAction = z.infer<typeof reminderActionSchema>;

/** A wall-clock time in the workspace's time zone, `YYYY-MM-DDTHH:mm` (seconds optional). */
export const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
  message: "must be a local date-time like 2026-03-31T09:30 (the workspace's time zone)",
});

export const createReminderRequestSchema = z.object({
  at: localDateTimeSchema,
  action: reminderActionSchema,
});
export type CreateReminderRequest = z.input<typeof createReminderRequestSchema>;

export const reminderSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  status: reminderStatusSchema,
  /** The local time asked for, its zone, and the instant that makes. */
  at: z.string(),
  timeZone: z.string(),
  runAt: timestampSchema,
  action: reminderActionSchema,
  /** Why it failed, for people (English). */
  failureReason: z.string().nullable(),
  /** The error catalog code of the failure, when it is one of Charla's own: show its text in the reader's language. */
  failureCode: z.string().nullable(),
  /** The message it sent (template reminders). */
  messageId: idSchema.nullable(),
  createdBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Reminder = z.infer<typeof reminderSchema>;
export const reminderParamsSchema = z.object({ reminderId: idSchema });
export const reminderListQuerySchema = z.object({ status: reminderStatusSchema.optional() });
export const reminderListResponseSchema = z.object({ items: z.array(reminderSchema) });

/** The workspace's time zone (IANA name), the zone reminder times are read in. */
export const workspaceTimeZoneSchema = z.object({
  timeZone: z.string().refine((zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone), {
    message: 'must be an IANA time zone such as America/Mexico_City',
  }),
});
